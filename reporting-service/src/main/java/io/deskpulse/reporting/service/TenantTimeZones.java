package io.deskpulse.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;

/**
 * The time zone a report uses when the request names none. The single seam for tenant settings:
 * until they exist (a later issue) every tenant reports in UTC.
 */
@ApplicationScoped
public class TenantTimeZones {

    private static final ZoneId UTC = ZoneId.of("UTC");

    public ZoneId defaultZone(String tenant) {
        return UTC;
    }
}
