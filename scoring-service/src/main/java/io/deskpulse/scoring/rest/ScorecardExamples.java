package io.deskpulse.scoring.rest;

/** Example bodies of the scoring models and exemptions API for the OpenAPI document; they match real answers. */
final class ScorecardExamples {

    private ScorecardExamples() {
    }

    /** The catalog's models as every answer shows them (version 0). */
    private static final String DEFAULT_MODELS = """
              "roles": {
                "frontline_agent": {
                  "kpis": [
                    {"metric": "csat_avg", "channel": null, "group": "satisfaction_quality", "direction": "higher", "target": 4.5, "weight": 22},
                    {"metric": "fcr_rate", "channel": null, "group": "satisfaction_quality", "direction": "higher", "target": 0.8, "weight": 22},
                    {"metric": "qa_avg", "channel": null, "group": "satisfaction_quality", "direction": "higher", "target": 85, "weight": 16},
                    {"metric": "first_response_avg_s", "channel": "chat", "group": "timeliness", "direction": "lower", "target": 30, "weight": 7.5},
                    {"metric": "first_response_avg_s", "channel": "phone", "group": "timeliness", "direction": "lower", "target": 20, "weight": 7.5},
                    {"metric": "first_response_sla_rate", "channel": null, "group": "timeliness", "direction": "higher", "target": 0.9, "weight": 15},
                    {"metric": "handle_avg_s", "channel": null, "group": "cost_efficiency", "direction": "lower", "target": 300, "weight": 5},
                    {"metric": "occupancy", "channel": null, "group": "cost_efficiency", "direction": "higher", "target": 0.85, "weight": 2},
                    {"metric": "cost_per_contact", "channel": null, "group": "cost_efficiency", "direction": "lower", "target": 3, "weight": 3}
                  ],
                  "peer_review": null
                },
                "team_lead": {
                  "kpis": [
                    {"metric": "csat_avg", "channel": null, "group": "satisfaction_quality", "direction": "higher", "target": 4.5, "weight": 15},
                    {"metric": "fcr_rate", "channel": null, "group": "satisfaction_quality", "direction": "higher", "target": 0.8, "weight": 15},
                    {"metric": "qa_avg", "channel": null, "group": "satisfaction_quality", "direction": "higher", "target": 85, "weight": 10},
                    {"metric": "first_response_avg_s", "channel": "chat", "group": "timeliness", "direction": "lower", "target": 30, "weight": 5},
                    {"metric": "first_response_avg_s", "channel": "phone", "group": "timeliness", "direction": "lower", "target": 20, "weight": 5},
                    {"metric": "first_response_sla_rate", "channel": null, "group": "timeliness", "direction": "higher", "target": 0.9, "weight": 10},
                    {"metric": "handle_avg_s", "channel": null, "group": "cost_efficiency", "direction": "lower", "target": 300, "weight": 10},
                    {"metric": "occupancy", "channel": null, "group": "cost_efficiency", "direction": "higher", "target": 0.85, "weight": 10},
                    {"metric": "cost_per_contact", "channel": null, "group": "cost_efficiency", "direction": "lower", "target": 3, "weight": 10},
                    {"metric": "cost_per_resolution", "channel": null, "group": "cost_efficiency", "direction": "lower", "target": 6, "weight": 10}
                  ],
                  "peer_review": null
                },
                "technical_support": {
                  "kpis": [
                    {"metric": "csat_avg", "channel": null, "group": "satisfaction_quality", "direction": "higher", "target": 4.5, "weight": 12},
                    {"metric": "fcr_rate", "channel": null, "group": "satisfaction_quality", "direction": "higher", "target": 0.8, "weight": 10},
                    {"metric": "qa_avg", "channel": null, "group": "satisfaction_quality", "direction": "higher", "target": 85, "weight": 8},
                    {"metric": "first_response_avg_s", "channel": "chat", "group": "timeliness", "direction": "lower", "target": 30, "weight": 10},
                    {"metric": "first_response_avg_s", "channel": "phone", "group": "timeliness", "direction": "lower", "target": 20, "weight": 10},
                    {"metric": "first_response_sla_rate", "channel": null, "group": "timeliness", "direction": "higher", "target": 0.9, "weight": 20},
                    {"metric": "handle_avg_s", "channel": null, "group": "cost_efficiency", "direction": "lower", "target": 300, "weight": 10},
                    {"metric": "occupancy", "channel": null, "group": "cost_efficiency", "direction": "higher", "target": 0.85, "weight": 10},
                    {"metric": "cost_per_resolution", "channel": null, "group": "cost_efficiency", "direction": "lower", "target": 6, "weight": 10}
                  ],
                  "peer_review": null
                }
              },
              "default_roles": {"agent": "frontline_agent", "team": "team_lead"},
              "agent_roles": {},
              "team_roles": {},
              "streaks": {"min_score": 80}""";

