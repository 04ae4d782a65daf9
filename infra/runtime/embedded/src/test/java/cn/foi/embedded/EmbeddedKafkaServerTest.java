package cn.foi.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaServerTest {

    @Test
    void a_record_produced_is_consumed_by_a_consumer_group() throws Exception {
        EmbeddedKafkaServer kafka = EmbeddedKafkaServer.shared();
        assertThat(EmbeddedKafkaServer.shared()).isSameAs(kafka);
        String topic = "auto-created-" + UUID.randomUUID();

        try (KafkaProducer<String, String> producer = producer(kafka)) {
            // the topic does not exist yet: auto-creation is on
            producer.send(new ProducerRecord<>(topic, "application-1", "submitted")).get(30, TimeUnit.SECONDS);
        }

        try (KafkaConsumer<String, String> consumer = consumer(kafka, "group-" + UUID.randomUUID())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> records = poll(consumer, 1);
            assertThat(records).hasSize(1);
            assertThat(records.get(0).key()).isEqualTo("application-1");
            assertThat(records.get(0).value()).isEqualTo("submitted");
            consumer.commitSync(); // the group coordinator (__consumer_offsets, replication factor 1) works
        }
    }

    @Test
    void a_topic_and_its_records_survive_a_close_and_a_restart_on_the_same_log_dir(@TempDir Path logDir)
            throws Exception {
        String topic = "foi-events";
        TopicPartition partition = new TopicPartition(topic, 0);

        try (EmbeddedKafkaServer kafka = EmbeddedKafkaServer.start(logDir, 0)) {
            assertThat(kafka.isTemporary()).isFalse();
            try (Admin admin = admin(kafka)) {
                assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(1);
                admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
                // unlimited retention, so projections can be rebuilt from the topic
                Config brokerConfig = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.BROKER, "1")))
                        .all().get(30, TimeUnit.SECONDS).values().iterator().next();
                assertThat(brokerConfig.get("log.retention.ms").value()).isEqualTo("-1");
                assertThat(brokerConfig.get("offsets.topic.replication.factor").value()).isEqualTo("1");
            }
            try (KafkaProducer<String, String> producer = producer(kafka)) {
                for (int i = 1; i <= 3; i++) {
                    RecordMetadata written = producer.send(new ProducerRecord<>(topic, "application-" + i, "event-" + i))
                            .get(30, TimeUnit.SECONDS);
                    assertThat(written.offset()).isEqualTo(i - 1);
                }
            }
        }
        assertThat(logDir.resolve("meta.properties")).exists();
        assertThat(logDir.resolve(topic + "-0")).isDirectory();

        try (EmbeddedKafkaServer kafka = EmbeddedKafkaServer.start(logDir, 0)) {
            try (Admin admin = admin(kafka)) {
                Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
                assertThat(topics).contains(topic);
            }
            try (KafkaConsumer<String, String> consumer = consumer(kafka, null)) {
                consumer.assign(List.of(partition));
                consumer.seekToBeginning(List.of(partition));
                List<ConsumerRecord<String, String>> records = poll(consumer, 3);
                assertThat(records).extracting(ConsumerRecord::value).containsExactly("event-1", "event-2", "event-3");
                assertThat(records).extracting(ConsumerRecord::key)
                        .containsExactly("application-1", "application-2", "application-3");
            }
        }
    }

    @Test
    void a_temporary_broker_deletes_its_log_dir_on_close() {
        Path dir;
        try (EmbeddedKafkaServer kafka = EmbeddedKafkaServer.startTemporary()) {
            dir = kafka.logDir();
            assertThat(kafka.bootstrapServers()).isEqualTo("127.0.0.1:" + kafka.port());
            assertThat(kafka.controllerPort()).isNotEqualTo(kafka.port());
            assertThat(dir.resolve("meta.properties")).exists();
        }
        assertThat(Files.exists(dir)).isFalse();
    }

    private static Admin admin(EmbeddedKafkaServer kafka) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    private static KafkaProducer<String, String> producer(EmbeddedKafkaServer kafka) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(EmbeddedKafkaServer kafka, String groupId) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        if (groupId != null) {
            p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        }
        return new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    }

    private static List<ConsumerRecord<String, String>> poll(KafkaConsumer<String, String> consumer, int expected) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (records.size() < expected && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return records;
    }
}
