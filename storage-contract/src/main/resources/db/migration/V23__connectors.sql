-- Connectors (issue 14, docs/connectors.md): a tenant's helpdesk webhooks. scoring-service's admin API writes them,
-- ingestion-service reads them (POST /v1/hooks/{id}) into an in-memory directory it refreshes by polling.

-- Each write to connectors takes the next number under a table lock (as api_keys, V21), so that numbers follow commit
-- order: every ingestion instance reads only the rows past the highest number it has seen, and none is passed over.
CREATE SEQUENCE connector_changes;

CREATE TABLE connectors (
    -- 128 random bits: the webhook URL carries only this id, so it is unique across tenants and unguessable
    id                   text        PRIMARY KEY,
    tenant_id            text        NOT NULL,
    platform             text        NOT NULL CHECK (platform IN ('zendesk', 'chatwoot', 'freshdesk', 'intercom', 'zammad')),
    name                 text        NOT NULL,
    -- the platform's options (chatwoot: allow_unsigned; freshdesk: auth)
    options              jsonb       NOT NULL DEFAULT '{}',
    -- SecretCipher's form (v1.<key id>.<sealed>), context "connector-secret:<tenant>:<id>"; never the plain secret,
    -- and never a hash: verifying an HMAC needs the secret itself
    secret               text        NOT NULL,
    -- the secret before the last rotation, accepted until previous_valid_until
    previous_secret      text,
    previous_valid_until timestamptz,
    disabled_at          timestamptz,
    created_by           text        NOT NULL,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    change               bigint      NOT NULL
);
CREATE INDEX connectors_tenant ON connectors (tenant_id, created_at);
CREATE INDEX connectors_by_change ON connectors (change);