    static final String MODELS_DEFAULTS = "{\n  \"version\": 0, \"changed_at\": null, \"changed_by\": null,\n"
            + DEFAULT_MODELS + "\n}";

    static final String MODELS_VERSION = "{\n  \"version\": 0, \"changed_at\": null, \"changed_by\": null, "
            + "\"changed_fields\": [],\n" + DEFAULT_MODELS + "\n}";

    static final String MODELS_PUT = """
            {
              "roles": {
                "frontline_agent": {
                  "kpis": [
                    {"metric": "csat_avg", "group": "satisfaction_quality", "target": 4.5, "weight": 30},
                    {"metric": "fcr_rate", "group": "satisfaction_quality", "target": 0.8, "weight": 25},
                    {"metric": "first_response_avg_s", "channel": "chat", "group": "timeliness", "target": 30, "weight": 15},
                    {"metric": "first_response_sla_rate", "group": "timeliness", "target": 0.9, "weight": 15},
                    {"metric": "handle_avg_s", "group": "cost_efficiency", "target": 300, "weight": 15}
                  ],
                  "peer_review": {"share": 15, "target": 4.5}
                },
                "team_lead": {
                  "kpis": [
                    {"metric": "csat_avg", "target": 4.5, "weight": 50},
                    {"metric": "first_response_sla_rate", "target": 0.9, "weight": 50}
                  ]
                }
              },
              "default_roles": {"agent": "frontline_agent", "team": "team_lead"},
              "agent_roles": {"a-17": "team_lead"},
              "streaks": {"min_score": 85}
            }""";

    static final String MODELS_SAVED = """
            {
              "version": 4, "changed_at": "2026-11-03T10:15:02.118302Z", "changed_by": "jane.doe@example.com",
              "roles": {
                "frontline_agent": {
                  "kpis": [
                    {"metric": "csat_avg", "channel": null, "group": "satisfaction_quality", "direction": "higher", "target": 4.5, "weight": 30},
                    {"metric": "fcr_rate", "channel": null, "group": "satisfaction_quality", "direction": "higher", "target": 0.8, "weight": 25},
                    {"metric": "first_response_avg_s", "channel": "chat", "group": "timeliness", "direction": "lower", "target": 30, "weight": 15},
                    {"metric": "first_response_sla_rate", "channel": null, "group": "timeliness", "direction": "higher", "target": 0.9, "weight": 15},
                    {"metric": "handle_avg_s", "channel": null, "group": "cost_efficiency", "direction": "lower", "target": 300, "weight": 15}
                  ],
                  "peer_review": {"share": 15, "target": 4.5}
                },
                "team_lead": {
                  "kpis": [
                    {"metric": "csat_avg", "channel": null, "group": null, "direction": "higher", "target": 4.5, "weight": 50},
                    {"metric": "first_response_sla_rate", "channel": null, "group": null, "direction": "higher", "target": 0.9, "weight": 50}
                  ],
                  "peer_review": null
                }
              },
              "default_roles": {"agent": "frontline_agent", "team": "team_lead"},
              "agent_roles": {"a-17": "team_lead"},
              "team_roles": {},
              "streaks": {"min_score": 85}
            }""";

    static final String MODELS_HISTORY = """
            [
              {"version": 4, "changed_at": "2026-11-03T10:15:02.118302Z", "changed_by": "jane.doe@example.com",
               "changed_fields": ["roles", "agent_roles", "streaks"]},
              {"version": 3, "changed_at": "2026-10-28T08:01:44.900127Z", "changed_by": "key:083854c91b44",
               "changed_fields": ["team_roles"]}
            ]""";

