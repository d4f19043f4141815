package io.deskpulse.scoring.messaging;

import io.deskpulse.scoring.config.KafkaTopicsConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;

/**
 * Writes unprocessable records to the dead-letter topic with the reason and their origin in headers.
 * It waits for the acknowledgements: the caller moves its offsets past these records only afterwards,
 * so a record is never dropped silently (a retry may write it twice, which is harmless there).
 */
@ApplicationScoped
public class DeadLetterPublisher {

    public static final String REASON_HEADER = "deskpulse.dlq.reason";
    public static final String TOPIC_HEADER = "deskpulse.dlq.topic";
    public static final String PARTITION_HEADER = "deskpulse.dlq.partition";
    public static final String OFFSET_HEADER = "deskpulse.dlq.offset";
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaClients clients;
    private final String topic;
    private volatile KafkaProducer<byte[], byte[]> producer;

    public DeadLetterPublisher(KafkaClients clients, KafkaTopicsConfig topics) {
        this.clients = clients;
        this.topic = topics.deadLetterTopic();
    }

    /** Publishes and waits; throws {@link DeadLetterException} when Kafka did not take them all. */
    public void publish(List<DeadLetter> deadLetters) throws DeadLetterException {
        if (deadLetters.isEmpty()) {
            return;
        }
        List<Future<RecordMetadata>> sends = new ArrayList<>(deadLetters.size());
        for (DeadLetter deadLetter : deadLetters) {
            sends.add(producer().send(toRecord(deadLetter)));
        }
        long deadline = System.nanoTime() + ACK_TIMEOUT.toNanos();
        try {
            for (Future<RecordMetadata> send : sends) {
                send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeadLetterException("interrupted while writing dead letters", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new DeadLetterException("dead-letter topic " + topic + " did not acknowledge", e);
        }
    }

    private ProducerRecord<byte[], byte[]> toRecord(DeadLetter deadLetter) {
        var origin = deadLetter.record();
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, origin.key(), origin.value());
        for (Header header : origin.headers()) {
            record.headers().add(header);
        }
        record.headers().add(REASON_HEADER, utf8(deadLetter.reason()));
        record.headers().add(TOPIC_HEADER, utf8(origin.topic()));
        record.headers().add(PARTITION_HEADER, utf8(Integer.toString(origin.partition())));
        record.headers().add(OFFSET_HEADER, utf8(Long.toString(origin.offset())));
        return record;
    }

    private KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = clients.deadLetterProducer();
                }
            }
        }
        return producer;
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Kafka did not take the dead letters: a transient failure, the batch is retried. */
    public static class DeadLetterException extends Exception {
        DeadLetterException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
