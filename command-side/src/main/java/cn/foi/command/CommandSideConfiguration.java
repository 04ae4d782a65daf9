package cn.foi.command;

import cn.foi.command.calendar.CalendarChangePropagation;
import cn.foi.command.directory.CommandDirectories;
import cn.foi.command.store.BatchAcknowledgedKafkaPublisher;
import cn.foi.command.store.PublicationWatermark;
import cn.foi.platform.FoiPlatformConfiguration;
import cn.foi.platform.security.JdbcSignInLog;
import cn.foi.platform.security.SignInLog;
import cn.foi.platform.security.SignInPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.producer.KafkaEventPublisher;
import org.axonframework.extensions.kafka.eventhandling.producer.KafkaPublisher;
import org.axonframework.extensions.kafka.eventhandling.producer.ProducerFactory;
import org.axonframework.extensions.kafka.eventhandling.producer.TopicResolver;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.IdGenerator;
import org.springframework.util.JdkIdGenerator;

/**
 * The command side: aggregates, the sets they check, the event store and the publication to Kafka. Imported by the
 * command-side application and by the all-in-one.
 */
@Configuration(proxyBeanMethods = false)
// The side's own application class is a configuration too; scanning it would bring its settings into the all-in-one.
@ComponentScan(value = "cn.foi.command", excludeFilters = @ComponentScan.Filter(type = FilterType.ANNOTATION,
        classes = SpringBootConfiguration.class))
@Import(FoiPlatformConfiguration.class)
@PropertySource(value = {"classpath:foi-common.properties", "classpath:command-side-defaults.properties"},
        encoding = "UTF-8")
public class CommandSideConfiguration {

    /** The metadata key of the user who issued a command; every event it causes carries it too. */
    public static final String ACTOR = "actor";

    /**
     * Requests stay in memory between commands, so a command does not reload and replay the request's events. Safe with
     * one command side: a stale entry could only cause a refused append, never a wrong one. With two or more command
     * sides on one event store (ADR 0033) an entry goes stale whenever another node changes the request, and each such
     * command would be refused once (409) before Axon drops the entry: there {@code FOI_AGGREGATE_CACHE=false} loads
     * every request from the store.
     */
    @Bean
    Cache disclosureRequestCache(@Value("${foi.command.aggregate-cache:true}") boolean enabled) {
        return enabled ? new WeakReferenceCache() : NoCache.INSTANCE;
    }

    /**
     * The sign-in log in the command database (V8__sign_in_log.sql): the web UI signs in here in both ways of running,
     * and the all-in-one's query side signs in with this side's accounts.
     */
    @Bean
    SignInLog commandSignInLog(JdbcTemplate jdbc, SignInPolicy policy, Clock clock) {
        return new JdbcSignInLog(jdbc, policy.logRetention(), clock);
    }

    @Bean
    IdGenerator requestIdGenerator() {
        return new JdkIdGenerator();
    }

    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    @Bean
    CorrelationDataProvider actorCorrelationProvider() {
        return new SimpleCorrelationDataProvider(ACTOR);
    }

    /**
     * Events go to Kafka in tracking batches whose acknowledgements are awaited once per batch (see
     * {@link BatchAcknowledgedKafkaPublisher} for why the library's publisher is replaced).
     */
    @Bean(destroyMethod = "shutDown")
    <K, V> KafkaPublisher<K, V> kafkaPublisher(ProducerFactory<K, V> producerFactory,
                                               KafkaMessageConverter<K, V> messageConverter, TopicResolver topicResolver,
                                               org.axonframework.config.Configuration axon,
                                               @Value("${foi.kafka.acknowledgement-timeout:PT30S}") Duration timeout,
                                               PublicationWatermark watermark) {
        return new BatchAcknowledgedKafkaPublisher<>(producerFactory, messageConverter, topicResolver,
                axon.messageMonitor(KafkaPublisher.class, "kafkaPublisher"), timeout, axon.eventSerializer(),
                watermark);
    }

    /**
     * Publishing to Kafka starts at the first stored event, and in batches of up to 500 events: one acknowledgement
     * wait per batch.
     *
     * <p>The explicit tail token matters: by default a new processor starts inside a replay, and the Kafka publisher,
     * which does not take part in replays, would skip every event stored before its first start (the administrator
     * created at the first start, for one).
     *
     * <p>With two or more command sides (ADR 0033) the publisher runs on the one node holding its token's claim; a node
     * without it looks for an unclaimed (or expired, see {@code FOI_TOKEN_CLAIM_TIMEOUT}) token every two seconds, so
     * publication moves within the claim timeout plus two seconds after its node died.
     */
    @Autowired
    void publishEverythingInBatches(EventProcessingConfigurer processing) {
        processing.registerTrackingEventProcessorConfiguration(KafkaEventPublisher.DEFAULT_PROCESSING_GROUP,
                configuration -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(500)
                        .andTokenClaimInterval(2, TimeUnit.SECONDS)
                        .andInitialTrackingToken(StreamableMessageSource::createTailToken));
    }

    /** Calendar changes reach open requests after the declaration is stored, and a failure is retried, not skipped. */
    @Autowired
    void propagateCalendarChanges(EventProcessingConfigurer processing) {
        processing.registerTrackingEventProcessor(CalendarChangePropagation.PROCESSING_GROUP,
                        configuration -> (StreamableMessageSource) configuration.eventStore(),
                        configuration -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andInitialTrackingToken(StreamableMessageSource::createTailToken))
                .registerListenerInvocationErrorHandler(CalendarChangePropagation.PROCESSING_GROUP,
                        configuration -> PropagatingErrorHandler.instance());
    }

    /** The sets the commands check are written in the transaction of the events, and fail it when they fail. */
    @Autowired
    void directoriesInTheCommandTransaction(EventProcessingConfigurer processing) {
        processing.registerSubscribingEventProcessor(CommandDirectories.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(CommandDirectories.PROCESSING_GROUP,
                        configuration -> PropagatingErrorHandler.instance());
    }
}
