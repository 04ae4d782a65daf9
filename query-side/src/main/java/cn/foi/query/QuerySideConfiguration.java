package cn.foi.query;

import cn.foi.platform.FoiPlatformConfiguration;
import cn.foi.platform.security.UserAccountStore;
import cn.foi.query.calendar.CalendarProjection;
import cn.foi.query.directory.DirectoryProjection;
import cn.foi.query.reports.AnnualReportProjection;
import cn.foi.query.persistence.QueryDatabase;
import cn.foi.query.requests.RequestProjection;
import java.util.List;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.StreamableKafkaMessageSource;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;

/**
 * The query side: projections fed from Kafka by tracking processors whose positions live in the query database, in the
 * same transaction as the projections they feed. Imported by the query-side application and by the all-in-one.
 */
@Configuration(proxyBeanMethods = false)
// The side's own application class is a configuration too; scanning it would bring its settings into the all-in-one.
@ComponentScan(value = "cn.foi.query", excludeFilters = @ComponentScan.Filter(type = FilterType.ANNOTATION,
        classes = SpringBootConfiguration.class))
@Import(FoiPlatformConfiguration.class)
@PropertySource(value = {"classpath:foi-common.properties", "classpath:query-side-defaults.properties"},
        encoding = "UTF-8")
public class QuerySideConfiguration {

    /** Every projection of the query side, each with its own tracking processor and position. */
    public static final List<String> PROCESSORS = List.of(RequestProjection.PROCESSING_GROUP,
            DirectoryProjection.PROCESSING_GROUP, CalendarProjection.PROCESSING_GROUP,
            AnnualReportProjection.PROCESSING_GROUP);

    public static final TokenSchema TOKEN_SCHEMA = TokenSchema.builder()
            .setTokenTable("token_entry")
            .setProcessorNameColumn("processor_name")
            .setSegmentColumn("segment")
            .setTokenColumn("token")
            .setTokenTypeColumn("token_type")
            .setTimestampColumn("timestamp")
            .setOwnerColumn("owner")
            .build();

    @Autowired
    @SuppressWarnings({"unchecked", "rawtypes"})
    void projectionsFromKafka(EventProcessingConfigurer processing, StreamableKafkaMessageSource<?, ?> kafka,
                              QueryDatabase database) {
        StreamableMessageSource<TrackedEventMessage<?>> source = (StreamableMessageSource) kafka;
        SpringTransactionManager transactionManager = new SpringTransactionManager(database.transactionManager());
        for (String name : PROCESSORS) {
            processing.registerTrackingEventProcessor(name, configuration -> source,
                            configuration -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                    .andBatchSize(500)
                                    .andInitialTrackingToken(StreamableMessageSource::createTailToken))
                    .registerTokenStore(name, configuration -> JdbcTokenStore.builder()
                            .connectionProvider(new SpringDataSourceConnectionProvider(database.dataSource()))
                            .serializer(configuration.serializer())
                            .schema(TOKEN_SCHEMA)
                            .build())
                    .registerTransactionManager(name, configuration -> transactionManager)
                    // A projection never skips an event: a failure rolls the batch back and the processor retries,
                    // and /api/projections/status stays "not caught up" until it succeeds.
                    .registerListenerInvocationErrorHandler(name, configuration -> PropagatingErrorHandler.instance());
        }
    }

    /** On its own the query side signs users in from its projection; the all-in-one uses the command side's. */
    @Bean
    @ConditionalOnProperty(name = "foi.query.user-store", havingValue = "projection", matchIfMissing = true)
    UserAccountStore queryUserAccounts(DirectoryProjection directory) {
        return directory.userAccountStore();
    }
}
