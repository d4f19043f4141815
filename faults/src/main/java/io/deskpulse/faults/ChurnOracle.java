package io.deskpulse.faults;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The independent oracle of {@code GET /v1/customers/churn} (docs/kpis.md, Churn), per UTC day, from the distinct
 * accepted events: distinct customers who churned, who renewed, and who were active (a ticket created naming them, a
 * renewal or a churn that day); and the revenue of the churned and the renewed, per customer that of its latest event
 * of the day naming one, added up (the traffic names one currency only). Compared with the served rows by
 * {@link CountOracle#compare}: a customer short is lost, one too many doubled; the revenues to the thousandth.
 */
final class ChurnOracle {

    static final List<String> COUNTS = List.of("churned_customers", "renewed_customers", "active_customers");
    static final List<String> TOTALS = List.of("churned_revenue", "renewed_revenue");

    private ChurnOracle() {
    }

    /** Metric → UTC day → expected value. */
    static Map<String, Map<LocalDate, Long>> expected(List<Traffic.Event> accepted) {
        Map<LocalDate, Set<String>> churned = new TreeMap<>();
        Map<LocalDate, Set<String>> renewed = new TreeMap<>();
        Map<LocalDate, Set<String>> active = new TreeMap<>();
        Set<String> ticketsSeen = new HashSet<>();
        // day → customer → its latest churn (renewal) of the day that names a revenue
        Map<LocalDate, Map<String, Traffic.Event>> churnRevenues = new TreeMap<>();
        Map<LocalDate, Map<String, Traffic.Event>> renewalRevenues = new TreeMap<>();
        for (Traffic.Event event : accepted) {
            String customer = event.text("customer_id");
            if (customer == null) {
                continue;
            }
            switch (event.type()) {
                case "customer.churned" -> {
                    churned.computeIfAbsent(event.day(), d -> new HashSet<>()).add(customer);
                    active.computeIfAbsent(event.day(), d -> new HashSet<>()).add(customer);
                    keepLatestRevenue(churnRevenues, event, customer);
                }
                case "customer.renewed" -> {
                    renewed.computeIfAbsent(event.day(), d -> new HashSet<>()).add(customer);
                    active.computeIfAbsent(event.day(), d -> new HashSet<>()).add(customer);
                    keepLatestRevenue(renewalRevenues, event, customer);
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
        expected.put("churned_revenue", revenues(churnRevenues));
        expected.put("renewed_revenue", revenues(renewalRevenues));
        return expected;
    }

    /** Keeps the event when it names a revenue and is the customer's latest such of its day. */
    private static void keepLatestRevenue(Map<LocalDate, Map<String, Traffic.Event>> latest, Traffic.Event event,
            String customer) {
        if (!event.data().hasNonNull("revenue")) {
            return;
        }
        latest.computeIfAbsent(event.day(), d -> new HashMap<>()).merge(customer, event,
                (kept, next) -> next.time().isAfter(kept.time()) ? next : kept);
    }

    private static Map<LocalDate, Long> revenues(Map<LocalDate, Map<String, Traffic.Event>> latest) {
        Map<LocalDate, Long> sums = new TreeMap<>();
        latest.forEach((day, events) -> events.values().forEach(
                event -> sums.merge(day, CountOracle.thousandths(event.data().get("revenue")), Long::sum)));
        return sums;
    }

    private static Map<LocalDate, Long> sizes(Map<LocalDate, Set<String>> customers) {
        Map<LocalDate, Long> sizes = new TreeMap<>();
        customers.forEach((day, set) -> sizes.put(day, (long) set.size()));
        return sizes;
    }
}
