-- Role scorecards (docs/scorecards.md). Scorecards are computed when read from the additive aggregates,
-- so nothing here feeds the KPI derivation: changing a model or an exemption never recomputes anything.

-- Every version of a tenant's scoring models (the models per role and who has which role), with who
-- changed which fields, when; rows are never updated. No row: version 0, the catalog's defaults.
CREATE TABLE scoring_model_versions (
    tenant_id       text        NOT NULL,
    version         int         NOT NULL,
    document        jsonb       NOT NULL,
    changed_at      timestamptz NOT NULL DEFAULT now(),
    changed_by      text        NOT NULL,
    changed_fields  text[]      NOT NULL,
    PRIMARY KEY (tenant_id, version)
);

-- Exemption periods: local days (in the zone a scorecard is reported in) in which the scores of some
-- teams (teams NULL: all) use other targets for some KPIs, or leave some KPIs out. A tenant's
-- exemptions never overlap (same day and a team in common), so every day and team has at most one.
CREATE TABLE exemptions (
    id               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id        text        NOT NULL,
    version          int         NOT NULL DEFAULT 1,
    teams            text[],
    from_date        date        NOT NULL,
    to_date          date        NOT NULL,
    reason           text        NOT NULL,
    relaxed_targets  jsonb       NOT NULL DEFAULT '{}',
    left_out         text[]      NOT NULL DEFAULT '{}',
    created_at       timestamptz NOT NULL DEFAULT now(),
    created_by       text        NOT NULL,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    updated_by       text        NOT NULL,
    CHECK (from_date <= to_date)
);
CREATE INDEX exemptions_tenant ON exemptions (tenant_id, from_date);
