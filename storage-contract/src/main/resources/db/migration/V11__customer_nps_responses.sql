-- NPS responses per customer, for the churn-risk signal "NPS detractor" (GET /v1/customers/at-risk,
-- docs/kpis.md "Churn risk", docs/storage.md). One row per response, written by scoring's batches in
-- the transaction that applies the event (so exactly once, with its offsets); ticket-bound responses
-- are also written by recomputations from the tickets' timelines (ON CONFLICT DO NOTHING), which fills
-- in responses received before this migration. Readers take each customer's latest response by event
-- time, so a late or changed answer restates the signal without rewriting anything.
CREATE TABLE customer_nps_responses (
    tenant_id    text        NOT NULL,
    -- '' when the response names no ticket
    ticket_id    text        COLLATE "C" NOT NULL,
    -- the event's identity (as in the timelines: 64 bits of the hash of tenant, source and id)
    response_id  bigint      NOT NULL,
    -- as the response names it; '' when it names none: then the ticket's customer (ticket_facts)
    customer_id  text        COLLATE "C" NOT NULL,
    responded_at timestamptz NOT NULL,
    score        smallint    NOT NULL CHECK (score BETWEEN 0 AND 10),
    PRIMARY KEY (tenant_id, ticket_id, response_id)
);
CREATE INDEX customer_nps_responses_customer ON customer_nps_responses (tenant_id, customer_id, responded_at);
CREATE INDEX customer_nps_responses_time ON customer_nps_responses (tenant_id, responded_at);
