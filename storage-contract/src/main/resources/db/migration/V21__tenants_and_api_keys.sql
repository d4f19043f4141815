-- Tenants and API keys managed at run time through scoring-service's admin API (docs/security.md, "Key
-- management"), and the audit trail of admin changes with the key that made them.

-- The tenants scoring accepts records of. No pattern check here: tenants that already have data (backfilled below)
-- keep their names; the admin API checks the names of new ones.
CREATE TABLE tenants (
    id          text        PRIMARY KEY,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- Every tenant that already has data or settings keeps its records accepted after the upgrade.
INSERT INTO tenants (id)
SELECT tenant_id FROM tenant_state
UNION SELECT tenant_id FROM tenant_settings_versions
ON CONFLICT DO NOTHING;

-- Each write to api_keys takes the next number, under a table lock, so that numbers follow commit order: every
-- instance's cache reads only the rows past the highest number it has seen, and none is ever passed over.
CREATE SEQUENCE api_key_changes;

CREATE TABLE api_keys (
    id           uuid        PRIMARY KEY,
    tenant       text        NOT NULL REFERENCES tenants (id),
    name         text        NOT NULL,
    -- the first characters of the key, to recognise it in listings; the key itself is never stored
    prefix       text        NOT NULL,
    sha256       text        NOT NULL UNIQUE CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    scopes       text[]      NOT NULL,
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz,
    revoked_at   timestamptz,
    replaced_by  uuid        REFERENCES api_keys (id),
    change       bigint      NOT NULL
);
CREATE INDEX api_keys_by_change ON api_keys (change);
CREATE INDEX api_keys_by_tenant ON api_keys (tenant, created_at);

-- One row per admin change accepted by scoring-service: which key made it (the key's id, or cfg:<fingerprint> for a
-- configured key) and the actor the caller named (X-DeskPulse-Actor), if any.
CREATE TABLE admin_audit (
    id        bigserial   PRIMARY KEY,
    tenant    text        NOT NULL,
    at        timestamptz NOT NULL DEFAULT now(),
    key_id    text        NOT NULL,
    actor     text,
    method    text        NOT NULL,
    path      text        NOT NULL,
    status    integer     NOT NULL
);
CREATE INDEX admin_audit_by_tenant ON admin_audit (tenant, at);
