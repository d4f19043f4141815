package io.deskpulse.scoring.domain;

/**
 * A {@code customer.churned} or {@code customer.renewed} event as the per-customer store keeps it
 * ({@code customer_lifecycle_events}): the customer, the event's identity (as in the timelines), its event time,
 * whether it is a churn (else a renewal), and the revenue it names in thousandths of its currency (null: none).
 * Churn KPIs and the at-risk back-test read these rows by event time, so order and lateness do not matter and a
 * resent event (same identity) is stored once.
 */
public record CustomerEvent(String tenantId, String customerId, long identity, long epochMillis, boolean churned,
        Long revenueMilli, String currency) {
}
