package cn.foi.query;

import cn.foi.platform.FoiPlatformConfiguration;
import cn.foi.platform.security.JdbcSignInLog;
import cn.foi.platform.security.SignInLog;
import cn.foi.platform.security.SignInPolicy;
import cn.foi.platform.security.UserAccountStore;
import java.time.Clock;
import cn.foi.query.calendar.CalendarProjection;
import cn.foi.query.directory.DirectoryProjection;
import cn.foi.query.failures.ProjectionFailures;
import cn.foi.query.report.AnnualReportProjection;
import cn.foi.query.persistence.QueryDatabase;
import cn.foi.query.request.RequestProjection;
import java.util.List;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventhandling.EventMessage;
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

    /** Axon's dead-letter table in the project's naming (V9__dead_letters.sql). */
    public static final DeadLetterSchema DEAD_LETTER_SCHEMA = DeadLetterSchema.builder()
            .deadLetterTable("dead_letter_entry")
            .deadLetterIdentifierColumn("dead_letter_id")
            .processingGroupColumn("processing_group")
            .sequenceIdentifierColumn("sequence_identifier")
            .sequenceIndexColumn("sequence_index")
            .messageTypeColumn("message_type")
            .eventIdentifierColumn("event_identifier")
            .timestampColumn("time_stamp")
            .payloadTypeColumn("payload_type")
            .payloadRevisionColumn("payload_revision")
            .payloadColumn("payload")
            .metaDataColumn("meta_data")
            .aggregateTypeColumn("aggregate_type")
            .aggregateIdentifierColumn("aggregate_identifier")
            .sequenceNumberColumn("sequence_number")
            .tokenTypeColumn("token_type")
            .tokenColumn("token")
            .enqueuedAtColumn("enqueued_at")
            .lastTouchedColumn("last_touched")
            .processingStartedColumn("processing_started")
            .causeTypeColumn("cause_type")
            .causeMessageColumn("cause_message")
            .diagnosticsColumn("diagnostics")
            .build();

    /**
     * Axon refuses to park more than this: the queue would then stall the processor, as before. Far beyond what an
     * administrator can look at, so it is a bound for a runaway, not a working limit.
     */
    private static final int MAX_PARKED = 100_000;

    @Autowired
    @SuppressWarnings({"unchecked", "rawtypes"})
    void projectionsFromKafka(EventProcessingConfigurer processing, StreamableKafkaMessageSource<?, ?> kafka,
                              QueryDatabase database, ProjectionFailures failures) {
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
                    // An event a projection cannot apply is parked with the later events of its request (Axon's default
                    // sequencing: per aggregate), in the query database and the transaction of the processor's
                    // position; every other request goes on. Administrators retry or skip parked events (ADR 11).
                    .registerDeadLetterQueue(name, configuration -> JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                            .processingGroup(name)
                            .connectionProvider(new SpringDataSourceConnectionProvider(database.dataSource()))
                            .transactionManager(transactionManager)
                            .schema(DEAD_LETTER_SCHEMA)
                            .genericSerializer(configuration.serializer())
                            .eventSerializer(configuration.eventSerializer())
                            .maxSequences(MAX_PARKED)
                            .maxSequenceSize(MAX_PARKED)
                            .build())
                    .registerDeadLetterPolicy(name, configuration -> failures.enqueuePolicy())
                    .registerDeadLetteringEventHandlerInvokerConfiguration(name, (configuration, invoker) -> invoker
                            .listenerInvocationErrorHandler(failures.errorHandler(name))
                            // Without it every event asks the table whether its request is parked.
                            .enableSequenceIdentifierCache()
                            // A replay applies every event again: the parked ones are parked again if they still fail.
                            .allowReset(true))
                    .registerHandlerInterceptor(name, configuration -> failures.interceptor(name));
        }
    }

    /** On its own the query side signs users in from its projection; the all-in-one uses the command side's. */
    @Bean
    @ConditionalOnProperty(name = "foi.query.user-store", havingValue = "projection", matchIfMissing = true)
    UserAccountStore queryUserAccounts(DirectoryProjection directory) {
        return directory.userAccountStore();
    }

    /** Signing users in itself, the query side logs the attempts in its own database (V12__sign_in_log.sql). */
    @Bean
    @ConditionalOnProperty(name = "foi.query.user-store", havingValue = "projection", matchIfMissing = true)
    SignInLog querySignInLog(QueryDatabase database, SignInPolicy policy, Clock clock) {
        return new JdbcSignInLog(database.jdbc(), policy.logRetention(), clock);
    }
}
