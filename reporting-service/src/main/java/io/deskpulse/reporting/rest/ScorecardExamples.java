package io.deskpulse.reporting.rest;

/** Example bodies of the scorecards and period reports for the OpenAPI document; they match real answers. */
final class ScorecardExamples {

    private ScorecardExamples() {
    }

    /** The worked example of docs/scorecards.md: the catalog's frontline model, no QA review in the week. */
    static final String SCORECARD_ROW = """
            {"period": "2026-11-02", "id": "a-17", "role": "frontline_agent", "model_version": 0,
                 "score": 86.48404459823146,
                 "kpis": [
                   {"kpi": "csat_avg", "channel": null, "group": "satisfaction_quality", "direction": "higher",
                    "target": 4.5, "effective_target": 4.5, "actual": 4.2, "volume": 10, "weight": 20.0,
                    "effective_weight": 23.52941176470588, "attainment": 0.9333333333333333, "points": 21.96078431372549,
                    "exemptions": []},
                   {"kpi": "fcr_rate", "channel": null, "group": "satisfaction_quality", "direction": "higher",
                    "target": 0.8, "effective_target": 0.8, "actual": 0.7, "volume": 10, "weight": 20.0,
                    "effective_weight": 23.52941176470588, "attainment": 0.8749999999999999, "points": 20.58823529411764,
                    "exemptions": []},
                   {"kpi": "first_response_avg_s", "channel": "chat", "group": "timeliness", "direction": "lower",
                    "target": 30.0, "effective_target": 30.0, "actual": 25.0, "volume": 4, "weight": 7.5,
                    "effective_weight": 8.823529411764707, "attainment": 1.0, "points": 8.823529411764707, "exemptions": []},
                   {"kpi": "first_response_avg_s", "channel": "phone", "group": "timeliness", "direction": "lower",
                    "target": 20.0, "effective_target": 20.0, "actual": 40.0, "volume": 2, "weight": 7.5,
                    "effective_weight": 8.823529411764707, "attainment": 0.5, "points": 4.411764705882353, "exemptions": []},
                   {"kpi": "first_response_sla_rate", "channel": null, "group": "timeliness", "direction": "higher",
                    "target": 0.9, "effective_target": 0.9, "actual": 0.8333333333333334, "volume": 6, "weight": 15.0,
                    "effective_weight": 17.647058823529413, "attainment": 0.9259259259259259,
                    "points": 16.339869281045754, "exemptions": []},
                   {"kpi": "handle_avg_s", "channel": null, "group": "cost_efficiency", "direction": "lower",
                    "target": 300.0, "effective_target": 300.0, "actual": 400.0, "volume": 5, "weight": 10.0,
                    "effective_weight": 11.76470588235294, "attainment": 0.75, "points": 8.823529411764705, "exemptions": []},
                   {"kpi": "occupancy", "channel": null, "group": "cost_efficiency", "direction": "higher",
                    "target": 0.85, "effective_target": 0.85, "actual": 0.8, "volume": 2500000, "weight": 5.0,
                    "effective_weight": 5.88235294117647, "attainment": 0.9411764705882354, "points": 5.536332179930796,
                    "exemptions": []}
                 ],
                 "left_out": [
                   {"kpi": "qa_avg", "channel": null, "group": "satisfaction_quality", "direction": "higher",
                    "status": "no_data", "reason": "no data in the period", "exemptions": []}
                 ],
                 "exemptions": []}""";

    static final String SCORECARDS_JSON = "{\"dimension\": \"agent\", \"granularity\": \"week\", \"tz\": \"UTC\", "
            + "\"from\": \"2026-11-02\", \"to\": \"2026-11-08\",\n \"rows\": [\n" + SCORECARD_ROW + "],\n"
            + " \"next_cursor\": null}";

    static final String SCORECARDS_EXEMPTED_JSON = """
            {"dimension": "team", "granularity": "week", "tz": "Europe/Berlin", "from": "2026-11-02", "to": "2026-11-08",
             "rows": [
               {"period": "2026-11-02", "id": "billing", "role": "team_lead", "model_version": 3, "score": 97.14285714285714,
                "kpis": [
                  {"kpi": "csat_avg", "channel": null, "group": null, "direction": "higher", "target": 4.5,
                   "effective_target": 4.2, "actual": 4.08, "volume": 50, "weight": 100.0, "effective_weight": 100.0,
                   "attainment": 0.9714285714285714, "points": 97.14285714285714, "exemptions": [4]}
                ],
                "left_out": [
                  {"kpi": "fcr_rate", "channel": null, "group": null, "direction": "higher", "status": "exempted",
                   "reason": "left out by exemption 4 (Product recall R-12)", "exemptions": [4]}
                ],
                "exemptions": [
                  {"id": 4, "teams": ["billing"], "from": "2026-11-03", "to": "2026-11-05", "reason": "Product recall R-12",
                   "relaxed_targets": {"csat_avg": 4.0}, "left_out": ["fcr_rate"]}
                ]}
             ],
             "next_cursor": null}""";

    static final String SCORECARDS_CSV = ScorecardTables.CSV_HEADER + "\r\n"
            + "2026-11-02,a-17,frontline_agent,0,86.48404459823146,csat_avg,,satisfaction_quality,higher,used,4.5,4.5,4.2,10,"
            + "20.0,23.52941176470588,0.9333333333333333,21.96078431372549,,\r\n"
            + "2026-11-02,a-17,frontline_agent,0,86.48404459823146,qa_avg,,satisfaction_quality,higher,no_data,85.0,85.0,,0,"
            + "15.0,,,,,no data in the period\r\n"
            + "2026-11-02,a-17,frontline_agent,0,86.48404459823146,first_response_avg_s,chat,timeliness,lower,used,30.0,30.0,"
            + "25.0,4,7.5,8.823529411764707,1.0,8.823529411764707,,\r\n";

    static final String INVALID_PARAMETERS = """
            {
              "type": "https://deskpulse.io/problems/invalid-parameters",
              "title": "Invalid parameters",
              "status": 400,
              "detail": "2 parameters are invalid",
              "errors": [
                {"field": "dimension", "reason": "must be one of: agent, team; got 'tenant'"},
                {"field": "model_version", "reason": "must be a scoring models version number (0: the catalog's models), \
            got 'latest'"}
              ]
            }""";

    static final String UNKNOWN_MODEL_VERSION = """
            {
              "type": "https://deskpulse.io/problems/invalid-parameters",
              "title": "Invalid parameters",
              "status": 400,
              "detail": "1 parameter is invalid",
              "errors": [
                {"field": "model_version", "reason": "the tenant has no scoring models version 9 (GET \
            /v1/settings/scoring-models/versions on scoring-service lists them; 0 is the catalog's)"}
              ]
            }""";
}
