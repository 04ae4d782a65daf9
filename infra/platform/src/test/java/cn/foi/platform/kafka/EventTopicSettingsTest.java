package cn.foi.platform.kafka;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Replication settings that no cluster could honour are refused before Kafka is asked (the address below is never
 * reached): a side must not start with a topic that accepts writes no broker keeps twice, or refuses every write.
 */
class EventTopicSettingsTest {

    private static final String NOWHERE = "127.0.0.1:1";

    @Test
    void givenMoreReplicasInSyncThanReplicas_thenTheTopicIsNotCreated() {
        assertThatThrownBy(() -> EventTopic.ensureExists(NOWHERE, "foi.events", 4, 1, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("FOI_KAFKA_MIN_INSYNC_REPLICAS");
    }

    @Test
    void givenNoReplica_thenTheTopicIsNotCreated() {
        assertThatThrownBy(() -> EventTopic.ensureExists(NOWHERE, "foi.events", 4, 0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("FOI_KAFKA_REPLICATION_FACTOR");
    }
}
