package io.deskpulse.ingestion.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The 202 answer: {@code accepted} events of this request were written to Kafka and acknowledged,
 * {@code duplicates} were recognised as already sent (earlier in the request, or recently acknowledged by
 * this instance) and not written again. Together they are every event of the request.
 */
@Schema(name = "IngestResult", requiredProperties = {"accepted", "duplicates"}, additionalProperties = Schema.False.class)
public record IngestResult(
        @Schema(description = "Events written to Kafka and acknowledged", example = "2") long accepted,
        @Schema(description = "Events already sent (earlier in the request, or recently acknowledged), not written "
                + "again", example = "0") long duplicates) {
}
