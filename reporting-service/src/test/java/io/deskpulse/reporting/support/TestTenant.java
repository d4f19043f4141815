package io.deskpulse.reporting.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The tenants of the tests, each owned by one test class (and a second one where the class checks that tenants never
 * see each other's rows): a class writes, reads and deletes only its own tenants' rows ({@link TestData#reset}), so no
 * class depends on another's data or on the order they run in. Each tenant has its own read key, configured by
 * {@link ReportingTestDatabase}; so is {@link #INGEST_ONLY_KEY}, a key without the read scope.
 */
public enum TestTenant {
    ALERTS, ALERTS_OTHER,
    CLIENT,
    CONTRACT,
    CUSTOMERS_AT_RISK, CUSTOMERS_AT_RISK_OTHER,
    CUSTOMERS_CHURN, CUSTOMERS_CHURN_OTHER,
    CUSTOMERS_CHURN_REVENUE,
    KPI_CATALOG_METRICS,
    KPI_CONTRIBUTIONS, KPI_CONTRIBUTIONS_OTHER,
    KPI_CONTRIBUTIONS_NOT_KEPT,
    KPI_DAILY_ROLLUP,
    KPI_DIMENSIONS,
    KPI_EFFORT,
    KPI_GENERATIONS, KPI_GENERATIONS_OTHER,
    KPI_LONG_RANGE,
    KPI_METRICS,
    KPI_PAGING,
    KPI_PERIODS,
    KPI_QUEUES,
    KPI_COSTS,
    KPI_REPRESENTATION,
    KPI_ROW_CACHE,
    KPI_SECURITY, KPI_SECURITY_OTHER,
    KPI_TENANT_TIME_ZONE, KPI_TENANT_TIME_ZONE_OTHER,
    KPI_VALIDATION,
    LEADERBOARDS, LEADERBOARDS_OTHER,
    PERIOD_REPORTS, PERIOD_REPORTS_OTHER,
    PLATFORM,
    SCORECARDS, SCORECARDS_OTHER,
    STREAKS, STREAKS_OTHER,
    TICKET_EXPORT,
    TICKET_FILTERS,
    TICKETS, TICKETS_OTHER;

    /** A key of the tenant "ingest-only" with the ingest scope only: every report answers it 403. */
    public static final String INGEST_ONLY_KEY = "test-ingest-key-ingest-only-0003";

    /** The tenant id, e.g. kpi-paging. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Its API key with the read scope. */
    public String readKey() {
        return "test-read-key-" + id();
    }

    /** {@code deskpulse.auth.api-keys} for every test tenant and the ingest-only key. */
    static String apiKeys() {
        List<String> keys = new ArrayList<>();
        for (TestTenant tenant : values()) {
            keys.add(tenant.id() + ":read:" + sha256(tenant.readKey()));
        }
        keys.add("ingest-only:ingest:" + sha256(INGEST_ONLY_KEY));
        return String.join(",", keys);
    }

    private static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
