package io.deskpulse.ingestion.messaging;

/** A record ready for the events topic: the UTF-8 key and the normalised CloudEvent as JSON. */
public record OutgoingRecord(byte[] key, byte[] value) {
}
