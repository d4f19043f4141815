package io.deskpulse.reporting.rest;

/** Example bodies of the period reports for the OpenAPI document; they match real answers. */
final class PeriodReportExamples {

    private PeriodReportExamples() {
    }

    static final String LIST = """
            {"rows": [
              {"id": 12, "granularity": "week", "period": "2026-11-02", "period_end": "2026-11-08", "tz": "UTC",
               "generation": 0, "model_version": 0, "teams": 2, "created_at": "2026-11-09T00:30:04.118Z"},
              {"id": 11, "granularity": "day", "period": "2026-11-08", "period_end": "2026-11-08", "tz": "UTC",
               "generation": 0, "model_version": 0, "teams": 1, "created_at": "2026-11-09T00:30:03.950Z"}
             ],
             "next_cursor": null}""";

    static final String LIST_CSV = PeriodReportTables.LIST_HEADER + "\r\n"
            + "12,week,2026-11-02,2026-11-08,UTC,0,0,2,2026-11-09T00:30:04.118Z\r\n";

    static final String REPORT = """
            {"id": 12, "granularity": "week", "period": "2026-11-02", "period_end": "2026-11-08", "tz": "UTC",
             "generation": 0, "model_version": 0, "created_at": "2026-11-09T00:30:04.118Z", "exemptions": [],
             "rows": [
               {"id": "billing",
                "kpis": {
                         "tickets_created": 2, "tickets_resolved": 0, "first_response_count": 2, "first_response_avg_s":
                         25.0, "first_response_p50_s": 20.136, "first_response_p90_s": 30.04, "resolution_avg_s": null,
                         "resolution_p50_s": null, "resolution_p90_s": null, "reopened_resolutions": 0, "reopen_rate":
                         null, "agent_replies": 2, "customer_messages": 0, "csat_count": 0, "csat_avg": null,
                         "csat_satisfied_rate": null, "first_resolutions": 0, "fcr_count": 0, "fcr_rate": null,
                         "transfers": 0, "handle_count": 0, "handle_avg_s": null, "handle_p50_s": null, "handle_p90_s":
                         null, "handle_total_s": 0.0, "nps_count": 0, "nps": null, "qa_count": 0, "qa_avg": null,
                         "qa_pass_rate": null, "first_response_sla_met": 2, "first_response_sla_rate": 1.0, "online_s":
                         0.0, "occupancy": null, "conversions": 0, "conversion_rate": 0.0, "sales_amount": 0.0,
                         "peer_review_count": 0, "peer_review_avg": null, "complaints": 0, "first_response_bh_avg_s":
                         25.0, "first_response_bh_p50_s": 20.136, "first_response_bh_p90_s": 30.04,
                         "resolution_bh_avg_s": null, "resolution_bh_p50_s": null, "resolution_bh_p90_s": null},
                "scorecard": {"role": "team_lead", "model_version": 0, "score": 100.0,
                  "kpis": [
                    {"kpi": "first_response_avg_s", "channel": "chat", "group": "timeliness", "direction": "lower",
                     "target": 30.0, "effective_target": 30.0, "actual": 25.0, "volume": 2, "weight": 5.0,
                     "effective_weight": 33.33333333333333, "attainment": 1.0, "points": 33.33333333333333,
                     "exemptions": []},
                    {"kpi": "first_response_sla_rate", "channel": null, "group": "timeliness", "direction": "higher",
                     "target": 0.9, "effective_target": 0.9, "actual": 1.0, "volume": 2, "weight": 10.0,
                     "effective_weight": 66.66666666666666, "attainment": 1.0, "points": 66.66666666666666,
                     "exemptions": []}],
                  "left_out": [
                    {"kpi": "csat_avg", "channel": null, "group": "satisfaction_quality", "direction": "higher",
                     "status": "no_data", "reason": "no data in the period", "exemptions": []}],
                  "exemptions": []}}
             ],
             "next_cursor": null}""";

    static final String REPORT_CSV = "report_id,granularity,period,period_end,tz,id,role,model_version,score,tickets_created,tickets_resolved,first_response_count,first_response_avg_s,first_response_p50_s,first_response_p90_s,resolution_avg_s,resolution_p50_s,resolution_p90_s,reopened_resolutions,reopen_rate,agent_replies,customer_messages,csat_count,csat_avg,csat_satisfied_rate,first_resolutions,fcr_count,fcr_rate,transfers,handle_count,handle_avg_s,handle_p50_s,handle_p90_s,handle_total_s,nps_count,nps,qa_count,qa_avg,qa_pass_rate,first_response_sla_met,first_response_sla_rate,online_s,occupancy,conversions,conversion_rate,sales_amount,peer_review_count,peer_review_avg,complaints,first_response_bh_avg_s,first_response_bh_p50_s,first_response_bh_p90_s,resolution_bh_avg_s,resolution_bh_p50_s,resolution_bh_p90_s\r\n"
            + "12,week,2026-11-02,2026-11-08,UTC,billing,team_lead,0,100.0,2,0,2,25.0,20.136,30.04,,,,0,,2,0,0,,,0,0,,0,0,,,,0.0,0,,0,,,2,1.0,0.0,,0,0.0,0.0,0,,0,25.0,20.136,30.04,,,\r\n";

    static final String INVALID = """
            {
              "type": "https://deskpulse.io/problems/invalid-parameters",
              "title": "Invalid parameters",
              "status": 400,
              "detail": "2 parameters are invalid",
              "errors": [
                {"field": "granularity", "reason": "must be one of: day, week, month; got 'quarter'"},
                {"field": "from", "reason": "must be a date YYYY-MM-DD, got '2026-13-01'"}
              ]
            }""";

    static final String NOT_FOUND = """
            {"type": "https://deskpulse.io/problems/not-found", "title": "Not found", "status": 404,
             "detail": "There is no period report 99 (GET /v1/reports lists them)"}""";
}
