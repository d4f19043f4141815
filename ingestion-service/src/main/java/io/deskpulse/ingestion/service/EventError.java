package io.deskpulse.ingestion.service;

/**
 * What is wrong with one event of a request: {@code index} is its position (0-based; the line number for
 * NDJSON; null for a single-event request), {@code id} its CloudEvents id when it has one.
 */
public record EventError(Integer index, String id, String field, String reason) {
}
