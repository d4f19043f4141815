package io.deskpulse.scoring.rest;

/** Example bodies for the OpenAPI document (shown in Swagger UI); they match what the API really returns. */
final class OpenApiExamples {

    private OpenApiExamples() {
    }

    static final String DOCUMENT = """
            {
              "time_zone": "Europe/Berlin",
              "business_hours": {
                "weekly": {
                  "monday": ["09:00-17:00"],
                  "tuesday": ["09:00-12:00", "13:00-17:00"],
                  "wednesday": ["09:00-17:00"],
                  "thursday": ["09:00-17:00"],
                  "friday": ["09:00-17:00"]
                },
                "holidays": ["2026-12-24", "2026-12-25", "2026-12-26"]
              },
              "team_business_hours": {
                "us-support": {
                  "time_zone": "America/New_York",
                  "weekly": {"monday": ["08:00-20:00"], "tuesday": ["08:00-20:00"]},
                  "holidays": ["2026-11-26"]
                }
              },
              "first_response_sla_s": {"chat": 45, "email": 7200},
              "first_response_sla_s_by_priority": {"urgent": {"email": 3600, "web": 3600}},
              "qa_pass_mark": 75,
              "complaint_tag": "complaint",
              "service_level_s": {"phone": 15}
            }""";

    static final String DEFAULTS = """
            {
              "version": 0, "changed_at": null, "changed_by": null, "pending_recomputation": null,
              "time_zone": "UTC",
              "business_hours": null,
              "team_business_hours": {},
              "first_response_sla_s": {"email": 14400, "chat": 30, "phone": 20, "web": 14400, "social": 3600,
                                       "messaging": 60, "other": 14400},
              "first_response_sla_s_by_priority": {},
              "qa_pass_mark": 80,
              "complaint_tag": "complaint",
              "service_level_s": {"email": 20, "chat": 30, "phone": 20, "web": 20, "social": 20, "messaging": 20,
                                  "other": 20},
              "short_abandon_s": 5,
              "cost_rates": null,
              "keep_contributions": true
            }""";

    private static final String SAVED_DOCUMENT = """
              "time_zone": "Europe/Berlin",
              "business_hours": {
                "time_zone": null,
                "weekly": {
                  "monday": ["09:00-17:00"], "tuesday": ["09:00-12:00", "13:00-17:00"], "wednesday": ["09:00-17:00"],
                  "thursday": ["09:00-17:00"], "friday": ["09:00-17:00"], "saturday": [], "sunday": []
                },
                "holidays": ["2026-12-24", "2026-12-25", "2026-12-26"]
              },
              "team_business_hours": {
                "us-support": {
                  "time_zone": "America/New_York",
                  "weekly": {"monday": ["08:00-20:00"], "tuesday": ["08:00-20:00"], "wednesday": [], "thursday": [],
                             "friday": [], "saturday": [], "sunday": []},
                  "holidays": ["2026-11-26"]
                }
              },
              "first_response_sla_s": {"email": 7200, "chat": 45, "phone": 20, "web": 14400, "social": 3600,
                                       "messaging": 60, "other": 14400},
              "first_response_sla_s_by_priority": {"urgent": {"email": 3600, "web": 3600}},
              "qa_pass_mark": 75,
              "complaint_tag": "complaint",
              "service_level_s": {"email": 20, "chat": 30, "phone": 15, "web": 20, "social": 20, "messaging": 20,
                                  "other": 20},
              "short_abandon_s": 5,
              "cost_rates": null,
              "keep_contributions": true""";

    private static final String RECOMPUTATION = """
            {"id": "0b6f2c1e-6a43-4d6e-9a55-2f3c1d7e8a90", "status": "running", "settings_version": 2,
               "timelines_total": 18250, "timelines_done": 0}""";

    // Annotation values must be constants: concatenation, not String.formatted.
    static final String CURRENT = "{\n  \"version\": 2, \"changed_at\": \"2026-11-03T10:15:02.118302Z\", "
            + "\"changed_by\": \"jane.doe@example.com\",\n  \"pending_recomputation\": " + RECOMPUTATION + ",\n"
            + SAVED_DOCUMENT + "\n}";

    static final String SAVED = "{\n  \"version\": 2, \"changed_at\": \"2026-11-03T10:15:02.118302Z\", "
            + "\"changed_by\": \"jane.doe@example.com\",\n  \"pending_recomputation\": " + RECOMPUTATION + ",\n"
            + SAVED_DOCUMENT + ",\n  \"recomputation\": " + RECOMPUTATION + "\n}";

