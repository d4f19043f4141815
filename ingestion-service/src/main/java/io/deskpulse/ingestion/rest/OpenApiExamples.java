package io.deskpulse.ingestion.rest;

/** Example bodies for the OpenAPI document (kept apart so that the resource stays readable). */
final class OpenApiExamples {

    private OpenApiExamples() {
    }

    static final String SINGLE = """
            {"specversion": "1.0", "id": "zd-77812-3", "source": "zendesk/acme", "type": "ticket.message",
             "time": "2026-11-02T09:14:05Z",
             "data": {"ticket_id": "T-1001", "author": "agent", "agent_id": "a-17", "public": true}}""";

    static final String BATCH = """
            [{"specversion": "1.0", "id": "zd-77812-1", "source": "zendesk/acme", "type": "ticket.created",
              "time": "2026-11-02T09:12:40Z", "data": {"ticket_id": "T-1001", "channel": "email", "team_id": "t-2"}},
             {"specversion": "1.0", "id": "zd-77812-2", "source": "zendesk/acme", "type": "ticket.assigned",
              "time": "2026-11-02T09:13:01Z", "data": {"ticket_id": "T-1001", "agent_id": "a-17"}}]""";

    static final String NDJSON = """
            {"specversion":"1.0","id":"zd-1","source":"zendesk/acme","type":"ticket.created","time":"2025-01-02T08:00:00Z","data":{"ticket_id":"T-1","channel":"chat"}}
            {"specversion":"1.0","id":"zd-2","source":"zendesk/acme","type":"survey.csat","time":"2025-01-03T10:00:00+01:00","data":{"ticket_id":"T-1","score":5}}
            """;

    static final String ACCEPTED = """
            {"accepted": 2, "duplicates": 0}""";

    static final String UNAUTHORIZED = """
            {"type": "https://deskpulse.io/problems/unauthorized", "title": "Unauthorized", "status": 401,
             "detail": "Send the API key as 'Authorization: Bearer <key>'."}""";

    static final String FORBIDDEN = """
            {"type": "https://deskpulse.io/problems/forbidden", "title": "Forbidden", "status": 403,
             "detail": "This API key lacks the 'ingest' scope."}""";

    static final String TOO_LARGE = """
            {"type": "https://deskpulse.io/problems/payload-too-large", "title": "Payload too large", "status": 413,
             "detail": "A batch holds at most 1000 events (deskpulse.ingest.max-batch-events); split it, or send application/x-ndjson."}""";

    static final String UNSUPPORTED = """
            {"type": "https://deskpulse.io/problems/unsupported-media-type", "title": "Unsupported media type",
             "status": 415, "detail": "Content-Type 'text/plain' is not accepted. Send one of: application/cloudevents+json, application/json, application/cloudevents-batch+json, application/x-ndjson."}""";

    static final String INVALID = """
            {"type": "https://deskpulse.io/problems/invalid-events", "title": "Invalid events", "status": 422,
             "detail": "2 of 3 events are invalid; nothing of this request was accepted.",
             "errors": [
               {"index": 1, "id": "zd-77812-2", "field": "data.channel", "reason": "must be one of: email, chat, phone, web, social, messaging, other"},
               {"index": 2, "field": "time", "reason": "is required"}]}""";

    static final String KAFKA_UNAVAILABLE = """
            {"type": "https://deskpulse.io/problems/kafka-unavailable", "title": "Kafka unavailable", "status": 503,
             "detail": "The events could not be written to Kafka: Kafka did not acknowledge the records within 10 s. Resend the same request after Retry-After seconds: it is safe, because duplicates are recognised."}""";

    static final String RATE_LIMITED = """
            {"type": "https://deskpulse.io/problems/rate-limited", "title": "Too many requests", "status": 429,
             "detail": "This tenant sent more requests than its rate limit allows; retry after 1 s (Retry-After)."}""";

    static final String TOO_MANY_UPLOADS = """
            {"type": "https://deskpulse.io/problems/too-many-uploads", "title": "Too many uploads", "status": 429,
             "detail": "This tenant already has 2 NDJSON uploads running (deskpulse.uploads.max-concurrent-per-tenant); send the next one when one has finished."}""";

    static final String UPLOADS_BUSY = """
            {"type": "https://deskpulse.io/problems/uploads-busy", "title": "Uploads busy", "status": 503,
             "detail": "This instance is running its 4 NDJSON uploads (deskpulse.uploads.max-concurrent); resend after Retry-After seconds."}""";
}
