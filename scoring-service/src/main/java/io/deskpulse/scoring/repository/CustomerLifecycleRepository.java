package io.deskpulse.scoring.repository;

import io.deskpulse.scoring.domain.CustomerEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * {@code customer_lifecycle_events}: every {@code customer.churned} and {@code customer.renewed}, one statement per
 * batch, in the batch's transaction (exactly once, with its offsets). A row is keyed by the customer and the event's
 * identity: writing it again changes nothing.
 */
@ApplicationScoped
public class CustomerLifecycleRepository {

    private static final Comparator<CustomerEvent> KEY_ORDER = Comparator.comparing(CustomerEvent::tenantId)
            .thenComparing(CustomerEvent::customerId).thenComparingLong(CustomerEvent::identity);

    public void save(Connection c, List<CustomerEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        // A fixed row order: two batches locking the same keys never deadlock.
        List<CustomerEvent> sorted = events.stream().sorted(KEY_ORDER).toList();
        int n = sorted.size();
        String[] tenants = new String[n];
        String[] customers = new String[n];
        Long[] ids = new Long[n];
        String[] times = new String[n];
        String[] kinds = new String[n];
        Long[] revenues = new Long[n];
        String[] currencies = new String[n];
        for (int i = 0; i < n; i++) {
            CustomerEvent e = sorted.get(i);
            tenants[i] = e.tenantId();
            customers[i] = e.customerId();
            ids[i] = e.identity();
            // ISO-8601 text cast in SQL: no time zone of the JVM or session can shift it
            times[i] = Instant.ofEpochMilli(e.epochMillis()).toString();
            kinds[i] = e.churned() ? "churned" : "renewed";
            revenues[i] = e.revenueMilli();
            currencies[i] = e.currency();
        }
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO customer_lifecycle_events (tenant_id, customer_id, event_id, at, kind, revenue_milli, currency)
                SELECT * FROM unnest(?::text[], ?::text[], ?::bigint[], ?::timestamptz[], ?::text[], ?::bigint[], ?::text[])
                ON CONFLICT (tenant_id, customer_id, event_id) DO NOTHING""")) {
            s.setArray(1, c.createArrayOf("text", tenants));
            s.setArray(2, c.createArrayOf("text", customers));
            s.setArray(3, c.createArrayOf("int8", ids));
            s.setArray(4, c.createArrayOf("text", times));
            s.setArray(5, c.createArrayOf("text", kinds));
            s.setArray(6, c.createArrayOf("int8", revenues));
            s.setArray(7, c.createArrayOf("text", currencies));
            s.executeUpdate();
        }
    }
}
