package cn.foi.command.store;

import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.util.RegisterDefaultEntities;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The event store: Axon's JPA storage engine with bounded gap tracking, behind the staging of ledger imports, and an
 * embedded event store with a small cache. The bounds and their arithmetic are in ADR 10: every tracked event carries its
 * own copy of the gaps its token knows, so gaps times cached events is what a JVM must hold.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
// Axon registers its event entities with the JPA auto-configuration this configuration replaces.
@RegisterDefaultEntities(packages = "org.axonframework.eventsourcing.eventstore.jpa")
public class EventStoreConfiguration {

    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          Configuration configuration, EntityManagerProvider entityManagerProvider,
                                          TransactionManager transactionManager, JdbcTemplate jdbc,
                                          @Value("${foi.event-store.max-gap-offset:5000}") int maxGapOffset) {
        JpaEventStorageEngine jpa = JpaEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .entityManagerProvider(entityManagerProvider)
                .transactionManager(transactionManager)
                .maxGapOffset(maxGapOffset)
                .build();
        return new StagingEventStorageEngine(jpa, eventSerializer, jdbc);
    }

    @Qualifier("eventStore")
    @Bean(name = "eventBus")
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, Configuration configuration,
                                  @Value("${foi.event-store.cached-events:500}") int cachedEvents) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .cachedEvents(cachedEvents)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .build();
    }
}
