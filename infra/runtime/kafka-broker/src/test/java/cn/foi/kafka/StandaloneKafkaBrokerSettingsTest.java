package cn.foi.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How the launcher turns its settings (here as system properties) into a member of a cluster or a broker alone. */
class StandaloneKafkaBrokerSettingsTest {

    private static final List<String> KEYS = List.of("kafka.node.id", "kafka.port", "kafka.controller.port",
            "kafka.controller.host", "kafka.controller.quorum.voters", "kafka.cluster.id", "kafka.log.dir");
    private static final String VOTERS = "1@10.0.0.11:9093,2@10.0.0.12:9093,3@10.0.0.13:9093";
    private static final String CLUSTER = "MkU3OEVBNTcwNTJENDM2Qg";

    @AfterEach
    void forgetTheSettings() {
        KEYS.forEach(System::clearProperty);
    }

    @Test
    void givenNoClusterSettings_thenTheBrokerIsItsOwnSingleVoterWithOneReplicaOfEverything() {
        set(Map.of("kafka.port", "19092", "kafka.controller.port", "19093"));

        StandaloneKafkaBroker.Settings settings = StandaloneKafkaBroker.Settings.read();
        Properties broker = StandaloneKafkaBroker.brokerProperties(settings);

        assertThat(broker.getProperty("controller.quorum.voters")).isEqualTo("1@127.0.0.1:19093");
        assertThat(broker.getProperty("default.replication.factor")).isEqualTo("1");
        assertThat(broker.getProperty("offsets.topic.replication.factor")).isEqualTo("1");
        assertThat(broker.getProperty("min.insync.replicas")).isEqualTo("1");
        assertThat(settings.clusterId()).hasSize(22);
    }

    @Test
    void givenThreeVoters_thenKafkasOwnTopicsKeepThreeReplicasAndAWriteNeedsTwo() {
        set(Map.of("kafka.node.id", "2", "kafka.port", "19092", "kafka.controller.port", "9093",
                "kafka.controller.host", "10.0.0.12", "kafka.controller.quorum.voters", VOTERS,
                "kafka.cluster.id", CLUSTER));

        StandaloneKafkaBroker.Settings settings = StandaloneKafkaBroker.Settings.read();
        Properties broker = StandaloneKafkaBroker.brokerProperties(settings);

        assertThat(broker.getProperty("node.id")).isEqualTo("2");
        assertThat(broker.getProperty("controller.quorum.voters")).isEqualTo(VOTERS);
        assertThat(broker.getProperty("listeners")).contains("CONTROLLER://10.0.0.12:9093");
        assertThat(broker.getProperty("offsets.topic.replication.factor")).isEqualTo("3");
        assertThat(broker.getProperty("transaction.state.log.replication.factor")).isEqualTo("3");
        assertThat(broker.getProperty("default.replication.factor")).isEqualTo("3");
        assertThat(broker.getProperty("min.insync.replicas")).isEqualTo("2");
        assertThat(broker.getProperty("transaction.state.log.min.isr")).isEqualTo("2");
        assertThat(broker.getProperty("unclean.leader.election.enable")).isEqualTo("false");
        assertThat(settings.clusterId()).isEqualTo(CLUSTER);
    }

    @Test
    void givenSeveralVotersWithoutAClusterId_thenTheBrokerRefusesToStart() {
        set(Map.of("kafka.node.id", "1", "kafka.port", "19092", "kafka.controller.port", "9093",
                "kafka.controller.quorum.voters", VOTERS));

        assertThatThrownBy(StandaloneKafkaBroker.Settings::read).hasMessageContaining("KAFKA_CLUSTER_ID");
    }

    @Test
    void givenVotersThatDoNotListThisNode_thenTheBrokerRefusesToStart() {
        set(Map.of("kafka.node.id", "4", "kafka.port", "19092", "kafka.controller.port", "9093",
                "kafka.controller.quorum.voters", VOTERS, "kafka.cluster.id", CLUSTER));

        assertThatThrownBy(StandaloneKafkaBroker.Settings::read).hasMessageContaining("does not list this node");
    }

    @Test
    void givenAMalformedVotersList_thenTheBrokerRefusesToStart() {
        set(Map.of("kafka.node.id", "1", "kafka.port", "19092", "kafka.controller.port", "9093",
                "kafka.controller.quorum.voters", "1@10.0.0.11", "kafka.cluster.id", CLUSTER));

        assertThatThrownBy(StandaloneKafkaBroker.Settings::read).hasMessageContaining("id@host:port");
    }

    private static void set(Map<String, String> settings) {
        settings.forEach(System::setProperty);
    }
}