    static final String VERSION = "{\n  \"version\": 2, \"changed_at\": \"2026-11-03T10:15:02.118302Z\", "
            + "\"changed_by\": \"jane.doe@example.com\",\n  \"changed_fields\": [\"business_hours\", "
            + "\"team_business_hours\", \"first_response_sla_s\", \"first_response_sla_s_by_priority\", "
            + "\"qa_pass_mark\", \"service_level_s\"],\n" + SAVED_DOCUMENT + "\n}";

    static final String HISTORY = """
            [
              {"version": 2, "changed_at": "2026-11-03T10:15:02.118302Z", "changed_by": "jane.doe@example.com",
               "changed_fields": ["business_hours", "team_business_hours", "first_response_sla_s",
                                  "first_response_sla_s_by_priority", "qa_pass_mark", "service_level_s"]},
              {"version": 1, "changed_at": "2026-11-02T16:40:11.502117Z", "changed_by": "key:083854c91b44",
               "changed_fields": ["time_zone"]}
            ]""";

    static final String INVALID_SETTINGS = """
            {
              "type": "https://deskpulse.io/problems/invalid-settings",
              "title": "Invalid settings",
              "status": 400,
              "detail": "4 fields are invalid; nothing was saved",
              "errors": [
                {"field": "qa_pass_mak", "reason": "is not a settings field; they are time_zone, business_hours, \
            team_business_hours, first_response_sla_s, first_response_sla_s_by_priority, qa_pass_mark, complaint_tag, \
            service_level_s, short_abandon_s, cost_rates, keep_contributions"},
                {"field": "time_zone", "reason": "must be an IANA time zone such as \\"Europe/Berlin\\" or \\"UTC\\", \
            got 'Europe/Berln'"},
                {"field": "business_hours.weekly.monday[1]", "reason": "overlaps monday[0] (09:00-17:00)"},
                {"field": "first_response_sla_s.chat", "reason": "must be a whole number of seconds from 1 to 2592000 \
            (30 days), got 0"}
              ]
            }""";

    static final String UNREADABLE_BODY = """
            {"type": "https://deskpulse.io/problems/unreadable-body", "title": "Unreadable body", "status": 400,
             "detail": "The body is not valid JSON: Unexpected character ('}' (code 125)): was expecting double-quote \
            to start field name (line 1, column 20)"}""";

    static final String INVALID_ACTOR = """
            {"type": "https://deskpulse.io/problems/invalid-parameters", "title": "Invalid parameters", "status": 400,
             "detail": "1 parameter is invalid",
             "errors": [{"field": "X-DeskPulse-Actor", "reason": "must be at most 200 characters"}]}""";

    static final String UNAUTHORIZED = """
            {"type": "https://deskpulse.io/problems/unauthorized", "title": "Unauthorized", "status": 401,
             "detail": "Send the API key as 'Authorization: Bearer <key>'."}""";

    static final String FORBIDDEN = """
            {"type": "https://deskpulse.io/problems/forbidden", "title": "Forbidden", "status": 403,
             "detail": "This API key lacks the 'admin' scope."}""";

    static final String UNKNOWN_VERSION = """
            {"type": "https://deskpulse.io/problems/not-found", "title": "Not found", "status": 404,
             "detail": "There is no settings version '7' (GET /v1/settings/versions lists them)"}""";

    static final String CONCURRENT_UPDATE = """
            {"type": "https://deskpulse.io/problems/concurrent-update", "title": "Concurrent update", "status": 409,
             "detail": "The settings of tenant 'acme' were changed by someone else at the same time; nothing was \
            saved. GET /v1/settings and try again."}""";

    static final String VERSION_CONFLICT = """
            {"type": "https://deskpulse.io/problems/version-conflict", "title": "Version conflict", "status": 412,
             "detail": "If-Match is \\"1\\" but the current settings version is 2: GET /v1/settings, apply your \
            change to it and PUT again with If-Match: \\"2\\""}""";

    static final String UNSUPPORTED_MEDIA_TYPE = """
            {"type": "https://deskpulse.io/problems/unsupported-media-type", "title": "Unsupported media type",
             "status": 415, "detail": "Send the body as 'Content-Type: application/json'"}""";

    static final String NOT_ACCEPTABLE = """
            {"type": "https://deskpulse.io/problems/not-acceptable", "title": "Not acceptable", "status": 406,
             "detail": "This resource answers application/json only"}""";

    static final String DATABASE_UNAVAILABLE = """
            {"type": "https://deskpulse.io/problems/database-unavailable", "title": "Database unavailable",
             "status": 503, "detail": "The database is unavailable or busy; nothing was changed. Try again after \
            Retry-After seconds"}""";
}
