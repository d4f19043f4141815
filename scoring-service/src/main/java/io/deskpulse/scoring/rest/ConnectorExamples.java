package io.deskpulse.scoring.rest;

/** Example bodies of the connector API for the OpenAPI document; they match what the API really returns. */
final class ConnectorExamples {

    private ConnectorExamples() {
    }

    static final String CREATE = """
            {"platform": "chatwoot", "name": "Support inbox (Chatwoot)"}""";

    static final String CREATE_FRESHDESK = """
            {"platform": "freshdesk", "name": "Freshdesk", "options": {"auth": "header"}}""";

    static final String CONNECTOR = """
            {"id": "cn_4f1c0b7e9a2d4c6f8e1b3a5d7c9e0f12", "platform": "chatwoot", "name": "Support inbox (Chatwoot)",
             "options": {"allow_unsigned": false},
             "webhook_url": "https://ingest.example.com/v1/hooks/cn_4f1c0b7e9a2d4c6f8e1b3a5d7c9e0f12",
             "status": "active", "previous_secret_valid_until": null, "disabled_at": null,
             "created_by": "jane.doe@example.com", "created_at": "2026-12-07T10:00:00Z",
             "updated_at": "2026-12-07T10:00:00Z"}""";

    static final String CREATED = "{\"connector\": " + CONNECTOR
            + ", \"secret\": \"b3Jx7Qm2vYkq9Z1sWc4Nf8Hp0Lr6Tj5Ue2Ga7Kd3XiM\"}";

    static final String ROTATE = """
            {"grace_period_s": 3600}""";

    static final String INVALID = """
            {"type": "https://deskpulse.io/problems/invalid-request", "title": "Invalid request", "status": 422,
             "detail": "2 fields are invalid; nothing was started",
             "errors": [{"field": "options.auth", "reason": "is an option of freshdesk connectors only"},
                        {"field": "platform", "reason": "must be one of zendesk, chatwoot, freshdesk, intercom, zammad"}]}""";

    static final String NOT_FOUND = """
            {"type": "https://deskpulse.io/problems/not-found", "title": "Not found", "status": 404,
             "detail": "This tenant has no connector cn_0 (GET /v1/connectors lists them)."}""";
}
