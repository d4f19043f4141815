package io.deskpulse.reporting.domain.risk;

import java.time.LocalDate;

/**
 * One period of the churn KPIs (docs/kpis.md, "Churn"): distinct customers who churned, who renewed, and who were
 * active (a ticket created, a renewal or a churn in the period). {@code churnRate} is churned over active.
 */
public record ChurnPeriod(LocalDate period, long churnedCustomers, long renewedCustomers, long activeCustomers) {

    public Double churnRate() {
        return activeCustomers == 0 ? null : (double) churnedCustomers / activeCustomers;
    }
}
