package io.deskpulse.scoring.rest;

/** Example bodies of the report webhook API for the OpenAPI document; they match what the API really returns. */
final class ReportWebhookExamples {

    private ReportWebhookExamples() {
    }

    static final String CREATE = """
            {"name": "Team leads' channel", "url": "https://hooks.example.com/deskpulse/reports",
             "granularities": ["week", "month"]}""";

    static final String WEBHOOK = """
            {"id": 7, "name": "Team leads' channel", "url": "https://hooks.example.com/deskpulse/reports",
             "granularities": ["week", "month"], "status": "active", "disabled_at": null,
             "created_by": "jane.doe@example.com", "created_at": "2026-12-07T10:00:00Z",
             "updated_at": "2026-12-07T10:00:00Z"}""";

    static final String DISABLED = """
            {"id": 7, "name": "Team leads' channel", "url": "https://hooks.example.com/deskpulse/reports",
             "granularities": ["week", "month"], "status": "disabled", "disabled_at": "2026-12-08T09:00:00Z",
             "created_by": "jane.doe@example.com", "created_at": "2026-12-07T10:00:00Z",
             "updated_at": "2026-12-08T09:00:00Z"}""";

    static final String TOO_MANY = """
            {"type": "https://deskpulse.io/problems/too-many-report-webhooks", "title": "Too many report webhooks",
             "status": 409, "detail": "This tenant has 20 report webhooks, the most allowed (deskpulse.reports.max-webhooks-per-tenant); disabled ones count too."}""";

    static final String INVALID_SECRET = """
            {"type": "https://deskpulse.io/problems/invalid-request", "title": "Invalid request", "status": 422,
             "detail": "1 field is invalid; nothing was started",
             "errors": [{"field": "secret", "reason": "must be 16 to 512 printable ASCII characters without spaces"}]}""";

    static final String CREATED = "{\"webhook\": " + WEBHOOK
            + ", \"secret\": \"b3Jx7Qm2vYkq9Z1sWc4Nf8Hp0Lr6Tj5Ue2Ga7Kd3XiM\"}";

    static final String INVALID = """
            {"type": "https://deskpulse.io/problems/invalid-request", "title": "Invalid request", "status": 422,
             "detail": "2 fields are invalid; nothing was started",
             "errors": [{"field": "granularities[1]", "reason": "must be one of day, week, month"},
                        {"field": "url", "reason": "must be an absolute http or https URL of at most 2000 characters, without user info"}]}""";

    static final String DELIVERIES = """
            [{"id": 41, "report_id": 12, "event": "period_report.created", "status": "delivered", "attempts": 2,
              "created_at": "2026-11-09T00:30:00Z", "next_attempt_at": "2026-11-09T00:30:30Z",
              "finished_at": "2026-11-09T00:30:30Z", "last_error": null,
              "attempt_history": [
                {"attempt": 1, "at": "2026-11-09T00:30:00Z", "url": "https://hooks.example.com/deskpulse/reports",
                 "status_code": 503, "error": "HTTP 503", "duration_ms": 84},
                {"attempt": 2, "at": "2026-11-09T00:30:30Z", "url": "https://hooks.example.com/deskpulse/reports",
                 "status_code": 204, "error": null, "duration_ms": 61}]}]""";

    static final String NOT_FOUND = """
            {"type": "https://deskpulse.io/problems/not-found", "title": "Not found", "status": 404,
             "detail": "This tenant has no report webhook 99 (GET /v1/report-webhooks lists them)."}""";
}
