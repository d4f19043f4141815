-- kpi_contributions' primary key without the `parts` jsonb (docs/storage.md, docs/performance-changelog.md
-- "A narrower key for kpi_contributions"). V25's key held every column that tells two contributions of an item
-- apart, `parts` included: about 350 bytes an entry, an index larger than the table, written once per contribution
-- (about 1.3 a scored event). The item and the instant stay in the key (it still serves the ticket filters' lookups
-- of a ticket's rows, and a ticket's rows stay together); the rest becomes one 16-byte digest computed by
-- PostgreSQL, so that no writer or reader has to agree on a hash function. Each field is length-prefixed, so that no
-- two different rows run into one text.
ALTER TABLE kpi_contributions ADD COLUMN key uuid GENERATED ALWAYS AS (md5(
    length(team_id)::text || ':' || team_id || length(agent_id)::text || ':' || agent_id
    || length(channel)::text || ':' || channel || length(kind)::text || ':' || kind || parts::text)::uuid) STORED;

ALTER TABLE kpi_contributions DROP CONSTRAINT kpi_contributions_pkey;
ALTER TABLE kpi_contributions ADD PRIMARY KEY (tenant_id, generation, item_type, item_id, at, key);