    static final String MODELS_INVALID = """
            {
              "type": "https://deskpulse.io/problems/invalid-settings",
              "title": "Invalid settings",
              "status": 400,
              "detail": "3 fields are invalid; nothing was saved",
              "errors": [
                {"field": "roles.frontline_agent.kpis[1].metric", "reason": "must be one of first_response_avg_s, \
            first_response_p50_s, ..., conversion_rate, got \\"tickets_resolved\\""},
                {"field": "roles.frontline_agent.kpis", "reason": "the weights must add up to 100 (per cent of the score \
            before the peer-review share), they add up to 95"},
                {"field": "agent_roles.a-17", "reason": "must name one of the roles (frontline_agent, team_lead), got \
            \\"senior\\""}
              ]
            }""";

    static final String MODELS_CONFLICT = """
            {"type": "https://deskpulse.io/problems/version-conflict", "title": "Version conflict", "status": 412,
             "detail": "If-Match is \\"3\\" but the current version is 4: GET /v1/settings/scoring-models, apply your \
            change to it and send it again with If-Match: \\"4\\""}""";

    static final String MODELS_CONCURRENT = """
            {"type": "https://deskpulse.io/problems/concurrent-update", "title": "Concurrent update", "status": 409,
             "detail": "The document at /v1/settings/scoring-models of tenant 'acme' was changed by someone else at the \
            same time; nothing was saved. GET /v1/settings/scoring-models and try again."}""";

    static final String MODELS_UNKNOWN_VERSION = """
            {"type": "https://deskpulse.io/problems/not-found", "title": "Not found", "status": 404,
             "detail": "There is no version '7' (GET /v1/settings/scoring-models/versions lists them)"}""";

    static final String EXEMPTION_BODY = """
            {"teams": ["billing"], "from": "2026-11-03", "to": "2026-11-05",
             "reason": "Product recall R-12: call volume tripled",
             "relaxed_targets": {"csat_avg": 4.0, "handle_avg_s": 450}, "left_out": ["fcr_rate"]}""";

    static final String EXEMPTION = """
            {"id": 4, "version": 1, "teams": ["billing"], "from": "2026-11-03", "to": "2026-11-05",
             "reason": "Product recall R-12: call volume tripled",
             "relaxed_targets": {"csat_avg": 4, "handle_avg_s": 450}, "left_out": ["fcr_rate"],
             "created_at": "2026-11-03T08:12:40.512Z", "created_by": "jane.doe@example.com",
             "updated_at": "2026-11-03T08:12:40.512Z", "updated_by": "jane.doe@example.com"}""";

    static final String EXEMPTION_INVALID = """
            {
              "type": "https://deskpulse.io/problems/invalid-settings",
              "title": "Invalid settings",
              "status": 400,
              "detail": "2 fields are invalid; nothing was saved",
              "errors": [
                {"field": "from", "reason": "must not be after to (2026-11-06 > 2026-11-05)"},
                {"field": "relaxed_targets.csat", "reason": "is not a scorecard KPI; they are first_response_avg_s, ..."}
              ]
            }""";

    static final String EXEMPTION_OVERLAP = """
            {"type": "https://deskpulse.io/problems/overlapping-exemption", "title": "Overlapping exemption", "status": 409,
             "detail": "The exemption shares days and teams with exemption 4 (2026-11-03..2026-11-05, teams billing: \
            Product recall R-12: call volume tripled); exemptions of a tenant must not overlap. Change the days or teams \
            of one of them, or merge them."}""";

    static final String EXEMPTION_NOT_FOUND = """
            {"type": "https://deskpulse.io/problems/not-found", "title": "Not found", "status": 404,
             "detail": "There is no exemption 9 (GET /v1/settings/exemptions lists them)"}""";

    static final String EXEMPTION_CONFLICT = """
            {"type": "https://deskpulse.io/problems/version-conflict", "title": "Version conflict", "status": 412,
             "detail": "If-Match is \\"1\\" but the current version is 2: GET /v1/settings/exemptions/4, apply your \
            change to it and send it again with If-Match: \\"2\\""}""";
}
