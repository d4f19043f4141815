package io.deskpulse.reporting.rest;

/** Example bodies of GET /v1/alerts for the OpenAPI document; they match real answers. */
final class AlertExamples {

    private AlertExamples() {
    }

    static final String JSON = """
            {"rows": [
              {"id": 18, "state": "raised", "rule_id": 3, "rule_version": 1, "rule_name": "Chat first response too slow",
               "metric": "first_response_avg_s", "dimension": "team", "member": "billing", "channel": "chat",
               "window_minutes": 60, "comparison": ">", "threshold": 120, "min_volume": 3,
               "raised_at": "2026-11-02T10:25:00Z", "raised_value": 135.0, "raised_volume": 4,
               "window_start": "2026-11-02T09:00:00Z", "window_end": "2026-11-02T10:25:00Z",
               "resolved_at": null, "resolved_value": null, "resolved_volume": null, "resolved_reason": null},
              {"id": 17, "state": "resolved", "rule_id": 5, "rule_version": 2, "rule_name": "CSAT dropping",
               "metric": "csat_avg", "dimension": "tenant", "member": null, "channel": null,
               "window_minutes": 180, "comparison": "<", "threshold": 4.2, "min_volume": 10,
               "raised_at": "2026-11-02T08:10:00Z", "raised_value": 3.9, "raised_volume": 20,
               "window_start": "2026-11-02T05:00:00Z", "window_end": "2026-11-02T08:10:00Z",
               "resolved_at": "2026-11-02T09:40:00Z", "resolved_value": 4.35, "resolved_volume": 23,
               "resolved_reason": "the value is back within the threshold"}
             ],
             "next_cursor": null}""";

    static final String CSV = "id,state,rule_id,rule_version,rule_name,metric,dimension,member,channel,window_minutes,"
            + "comparison,threshold,min_volume,raised_at,raised_value,raised_volume,window_start,window_end,resolved_at,"
            + "resolved_value,resolved_volume,resolved_reason\r\n"
            + "18,raised,3,1,Chat first response too slow,first_response_avg_s,team,billing,chat,60,>,120,3,"
            + "2026-11-02T10:25:00Z,135.0,4,2026-11-02T09:00:00Z,2026-11-02T10:25:00Z,,,,\r\n";

    static final String INVALID = """
            {
              "type": "https://deskpulse.io/problems/invalid-parameters",
              "title": "Invalid parameters",
              "status": 400,
              "detail": "2 parameters are invalid",
              "errors": [
                {"field": "state", "reason": "must be one of: raised, resolved; got 'open'"},
                {"field": "since", "reason": "must be an RFC 3339 timestamp with an offset, such as 2026-11-02T00:00:00Z; \
            got 'yesterday'"}
              ]
            }""";
}
