package io.deskpulse.reporting.service;

/**
 * What a report needs to know of its tenant, from scoring's view {@code tenant_reporting}: the
 * generation of the aggregates to read (the active one; a recomputation builds the next one
 * beside it) and the default time zone from the tenant's latest settings. A tenant without a
 * row has generation 0 and reports in UTC.
 */
public record TenantReporting(int generation, String timeZone) {

    public static final TenantReporting DEFAULTS = new TenantReporting(0, "UTC");

    public TenantReporting {
        if (timeZone == null) {
            timeZone = "UTC"; // the view coalesces already; a null here would otherwise be a 500 later
        }
    }
}
