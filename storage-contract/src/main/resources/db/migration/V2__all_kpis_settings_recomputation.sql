-- Every KPI of the catalog, tenant settings, and recomputation without downtime (docs/storage.md).

-- New additive measures. Scores and amounts that may be fractional are kept in thousandths so that
-- adding and retracting them stays exact.
ALTER TABLE kpi_hourly
    ADD COLUMN first_resolutions          bigint NOT NULL DEFAULT 0,
    ADD COLUMN fcr_count                  bigint NOT NULL DEFAULT 0,
    ADD COLUMN transfers                  bigint NOT NULL DEFAULT 0,
    ADD COLUMN handle_count               bigint NOT NULL DEFAULT 0,
    ADD COLUMN handle_sum_ms              bigint NOT NULL DEFAULT 0,
    ADD COLUMN handle_hist                int[]  NOT NULL DEFAULT '{}',
    ADD COLUMN nps_count                  bigint NOT NULL DEFAULT 0,
    ADD COLUMN nps_promoters              bigint NOT NULL DEFAULT 0,
    ADD COLUMN nps_detractors             bigint NOT NULL DEFAULT 0,
    ADD COLUMN qa_count                   bigint NOT NULL DEFAULT 0,
    ADD COLUMN qa_sum_milli               bigint NOT NULL DEFAULT 0,
    ADD COLUMN qa_passed                  bigint NOT NULL DEFAULT 0,
    ADD COLUMN first_response_sla_met     bigint NOT NULL DEFAULT 0,
    ADD COLUMN online_ms                  bigint NOT NULL DEFAULT 0,
    ADD COLUMN conversions                bigint NOT NULL DEFAULT 0,
    ADD COLUMN sales_amount_milli         bigint NOT NULL DEFAULT 0,
    ADD COLUMN peer_review_count          bigint NOT NULL DEFAULT 0,
    ADD COLUMN peer_review_sum            bigint NOT NULL DEFAULT 0,
    ADD COLUMN complaints                 bigint NOT NULL DEFAULT 0,
    ADD COLUMN first_response_bh_sum_ms   bigint NOT NULL DEFAULT 0,
    ADD COLUMN first_response_bh_hist     int[]  NOT NULL DEFAULT '{}',
    ADD COLUMN resolution_bh_sum_ms       bigint NOT NULL DEFAULT 0,
    ADD COLUMN resolution_bh_hist         int[]  NOT NULL DEFAULT '{}';

-- A recomputation writes a tenant's aggregates as a new generation while reports keep reading the
-- active one; switching is one row update (tenant_state).
ALTER TABLE kpi_hourly ADD COLUMN generation int NOT NULL DEFAULT 0;
ALTER TABLE kpi_hourly DROP CONSTRAINT kpi_hourly_pkey;
ALTER TABLE kpi_hourly ADD PRIMARY KEY (tenant_id, generation, bucket, team_id, agent_id, channel);

-- A recomputation walks timelines in key order and batches compare their keys with its cursor in
-- Java: byte order ("C") is the order both can agree on, and the primary key then serves the walk.
ALTER TABLE ticket_timelines ALTER COLUMN ticket_id TYPE text COLLATE "C";

-- Agent timelines, one per agent and UTC day: status changes, interactions, QA reviews, sales, peer
-- reviews (and, under agent_id '', NPS responses that name neither ticket nor agent). A day's KPIs
-- depend on its events and on the agent's status (since when) and team when the day began
-- (carry_in_*), which is the previous stored day's carry_out_*. Online time is counted up to the end of
-- the day or, for the current day, up to as_of. Writers of an agent's days hold a transaction-level
-- advisory lock on the agent.
CREATE TABLE agent_timelines (
    tenant_id         text        NOT NULL,
    agent_id          text        COLLATE "C" NOT NULL,
    day               date        NOT NULL,
    events            bytea       NOT NULL,
    event_count       int         NOT NULL,
    carry_in_status   text,
    carry_in_team     text,
    carry_in_since    timestamptz,
    carry_out_status  text,
    carry_out_team    text,
    carry_out_since   timestamptz,
    as_of             timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, agent_id, day)
);
-- The refresher's question: whose day ended (so far) with the agent online or busy?
CREATE INDEX agent_timelines_open ON agent_timelines (day) WHERE carry_out_status IN ('online', 'busy');

