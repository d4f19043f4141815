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

    static final String TICKETS_JSON = """
            {
              "tz": "UTC", "from": "2026-11-02", "to": "2026-11-02", "updated_since": null,
              "rows": [
                {"ticket_id": "T-1001", "channel": "email", "priority": "normal", "status": "solved",
                 "created_at": "2026-11-02T09:00:00Z", "team_id": "t-2", "agent_id": "a-17",
                 "first_response_at": "2026-11-02T09:01:35Z", "first_response_s": 95.0, "first_responder_id": "a-17",
                 "first_solved_at": "2026-11-02T10:00:00Z", "last_solved_at": "2026-11-02T10:00:00Z",
                 "resolutions": 1, "reopens": 0, "transfers": 0, "agent_replies": 1, "csat_score": 5, "fcr": true,
                 "updated_at": "2026-11-02T10:05:01.123Z", "customer_id": "c-881", "created_team_id": "t-2",
                 "created_agent_id": "a-17", "first_response_team_id": "t-2", "tags": ["vip"]},
                {"ticket_id": "T-1002", "channel": "chat", "priority": "high", "status": "open",
                 "created_at": "2026-11-02T11:30:00Z", "team_id": "t-1", "agent_id": null,
                 "first_response_at": null, "first_response_s": null, "first_responder_id": null,
                 "first_solved_at": null, "last_solved_at": null,
                 "resolutions": 0, "reopens": 0, "transfers": 0, "agent_replies": 0, "csat_score": null, "fcr": null,
                 "updated_at": "2026-11-02T11:30:02.5Z", "customer_id": null, "created_team_id": "t-1",
                 "created_agent_id": null, "first_response_team_id": null, "tags": []}
              ],
              "next_cursor": "MQo5ZTFlMzE4YzE0ZjQ2ZDNhCmwKCjIwMjYtMTEtMDJUMTE6MzA6MDBaClQtMTAwMg",
              "resume_cursor": null
            }""";

    static final String TICKETS_EXPORT_JSON = """
            {
              "tz": "UTC", "from": null, "to": null, "updated_since": "2026-11-01T00:00:00Z",
              "rows": [
                {"ticket_id": "T-1001", "channel": "email", "priority": "normal", "status": "solved",
                 "created_at": "2026-11-02T09:00:00Z", "team_id": "t-2", "agent_id": "a-17",
                 "first_response_at": "2026-11-02T09:01:35Z", "first_response_s": 95.0, "first_responder_id": "a-17",
                 "first_solved_at": "2026-11-02T10:00:00Z", "last_solved_at": "2026-11-02T10:00:00Z",
                 "resolutions": 1, "reopens": 0, "transfers": 0, "agent_replies": 1, "csat_score": 5, "fcr": true,
                 "updated_at": "2026-11-02T10:05:01.123Z", "customer_id": "c-881", "created_team_id": "t-2",
                 "created_agent_id": "a-17", "first_response_team_id": "t-2", "tags": ["vip"]}
              ],
              "next_cursor": null,
              "resume_cursor": "MQo0NmJlOTFkNTQyYTFkNzc2CngKNzUxMgo3NTMwCg"
            }""";

    static final String TICKETS_CSV = "ticket_id,channel,priority,status,created_at,team_id,agent_id,first_response_at,"
            + "first_response_s,first_responder_id,first_solved_at,last_solved_at,resolutions,reopens,transfers,"
            + "agent_replies,csat_score,fcr,updated_at,customer_id,created_team_id,created_agent_id,"
            + "first_response_team_id,tags\r\n"
            + "T-1001,email,normal,solved,2026-11-02T09:00:00Z,t-2,a-17,2026-11-02T09:01:35Z,95.0,a-17,"
            + "2026-11-02T10:00:00Z,2026-11-02T10:00:00Z,1,0,0,1,5,true,2026-11-02T10:05:01.123Z,c-881,t-2,a-17,t-2,"
            + "\"[\"\"vip\"\"]\"\r\n";

    static final String LEADERBOARD_JSON = """
            {
              "metric": "csat_avg", "direction": "higher_is_better", "volume_metric": "csat_count", "min_volume": 5,
              "dimension": "agent", "tz": "UTC", "from": "2026-11-01", "to": "2026-11-07",
              "rows": [
                {"rank": 1, "id": "a-17", "value": 4.75, "volume": 12, "eligible": true},
                {"rank": 2, "id": "a-03", "value": 4.5, "volume": 8, "eligible": true},
                {"rank": 2, "id": "a-21", "value": 4.5, "volume": 6, "eligible": true},
                {"rank": 4, "id": "a-08", "value": 3.9, "volume": 10, "eligible": true},
                {"rank": null, "id": "a-40", "value": 5.0, "volume": 1, "eligible": false}
              ],
              "next_cursor": null
            }""";

    static final String LEADERBOARD_CSV = "rank,id,value,volume,eligible\r\n"
            + "1,a-17,4.75,12,true\r\n"
            + "2,a-03,4.5,8,true\r\n"
            + "2,a-21,4.5,6,true\r\n"
            + "4,a-08,3.9,10,true\r\n"
            + ",a-40,5.0,1,false\r\n";

    static final String AT_RISK_JSON = """
            {
              "as_of": "2026-11-30", "tz": "UTC", "window_from": "2026-11-01", "window_to": "2026-11-30",
              "complaint_tag": "complaint", "min_score": 1,
              "rows": [
                {"customer_id": "c-881", "score": 100,
                 "signals": ["repeat_contacts", "complaints", "low_csat", "nps_detractor", "reopens"],
                 "tickets": 4, "repeat_contacts_points": 25, "complaints": 1, "complaints_points": 25,
                 "low_csat": 1, "low_csat_points": 20, "nps_score": 3, "nps_at": "2026-11-20T14:02:00Z",
                 "nps_detractor_points": 25, "reopens": 2, "reopens_points": 20},
                {"customer_id": "c-102", "score": 30, "signals": ["repeat_contacts", "reopens"],
                 "tickets": 3, "repeat_contacts_points": 20, "complaints": 0, "complaints_points": 0,
                 "low_csat": 0, "low_csat_points": 0, "nps_score": 9, "nps_at": "2026-11-28T08:00:00Z",
                 "nps_detractor_points": 0, "reopens": 1, "reopens_points": 10}
              ],
              "next_cursor": null
            }""";

    static final String AT_RISK_CSV = "customer_id,score,signals,tickets,repeat_contacts_points,complaints,"
            + "complaints_points,low_csat,low_csat_points,nps_score,nps_at,nps_detractor_points,reopens,reopens_points\r\n"
            + "c-881,100,\"[\"\"repeat_contacts\"\",\"\"complaints\"\",\"\"low_csat\"\",\"\"nps_detractor\"\",\"\"reopens\"\"]\","
            + "4,25,1,25,1,20,3,2026-11-20T14:02:00Z,25,2,20\r\n"
            + "c-102,30,\"[\"\"repeat_contacts\"\",\"\"reopens\"\"]\",3,20,0,0,0,0,9,2026-11-28T08:00:00Z,0,1,10\r\n";
}
