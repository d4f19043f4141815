package io.deskpulse.reporting.domain.risk;

import java.time.LocalDate;

/**
 * One period of the churn KPIs (docs/kpis.md, "Churn"): distinct customers who churned, who renewed, and who were
 * active (a ticket created, a renewal or a churn in the period). {@code churnRate} is churned over active;
 * {@code revenue} what the churns and renewals named.
 */
public record ChurnPeriod(LocalDate period, long churnedCustomers, long renewedCustomers, long activeCustomers,
        Revenue revenue) {

    public Double churnRate() {
        return activeCustomers == 0 ? null : (double) churnedCustomers / activeCustomers;
    }

    /**
     * The revenue of a period's churned and renewed customers, in thousandths of {@code currency}: per customer the
     * revenue of its latest churn (renewal) in the period that names one, added up. Null where no such event names a
     * revenue, and both null when the revenues are in more than one currency ({@code currency} then {@link #MIXED}):
     * amounts of different currencies are never added. {@code currency} is null when the revenues name none.
     */
    public record Revenue(Long churnedMilli, Long renewedMilli, String currency) {

        /** The currency of a period whose revenues are in more than one (a revenue naming none counts as one). */
        public static final String MIXED = "mixed";

        public static final Revenue NONE = new Revenue(null, null, null);

        /**
         * From the sums of the counted revenues, how many distinct currencies they name (a revenue naming none counts
         * as one, the empty currency) and, when one, which ({@code ""} for none).
         */
        public static Revenue of(Long churnedMilli, Long renewedMilli, long currencies, String currency) {
            if (currencies == 0) {
                return NONE;
            }
            if (currencies > 1) {
                return new Revenue(null, null, MIXED);
            }
            return new Revenue(churnedMilli, renewedMilli, currency == null || currency.isEmpty() ? null : currency);
        }

        public Double churned() {
            return churnedMilli == null ? null : churnedMilli / 1000.0;
        }

        public Double renewed() {
            return renewedMilli == null ? null : renewedMilli / 1000.0;
        }
    }
}
