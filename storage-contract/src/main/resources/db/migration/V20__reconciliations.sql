-- Reconciliation (docs/reconciliation.md): a tenant's aggregates recomputed from its timelines for a time range,
-- compared with what is stored, and optionally repaired.

-- Which ticket timelines may contribute to a range: the event times of their first and last events, and the
-- event count they describe. A row whose event_count moved on (written by a version without these columns, or
-- before V20) is read whatever its bounds; a reconciliation that reads it stores them. No index: it would cost
-- every batch an index entry per ticket it touches (last_event_at moves with nearly every event).
ALTER TABLE ticket_timelines
    ADD COLUMN first_event_at     timestamptz,
    ADD COLUMN last_event_at      timestamptz,
    ADD COLUMN bounds_event_count int;

CREATE TABLE reconciliations (
    id                uuid        PRIMARY KEY,
    tenant_id         text        NOT NULL,
    from_time         timestamptz NOT NULL,
    to_time           timestamptz NOT NULL,
    repair            boolean     NOT NULL,
    status            text        NOT NULL CHECK (status IN ('running', 'done', 'failed')),
    requested_by      text        NOT NULL,
    requested_at      timestamptz NOT NULL DEFAULT now(),
    finished_at       timestamptz,
    -- the active generation checked, set by the first slice; a recomputation switching it fails the run
    generation        int,
    -- hours before this are checked (and repaired); null: none yet
    checked_until     timestamptz,
    timelines_checked bigint      NOT NULL DEFAULT 0,
    difference_count  bigint      NOT NULL DEFAULT 0,
    -- the first 1,000 differences, in period order
    differences       jsonb       NOT NULL DEFAULT '[]',
    repaired          boolean     NOT NULL DEFAULT false,
    error             text,
    -- the scoring instance running it, until when (another takes over once the lease has run out)
    lease_owner       text,
    lease_until       timestamptz
);
CREATE INDEX reconciliations_tenant ON reconciliations (tenant_id, requested_at DESC);
CREATE UNIQUE INDEX reconciliations_one_running ON reconciliations (tenant_id) WHERE status = 'running';
