package io.deskpulse.scoring.rest;

/** Example bodies of the alert rules API for the OpenAPI document; they match real answers. */
final class AlertRuleExamples {

    private AlertRuleExamples() {
    }

    static final String BODY = """
            {"name": "Chat first response too slow", "metric": "first_response_avg_s", "dimension": "team",
             "ids": ["billing"], "channel": "chat", "window_minutes": 60, "comparison": ">", "threshold": 120,
             "min_volume": 5,
             "webhook": {"url": "https://hooks.example.com/deskpulse", "secret": "3f1c9a0e5b7d2c4e6a8f0b1d3e5c7a9f"}}""";

    static final String RULE = """
            {"id": 3, "version": 1, "name": "Chat first response too slow", "enabled": true,
             "metric": "first_response_avg_s", "dimension": "team", "ids": ["billing"], "channel": "chat",
             "window_minutes": 60, "comparison": ">", "threshold": 120, "min_volume": 5,
             "webhook": {"url": "https://hooks.example.com/deskpulse"},
             "created_at": "2026-11-03T08:00:00.120Z", "created_by": "jane.doe@example.com",
             "updated_at": "2026-11-03T08:00:00.120Z", "updated_by": "jane.doe@example.com"}""";

    static final String INVALID = """
            {
              "type": "https://deskpulse.io/problems/invalid-alert-rule",
              "title": "Invalid alert rule",
              "status": 400,
              "detail": "3 fields are invalid; nothing was saved",
              "errors": [
                {"field": "metric", "reason": "must be one of tickets_created, ..., negative_share, got 'first_response_p90_s'"},
                {"field": "window_minutes", "reason": "must be whole hours in minutes, from 60 to 10080 (the aggregates \
            are hourly; see docs/alerts.md), got 30"},
                {"field": "webhook.url", "reason": "must be an absolute http or https URL of at most 2000 characters, \
            got 'ftp://hooks.example.com'"}
              ]
            }""";

    static final String NOT_FOUND = """
            {"type": "https://deskpulse.io/problems/not-found", "title": "Not found", "status": 404,
             "detail": "There is no alert rule 9 (GET /v1/alert-rules lists them)"}""";

    static final String CONFLICT = """
            {"type": "https://deskpulse.io/problems/version-conflict", "title": "Version conflict", "status": 412,
             "detail": "If-Match is \\"1\\" but the current version is 2: GET /v1/alert-rules/3, apply your change \
            to it and send it again with If-Match: \\"2\\""}""";

    static final String DELIVERIES = """
            [{"id": 41, "alert_id": 17, "event": "alert.raised", "status": "delivered", "attempts": 2,
              "created_at": "2026-11-03T10:25:00.004Z", "next_attempt_at": "2026-11-03T10:25:30.210Z",
              "finished_at": "2026-11-03T10:25:30.388Z", "last_error": null,
              "attempt_history": [
                {"attempt": 1, "at": "2026-11-03T10:25:00.210Z", "url": "https://hooks.example.com/deskpulse",
                 "status_code": 503, "error": "HTTP 503", "duration_ms": 84},
                {"attempt": 2, "at": "2026-11-03T10:25:30.301Z", "url": "https://hooks.example.com/deskpulse",
                 "status_code": 204, "error": null, "duration_ms": 87}]}]""";
}
