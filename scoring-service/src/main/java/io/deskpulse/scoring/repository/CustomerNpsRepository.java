package io.deskpulse.scoring.repository;

import io.deskpulse.scoring.domain.NpsResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * {@code customer_nps_responses}: every NPS response that names a customer or a ticket, one statement
 * per batch. A response is stored once (its key is the ticket and the event's identity); writing it
 * again changes nothing, except that a customer named by the survey replaces the "ask the ticket" of a
 * copy written from a timeline (recomputations do not know the survey's customer).
 */
@ApplicationScoped
public class CustomerNpsRepository {

    private static final Comparator<NpsResponse> KEY_ORDER = Comparator.comparing(NpsResponse::tenantId)
            .thenComparing(NpsResponse::ticketId).thenComparingLong(NpsResponse::responseId);

    public void save(Connection c, List<NpsResponse> responses) throws SQLException {
        if (responses.isEmpty()) {
            return;
        }
        // A fixed row order: two batches locking the same keys never deadlock.
        List<NpsResponse> sorted = responses.stream().sorted(KEY_ORDER).toList();
        int n = sorted.size();
        String[] tenants = new String[n];
        String[] tickets = new String[n];
        Long[] ids = new Long[n];
        String[] customers = new String[n];
        String[] times = new String[n];
        Integer[] scores = new Integer[n];
        for (int i = 0; i < n; i++) {
            NpsResponse r = sorted.get(i);
            tenants[i] = r.tenantId();
            tickets[i] = r.ticketId();
            ids[i] = r.responseId();
            customers[i] = r.customerId();
            // ISO-8601 text cast in SQL: no time zone of the JVM or session can shift it
            times[i] = Instant.ofEpochMilli(r.epochMillis()).toString();
            scores[i] = r.score();
        }
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO customer_nps_responses (tenant_id, ticket_id, response_id, customer_id, responded_at, score)
                SELECT * FROM unnest(?::text[], ?::text[], ?::bigint[], ?::text[], ?::timestamptz[], ?::smallint[])
                ON CONFLICT (tenant_id, ticket_id, response_id) DO UPDATE SET customer_id = EXCLUDED.customer_id
                WHERE customer_nps_responses.customer_id = '' AND EXCLUDED.customer_id <> ''""")) {
            s.setArray(1, c.createArrayOf("text", tenants));
            s.setArray(2, c.createArrayOf("text", tickets));
            s.setArray(3, c.createArrayOf("int8", ids));
            s.setArray(4, c.createArrayOf("text", customers));
            s.setArray(5, c.createArrayOf("text", times));
            s.setArray(6, c.createArrayOf("int2", scores));
            s.executeUpdate();
        }
    }
}
