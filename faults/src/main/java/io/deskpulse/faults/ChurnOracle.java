package io.deskpulse.faults;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The independent oracle of {@code GET /v1/customers/churn} (docs/kpis.md, Churn), per UTC day, from the distinct
 * accepted events: distinct customers who churned, who renewed, and who were active (a ticket created naming them, a
 * renewal or a churn that day). Compared with the served rows by {@link CountOracle#compare}: a customer short is lost,
 * one too many doubled.
 */
final class ChurnOracle {

    static final List<String> COUNTS = List.of("churned_customers", "renewed_customers", "active_customers");
    static final List<String> TOTALS = List.of();

    private ChurnOracle() {
    }

    /** Metric → UTC day → expected value. */
    static Map<String, Map<LocalDate, Long>> expected(List<Traffic.Event> accepted) {
        Map<LocalDate, Set<String>> churned = new TreeMap<>();
        Map<LocalDate, Set<String>> renewed = new TreeMap<>();
        Map<LocalDate, Set<String>> active = new TreeMap<>();
        Set<String> ticketsSeen = new HashSet<>();
        for (Traffic.Event event : accepted) {
            String customer = event.text("customer_id");
            if (customer == null) {
                continue;
            }
            switch (event.type()) {
                case "customer.churned" -> {
                    churned.computeIfAbsent(event.day(), d -> new HashSet<>()).add(customer);
                    active.computeIfAbsent(event.day(), d -> new HashSet<>()).add(customer);
                }
                case "customer.renewed" -> {
                    renewed.computeIfAbsent(event.day(), d -> new HashSet<>()).add(customer);
                    active.computeIfAbsent(event.day(), d -> new HashSet<>()).add(customer);
                }
                case "ticket.created" -> {
                    // a ticket belongs to the customer of its (first) creation; the traffic sends one per ticket
                    if (ticketsSeen.add(event.ticket())) {
                        active.computeIfAbsent(event.day(), d -> new HashSet<>()).add(customer);
                    }
                }
                default -> {
                }
            }
        }
        Map<String, Map<LocalDate, Long>> expected = new LinkedHashMap<>();
        expected.put("churned_customers", sizes(churned));
        expected.put("renewed_customers", sizes(renewed));
        expected.put("active_customers", sizes(active));
        return expected;
    }

    private static Map<LocalDate, Long> sizes(Map<LocalDate, Set<String>> customers) {
        Map<LocalDate, Long> sizes = new TreeMap<>();
        customers.forEach((day, set) -> sizes.put(day, (long) set.size()));
        return sizes;
    }
}
