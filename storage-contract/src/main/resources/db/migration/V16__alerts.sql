-- Threshold alerts (docs/alerts.md): rules per tenant, evaluated by scoring-service over the hourly
-- aggregates; raised and resolved alerts kept with the value and volume that decided them.

CREATE TABLE alert_rules (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id       text        NOT NULL,
    version         int         NOT NULL DEFAULT 1,
    name            text        NOT NULL,
    enabled         boolean     NOT NULL,
    metric          text        NOT NULL,
    dimension       text        NOT NULL CHECK (dimension IN ('tenant', 'team', 'agent')),
    member_ids      text[]      NOT NULL DEFAULT '{}',
    channel         text,
    window_minutes  int         NOT NULL CHECK (window_minutes > 0 AND window_minutes % 60 = 0),
    comparison      text        NOT NULL CHECK (comparison IN ('>', '>=', '<', '<=')),
    threshold       numeric     NOT NULL,
    min_volume      bigint      NOT NULL,
    -- Optional webhook; the secret signs every delivery (HMAC-SHA256) and is never answered by the API.
    webhook_url     text,
    webhook_secret  text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    created_by      text        NOT NULL,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    updated_by      text        NOT NULL,
    -- When an evaluator last looked at the rule: rules not looked at for a while are evaluated even
    -- without new data, so that windows move on and alerts resolve.
    evaluated_at    timestamptz
);
CREATE INDEX alert_rules_tenant ON alert_rules (tenant_id, id);

-- The rule's definition is copied into each alert: an alert stays readable after its rule changes or goes.
-- member is '' for dimension tenant.
CREATE TABLE alerts (
    id               bigint           GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id        text             NOT NULL,
    rule_id          bigint           NOT NULL,
    rule_version     int              NOT NULL,
    rule_name        text             NOT NULL,
    metric           text             NOT NULL,
    dimension        text             NOT NULL,
    member           text             NOT NULL,
    channel          text,
    window_minutes   int              NOT NULL,
    comparison       text             NOT NULL,
    threshold        numeric          NOT NULL,
    min_volume       bigint           NOT NULL,
    state            text             NOT NULL CHECK (state IN ('raised', 'resolved')),
    raised_at        timestamptz      NOT NULL,
    raised_value     double precision NOT NULL,
    raised_volume    bigint           NOT NULL,
    window_start     timestamptz      NOT NULL,
    window_end       timestamptz      NOT NULL,
    resolved_at      timestamptz,
    resolved_value   double precision,
    resolved_volume  bigint,
    resolved_reason  text,
    updated_at       timestamptz      NOT NULL DEFAULT now()
);
-- At most one open alert per rule and member, whatever several evaluators do at once.
CREATE UNIQUE INDEX alerts_one_open ON alerts (rule_id, member) WHERE state = 'raised';
CREATE INDEX alerts_tenant ON alerts (tenant_id, id DESC);
