-- Webhook signing secrets are stored encrypted (AES-256-GCM, platform SecretCipher, form 'v1.<key id>.<data>'), with
-- a key that is never in the database: a dump, a backup or another service's role (reporting reads alert_rules)
-- reveals no secret. SQL cannot encrypt (it has no key), so:
-- - from now on nothing may write a clear-text secret: the constraint holds for every row inserted or updated (NOT
--   VALID leaves the rows already there unchecked for now);
-- - scoring-service, at start, encrypts the rows written before this migration, then validates the constraint
--   (WebhookSecrets), after which it holds for every row.
-- During a rolling update from an older version, an instance still running that version cannot save a rule with a
-- webhook (its clear-text write is refused) until it is replaced.
ALTER TABLE alert_rules ADD CONSTRAINT alert_rules_webhook_secret_encrypted
    CHECK (webhook_secret IS NULL OR webhook_secret LIKE 'v1.%') NOT VALID;

COMMENT ON COLUMN alert_rules.webhook_secret IS
    'Encrypted signing secret (v1.<key id>.<base64url nonce+ciphertext+tag>), context webhook-secret:<tenant>:<id>';
