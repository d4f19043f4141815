package io.deskpulse.ingestion.service;

/** One thing wrong with one event: {@code field} is a dotted path into the event (null for the whole event). */
public record Violation(String field, String reason) {
}
