package io.deskpulse.scoring.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskpulse.testsupport.TestInfrastructure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** Writes records to the topic scoring consumes, and reads what it wrote elsewhere, on the real broker. */
public final class EventTopic {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventTopic() {
    }

    public static String name() {
        return ConfigProvider.getConfig().getValue("deskpulse.kafka.topic", String.class);
    }

    public static String deadLetterName() {
        return ConfigProvider.getConfig().getValue("deskpulse.kafka.dead-letter-topic", String.class);
    }

    /**
     * Sends records as (key, value) pairs and waits for the broker to acknowledge them all. The tenants the values
     * name are registered first, as an operator creates a tenant before its events flow: scoring dead-letters the
     * records of unknown tenants ({@link #sendUnregistered} shows it).
     */
    public static void send(List<String[]> keyAndValues) {
        Tenants.register(keyAndValues.stream().map(kv -> tenantOf(kv[1])).filter(Objects::nonNull).toList());
        sendUnregistered(keyAndValues);
    }

    /** Sends records without registering their tenants. */
    public static void sendUnregistered(List<String[]> keyAndValues) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()))) {
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            for (String[] kv : keyAndValues) {
                sends.add(producer.send(new ProducerRecord<>(name(), bytes(kv[0]), bytes(kv[1]))));
            }
            for (Future<RecordMetadata> send : sends) {
                send.get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not write test records", e);
        }
    }

    /** Sends events of one ticket, keyed as ingestion keys them. */
    public static void sendTicketEvents(String tenant, String ticket, List<String> events) {
        List<String[]> records = new ArrayList<>();
        events.forEach(e -> records.add(new String[] {tenant + ":" + ticket, e}));
        send(records);
    }

    /** Everything on a topic from the beginning, read until the end offsets at the time of the call. */
    public static List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** The sum of the end offsets of the event topic: how far scoring must get to have seen everything. */
    public static long endOffsetTotal() {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()))) {
            List<TopicPartition> partitions = consumer.partitionsFor(name(), Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(name(), p.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** The tenant attribute of a record's value, if it is a JSON object with one. */
    private static String tenantOf(String value) {
        if (value == null) {
            return null;
        }
        try {
            JsonNode tenant = JSON.readTree(value).get("deskpulsetenant");
            return tenant != null && tenant.isTextual() ? tenant.asText() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    public static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }
}
