-- Outbound webhooks of alert rules (docs/alerts.md): an outbox written in the transaction that raises
-- or resolves an alert, delivered by a separate worker with retries; every attempt is recorded.

CREATE TABLE webhook_deliveries (
    id               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id        text        NOT NULL,
    rule_id          bigint      NOT NULL,
    alert_id         bigint      NOT NULL,
    event            text        NOT NULL CHECK (event IN ('alert.raised', 'alert.resolved')),
    -- The exact body sent (and signed) at every attempt.
    payload          text        NOT NULL,
    status           text        NOT NULL CHECK (status IN ('pending', 'delivered', 'failed', 'cancelled')),
    attempts         int         NOT NULL DEFAULT 0,
    -- When the next attempt is due; while an attempt runs, when another worker may take it over.
    next_attempt_at  timestamptz NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    finished_at      timestamptz,
    last_error       text
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_rule ON webhook_deliveries (rule_id, id DESC);

CREATE TABLE webhook_delivery_attempts (
    delivery_id   bigint      NOT NULL REFERENCES webhook_deliveries ON DELETE CASCADE,
    attempt       int         NOT NULL,
    attempted_at  timestamptz NOT NULL,
    url           text        NOT NULL,
    status_code   int,
    error         text,
    duration_ms   bigint      NOT NULL,
    PRIMARY KEY (delivery_id, attempt)
);