-- Tenant settings: the latest version, and every version with who changed what, when.
CREATE TABLE tenant_settings_versions (
    tenant_id       text        NOT NULL,
    version         int         NOT NULL,
    settings        jsonb       NOT NULL,
    changed_at      timestamptz NOT NULL DEFAULT now(),
    changed_by      text        NOT NULL,
    changed_fields  text[]      NOT NULL,
    PRIMARY KEY (tenant_id, version)
);

-- Which generation of a tenant's aggregates reports read, and which settings version produced it;
-- during a recomputation also the generation being built, its settings and how far it got
-- (timelines up to the cursor are in the new generation, and scoring keeps them current there).
-- No row: generation 0, default settings (version 0).
CREATE TABLE tenant_state (
    tenant_id                 text PRIMARY KEY,
    active_generation         int  NOT NULL DEFAULT 0,
    active_settings_version   int  NOT NULL DEFAULT 0,
    building_generation       int,
    building_settings_version int,
    recomputation_id          uuid,
    cursor_kind               smallint,
    cursor_subject            text,
    cursor_day                date
);

CREATE TABLE recomputations (
    id                uuid        PRIMARY KEY,
    tenant_id         text        NOT NULL,
    reason            text        NOT NULL,
    settings_version  int         NOT NULL,
    generation        int         NOT NULL,
    status            text        NOT NULL CHECK (status IN ('running', 'completed', 'superseded', 'failed')),
    timelines_total   bigint      NOT NULL DEFAULT 0,
    timelines_done    bigint      NOT NULL DEFAULT 0,
    requested_by      text        NOT NULL,
    requested_at      timestamptz NOT NULL DEFAULT now(),
    finished_at       timestamptz,
    error             text
);
CREATE INDEX recomputations_tenant ON recomputations (tenant_id, requested_at DESC);
CREATE UNIQUE INDEX recomputations_one_running ON recomputations (tenant_id) WHERE status = 'running';

-- Generations that are no longer read, deleted a chunk at a time in the background.
CREATE TABLE retired_generations (
    tenant_id  text NOT NULL,
    generation int  NOT NULL,
    PRIMARY KEY (tenant_id, generation)
);

-- Replays of the event topic from a point in time, for one tenant. Progress is the offsets of
-- consumer group 'replay-<id>' in scoring_offsets, up to the end offsets captured when it started.
CREATE TABLE replays (
    id              uuid        PRIMARY KEY,
    tenant_id       text        NOT NULL,
    from_time       timestamptz NOT NULL,
    topic           text        NOT NULL,
    end_offsets     jsonb       NOT NULL,
    status          text        NOT NULL CHECK (status IN ('running', 'completed', 'failed')),
    events_read     bigint      NOT NULL DEFAULT 0,
    events_applied  bigint      NOT NULL DEFAULT 0,
    requested_by    text        NOT NULL,
    requested_at    timestamptz NOT NULL DEFAULT now(),
    finished_at     timestamptz,
    error           text,
    -- the scoring instance running it, until when (another takes over once the lease has run out)
    lease_owner     text,
    lease_until     timestamptz
);
CREATE INDEX replays_tenant ON replays (tenant_id, requested_at DESC);

-- What reporting-service needs to know of a tenant: the generation to read and its default time zone
-- (the latest settings' time_zone; a report's zone is presentation, exact in any whole-hour zone).
CREATE VIEW tenant_reporting AS
SELECT t.tenant_id,
       coalesce(s.active_generation, 0) AS generation,
       coalesce(v.settings ->> 'time_zone', 'UTC') AS time_zone
FROM (SELECT tenant_id FROM tenant_state UNION SELECT tenant_id FROM tenant_settings_versions) t
LEFT JOIN tenant_state s ON s.tenant_id = t.tenant_id
LEFT JOIN LATERAL (
    SELECT settings FROM tenant_settings_versions v
    WHERE v.tenant_id = t.tenant_id ORDER BY version DESC LIMIT 1
) v ON true;
