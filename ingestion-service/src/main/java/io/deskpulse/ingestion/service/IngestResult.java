package io.deskpulse.ingestion.service;

/**
 * The 202 answer: {@code accepted} events of this request were written to Kafka and acknowledged,
 * {@code duplicates} were recognised as already sent (earlier in the request, or recently acknowledged by
 * this instance) and not written again. Together they are every event of the request.
 */
public record IngestResult(long accepted, long duplicates) {
}
