package io.deskpulse.scoring.rest;

/** Example bodies of the reconciliations API for the OpenAPI document; they match what the API really returns. */
final class ReconciliationExamples {

    private ReconciliationExamples() {
    }

    static final String CHECK = """
            {"from": "2026-11-02T00:00:00Z", "to": "2026-11-04T00:00:00Z", "repair": false}""";

    static final String REPAIR = """
            {"from": "2026-11-02T09:00:00Z", "to": "2026-11-02T13:00:00Z", "repair": true}""";

    static final String QUEUED = """
            {"id": "5b0e7c52-8a61-4f0e-b7d4-3c2a9e1f6d08", "status": "running", "from": "2026-11-02T00:00:00Z",
             "to": "2026-11-04T00:00:00Z", "repair": false, "requested_at": "2026-11-04T08:12:30.118Z",
             "finished_at": null, "timelines_checked": 0, "difference_count": 0, "differences": [], "repaired": false,
             "error": null, "requested_by": "jane.doe@example.com", "checked_until": null}""";

    static final String FOUND = """
            {"id": "5b0e7c52-8a61-4f0e-b7d4-3c2a9e1f6d08", "status": "done", "from": "2026-11-02T00:00:00Z",
             "to": "2026-11-04T00:00:00Z", "repair": false, "requested_at": "2026-11-04T08:12:30.118Z",
             "finished_at": "2026-11-04T08:12:41.902Z", "timelines_checked": 18412, "difference_count": 3,
             "differences": [
               {"metric": "tickets_created", "period": "2026-11-02T09:00:00Z", "team_id": "billing", "agent_id": "a-17",
                "channel": "email", "queue_id": "", "stored": 5, "expected": 4, "table": "kpi_hourly", "bin": null},
               {"metric": "first_response_hist", "period": "2026-11-02T09:00:00Z", "team_id": "billing",
                "agent_id": "a-17", "channel": "email", "queue_id": "", "stored": 0, "expected": 1, "table": "kpi_hourly",
                "bin": 412},
               {"metric": "tickets_created", "period": "2026-11-03T00:00:00Z", "team_id": "billing", "agent_id": null,
                "channel": null, "queue_id": null, "stored": 130, "expected": 131, "table": "kpi_team_daily", "bin": null}],
             "repaired": false, "error": null, "requested_by": "jane.doe@example.com",
             "checked_until": "2026-11-04T00:00:00Z"}""";

    static final String REPAIRED = """
            {"id": "9d3f1a77-0c5e-4b2a-8e61-7f4d2b9c1e55", "status": "done", "from": "2026-11-02T09:00:00Z",
             "to": "2026-11-02T13:00:00Z", "repair": true, "requested_at": "2026-11-04T08:20:02.540Z",
             "finished_at": "2026-11-04T08:20:04.311Z", "timelines_checked": 1204, "difference_count": 1,
             "differences": [
               {"metric": "online_ms", "period": "2026-11-02T10:00:00Z", "team_id": "billing", "agent_id": "a-17",
                "channel": "", "queue_id": "", "stored": 1800000, "expected": 3600000, "table": "kpi_hourly", "bin": null}],
             "repaired": true, "error": null, "requested_by": "key:083854c91b44",
             "checked_until": "2026-11-02T13:00:00Z"}""";

    static final String RUNNING = """
            {"type": "https://deskpulse.io/problems/reconciliation-running", "title": "Reconciliation running",
             "status": 409, "detail": "Reconciliation 5b0e7c52-8a61-4f0e-b7d4-3c2a9e1f6d08 of this tenant is still \
            running; follow it at /v1/reconciliations/5b0e7c52-8a61-4f0e-b7d4-3c2a9e1f6d08 and ask again when it is done"}""";

    static final String INVALID = """
            {"type": "https://deskpulse.io/problems/invalid-request", "title": "Invalid request", "status": 422,
             "detail": "2 fields are invalid; nothing was started",
             "errors": [
               {"field": "repiar", "reason": "is not a field of a reconciliation request; they are from, to, repair"},
               {"field": "to", "reason": "must be after from (2026-11-04T00:00:00Z)"}]}""";

    static final String NOT_FOUND = """
            {"type": "https://deskpulse.io/problems/not-found", "title": "Not found", "status": 404,
             "detail": "No reconciliation 5b0e7c52-8a61-4f0e-b7d4-3c2a9e1f6d08 of this tenant."}""";
}
