package io.deskpulse.reporting.rest;

/** Example bodies for the OpenAPI document (shown in Swagger UI); they match what the API really returns. */
final class OpenApiExamples {

    private OpenApiExamples() {
    }

    static final String KPIS_JSON = """
            {
              "dimension": "agent", "granularity": "day", "tz": "UTC",
              "from": "2026-11-02", "to": "2026-11-02",
              "rows": [
                {"period": "2026-11-02", "id": null,
                 "tickets_created": 2, "tickets_resolved": 0, "first_response_count": 0,
                 "first_response_avg_s": null, "first_response_p50_s": null, "first_response_p90_s": null,
                 "resolution_avg_s": null, "resolution_p50_s": null, "resolution_p90_s": null,
                 "reopened_resolutions": 0, "reopen_rate": null, "agent_replies": 0, "customer_messages": 3,
                 "csat_count": 0, "csat_avg": null, "csat_satisfied_rate": null,
                 "first_resolutions": 0, "fcr_count": 0, "fcr_rate": null, "transfers": 0,
                 "handle_count": 0, "handle_avg_s": null, "handle_p50_s": null, "handle_p90_s": null, "handle_total_s": 0.0,
                 "nps_count": 1, "nps": -100.0, "qa_count": 0, "qa_avg": null, "qa_pass_rate": null,
                 "first_response_sla_met": 0, "first_response_sla_rate": null, "online_s": 0.0, "occupancy": null,
                 "conversions": 0, "conversion_rate": null, "sales_amount": 0.0,
                 "peer_review_count": 0, "peer_review_avg": null, "complaints": 1,
                 "first_response_bh_avg_s": null, "first_response_bh_p50_s": null, "first_response_bh_p90_s": null,
                 "resolution_bh_avg_s": null, "resolution_bh_p50_s": null, "resolution_bh_p90_s": null},
                {"period": "2026-11-02", "id": "a-17",
                 "tickets_created": 0, "tickets_resolved": 4, "first_response_count": 3,
                 "first_response_avg_s": 95.0, "first_response_p50_s": 90.249, "first_response_p90_s": 134.638,
                 "resolution_avg_s": 5400.0, "resolution_p50_s": 3578.496, "resolution_p90_s": 10750.789,
                 "reopened_resolutions": 1, "reopen_rate": 0.25, "agent_replies": 7, "customer_messages": 0,
                 "csat_count": 2, "csat_avg": 4.5, "csat_satisfied_rate": 1.0,
                 "first_resolutions": 3, "fcr_count": 2, "fcr_rate": 0.6666666666666666, "transfers": 1,
                 "handle_count": 5, "handle_avg_s": 312.4, "handle_p50_s": 299.65, "handle_p90_s": 396.48,
                 "handle_total_s": 1562.0,
                 "nps_count": 6, "nps": 16.666666666666668, "qa_count": 2, "qa_avg": 86.5, "qa_pass_rate": 0.5,
                 "first_response_sla_met": 2, "first_response_sla_rate": 0.6666666666666666,
                 "online_s": 25200.0, "occupancy": 0.06198412698412698,
                 "conversions": 1, "conversion_rate": 0.3333333333333333, "sales_amount": 249.9,
                 "peer_review_count": 1, "peer_review_avg": 4.0, "complaints": 0,
                 "first_response_bh_avg_s": 63.333, "first_response_bh_p50_s": 60.495, "first_response_bh_p90_s": 90.249,
                 "resolution_bh_avg_s": 3600.0, "resolution_bh_p50_s": 3578.496, "resolution_bh_p90_s": 5446.409}
              ],
              "next_cursor": "MQo2MTkwOWIzNzI1YjFkYzMwCjIwMjYtMTEtMDIKYS0xNw"
            }""";

    static final String KPIS_JSON_SOME = """
            {
              "dimension": "team", "granularity": "week", "tz": "Europe/Berlin",
              "from": "2026-11-02", "to": "2026-11-08",
              "rows": [
                {"period": "2026-11-02", "id": "t-1",
                 "tickets_resolved": 41, "fcr_rate": 0.7352941176470589, "nps": 31.25, "occupancy": 0.6128},
                {"period": "2026-11-02", "id": "t-2",
                 "tickets_resolved": 0, "fcr_rate": null, "nps": null, "occupancy": 0.0}
              ],
              "next_cursor": null
            }""";

    static final String KPIS_CSV = "period,id,tickets_resolved,first_response_avg_s,csat_avg\r\n"
            + "2026-11-02,,0,,\r\n"
            + "2026-11-02,a-17,4,95.0,4.5\r\n"
            + "2026-11-02,a-18,0,,\r\n";

    static final String INVALID_PARAMETERS = """
            {
              "type": "https://deskpulse.io/problems/invalid-parameters",
              "title": "Invalid parameters",
              "status": 400,
              "detail": "3 parameters are invalid",
              "errors": [
                {"field": "dimension", "reason": "must be one of: tenant, team, agent; got 'teams'"},
                {"field": "from", "reason": "must be a date YYYY-MM-DD, got '2026-13-01'"},
                {"field": "tz", "reason": "Asia/Kolkata has the UTC offset +05:30 between 2026-11-01 and 2026-11-07; \
            the aggregates are per UTC hour, so only zones whose offset is a whole number of hours can be reported exactly"}
              ]
            }""";

    static final String UNAUTHORIZED = """
            {"type": "https://deskpulse.io/problems/unauthorized", "title": "Unauthorized", "status": 401,
             "detail": "Send the API key as 'Authorization: Bearer <key>'."}""";

    static final String FORBIDDEN = """
            {"type": "https://deskpulse.io/problems/forbidden", "title": "Forbidden", "status": 403,
             "detail": "This API key lacks the 'read' scope."}""";

    static final String NOT_ACCEPTABLE = """
            {"type": "https://deskpulse.io/problems/not-acceptable", "title": "Not acceptable", "status": 406,
             "detail": "Cannot answer 'Accept: application/xml'; this endpoint serves application/json and text/csv \
            (or add ?format=csv)"}""";

    static final String DATABASE_UNAVAILABLE = """
            {"type": "https://deskpulse.io/problems/database-unavailable", "title": "Database unavailable",
             "status": 503, "detail": "The report could not be read in time; try again later"}""";
}
