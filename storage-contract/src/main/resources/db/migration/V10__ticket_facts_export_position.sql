-- Incremental export of ticket_facts (GET /v1/tickets?updated_since=..., docs/storage.md): every write
-- of a row records the writing transaction's id, so that a reader can page by (txid, ticket_id) and
-- serve only rows below the oldest transaction still running (pg_snapshot_xmin), which can no longer
-- gain rows below it. updated_at (the transaction's start time) cannot do this: transactions commit
-- out of order, so a row committed late can carry an earlier updated_at than rows already served.
-- Existing rows get this migration's transaction id.
ALTER TABLE ticket_facts ADD COLUMN txid xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX ticket_facts_txid ON ticket_facts (tenant_id, txid, ticket_id);
-- Listing by creation pages by (created_at, ticket_id).
DROP INDEX ticket_facts_created;
CREATE INDEX ticket_facts_created ON ticket_facts (tenant_id, created_at, ticket_id);
