package io.deskpulse.scoring.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A record scoring could not process, and why. */
public record DeadLetter(ConsumerRecord<byte[], byte[]> record, String reason) {
}
