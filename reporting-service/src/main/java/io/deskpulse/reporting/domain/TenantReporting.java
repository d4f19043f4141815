package io.deskpulse.reporting.domain;

/**
 * What a report needs to know of its tenant, from scoring's view {@code tenant_reporting}: the
 * generation of the aggregates to read (the active one; a recomputation builds the next one
 * beside it), the default time zone from the tenant's latest settings, the zone of the active
 * generation's daily rollups, and whether that generation has contribution rows (settings'
 * keep_contributions, V32). A tenant without a row has generation 0, reports in UTC and keeps them.
 */
public record TenantReporting(int generation, String timeZone, String dailyTimeZone, boolean keepsContributions) {

    public static final TenantReporting DEFAULTS = new TenantReporting(0, "UTC", "UTC", true);

    /** A tenant that keeps its contribution rows (the default). */
    public TenantReporting(int generation, String timeZone, String dailyTimeZone) {
        this(generation, timeZone, dailyTimeZone, true);
    }

    public TenantReporting {
        if (timeZone == null) {
            timeZone = "UTC"; // the view coalesces already; a null here would otherwise be a 500 later
        }
        if (dailyTimeZone == null) {
            dailyTimeZone = "UTC";
        }
    }

    /**
     * Whether the active generation's daily rollups (kpi_daily) are in this zone: then a report in it
     * reads a day's row instead of its 23 to 25 hourly rows, with the same result.
     */
    public boolean hasDailyRowsIn(java.time.ZoneId zone) {
        try {
            return java.time.ZoneId.of(dailyTimeZone).normalized().equals(zone.normalized());
        } catch (java.time.DateTimeException e) {
            return false;
        }
    }
}
