package io.deskpulse.scoring.domain;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The per-tenant settings that KPI derivation depends on (docs/settings.md). Immutable; one instance
 * per settings version. Changing any of these restates past numbers, which is why a settings change
 * starts a recomputation.
 */
public final class TenantSettings {

    /** The catalog's first-response targets per channel, in seconds. */
    public static final Map<String, Long> DEFAULT_FIRST_RESPONSE_SLA_S = Map.of(
            "chat", 30L, "phone", 20L, "messaging", 60L, "web", 14_400L, "email", 14_400L, "social", 3_600L,
            "other", 14_400L);
    /** The catalog's service-level thresholds per channel, in seconds (the 80/20 rule's 20 s for other channels). */
    public static final Map<String, Long> DEFAULT_SERVICE_LEVEL_S = Map.of("phone", 20L, "chat", 30L);
    public static final long DEFAULT_OTHER_SERVICE_LEVEL_S = 20;
    public static final long DEFAULT_SHORT_ABANDON_S = 5;
    public static final double DEFAULT_QA_PASS_MARK = 80;
    public static final String DEFAULT_COMPLAINT_TAG = "complaint";

    public static final TenantSettings DEFAULTS = new TenantSettings(ZoneOffset.UTC, null, Map.of(), Map.of(), Map.of(),
            DEFAULT_QA_PASS_MARK, DEFAULT_COMPLAINT_TAG);

    private final ZoneId timeZone;
    private final BusinessHours businessHours;
    private final Map<String, BusinessHours> teamBusinessHours;
    private final Map<String, Long> firstResponseSlaSeconds;
    private final Map<String, Map<String, Long>> firstResponseSlaSecondsByPriority;
    private final double qaPassMark;
    private final String complaintTag;
    private final Map<String, Long> serviceLevelSeconds;
    private final long shortAbandonSeconds;
    private final BusinessCalendar tenantCalendar;
    private final Map<String, BusinessCalendar> teamCalendars = new HashMap<>();
    private final CostRates costRates;
    private final boolean keepContributions;

    /**
     * @param businessHours null: always open, so business-hours durations equal calendar durations
     * @param firstResponseSlaSeconds per channel; channels not named keep the catalog's default
     * @param firstResponseSlaSecondsByPriority priority → channel → seconds, taking precedence
     */
    public TenantSettings(ZoneId timeZone, BusinessHours businessHours, Map<String, BusinessHours> teamBusinessHours,
            Map<String, Long> firstResponseSlaSeconds, Map<String, Map<String, Long>> firstResponseSlaSecondsByPriority,
            double qaPassMark, String complaintTag) {
        this(timeZone, businessHours, teamBusinessHours, firstResponseSlaSeconds, firstResponseSlaSecondsByPriority,
                qaPassMark, complaintTag, Map.of(), DEFAULT_SHORT_ABANDON_S);
    }

    /**
     * @param serviceLevelSeconds per channel; channels not named keep the catalog's default
     * @param shortAbandonSeconds abandons after less waiting than this are short ones
     */
    public TenantSettings(ZoneId timeZone, BusinessHours businessHours, Map<String, BusinessHours> teamBusinessHours,
            Map<String, Long> firstResponseSlaSeconds, Map<String, Map<String, Long>> firstResponseSlaSecondsByPriority,
            double qaPassMark, String complaintTag, Map<String, Long> serviceLevelSeconds, long shortAbandonSeconds) {
        this.serviceLevelSeconds = Map.copyOf(serviceLevelSeconds);
        this.shortAbandonSeconds = shortAbandonSeconds;
        this.timeZone = timeZone;
        this.businessHours = businessHours;
        this.teamBusinessHours = Map.copyOf(teamBusinessHours);
        this.firstResponseSlaSeconds = Map.copyOf(firstResponseSlaSeconds);
        this.firstResponseSlaSecondsByPriority = Map.copyOf(firstResponseSlaSecondsByPriority);
        this.qaPassMark = qaPassMark;
        this.complaintTag = complaintTag.toLowerCase(Locale.ROOT);
        this.tenantCalendar = businessHours == null ? BusinessCalendar.ALWAYS_OPEN : businessHours.calendar(timeZone);
        this.teamBusinessHours.forEach((team, hours) -> teamCalendars.put(team, hours.calendar(timeZone)));
        this.costRates = CostRates.NONE;
        this.keepContributions = true;
    }

    /** {@code base} with other cost rates and choice of contribution rows: every field final, so an instance is safe to
     * share between threads. */
    private TenantSettings(TenantSettings base, CostRates costRates, boolean keepContributions) {
        this.timeZone = base.timeZone;
        this.businessHours = base.businessHours;
        this.teamBusinessHours = base.teamBusinessHours;
        this.firstResponseSlaSeconds = base.firstResponseSlaSeconds;
        this.firstResponseSlaSecondsByPriority = base.firstResponseSlaSecondsByPriority;
        this.qaPassMark = base.qaPassMark;
        this.complaintTag = base.complaintTag;
        this.serviceLevelSeconds = base.serviceLevelSeconds;
        this.shortAbandonSeconds = base.shortAbandonSeconds;
        this.tenantCalendar = base.tenantCalendar;
        this.teamCalendars.putAll(base.teamCalendars);
        this.costRates = costRates;
        this.keepContributions = keepContributions;
    }

    public ZoneId timeZone() {
        return timeZone;
    }

    public BusinessHours businessHours() {
        return businessHours;
    }

    public Map<String, BusinessHours> teamBusinessHours() {
        return teamBusinessHours;
    }

    public Map<String, Long> firstResponseSlaSeconds() {
        return firstResponseSlaSeconds;
    }

    public Map<String, Map<String, Long>> firstResponseSlaSecondsByPriority() {
        return firstResponseSlaSecondsByPriority;
    }

    public Map<String, Long> serviceLevelSeconds() {
        return serviceLevelSeconds;
    }

    public long shortAbandonSeconds() {
        return shortAbandonSeconds;
    }

    /** An answer within this wait meets the service level: the tenant's threshold for the channel, else the catalog's. */
    public long serviceLevelThresholdMillis(String channel) {
        Long seconds = channel == null ? null : serviceLevelSeconds.get(channel);
        if (seconds == null) {
            seconds = channel == null ? DEFAULT_OTHER_SERVICE_LEVEL_S
                    : DEFAULT_SERVICE_LEVEL_S.getOrDefault(channel, DEFAULT_OTHER_SERVICE_LEVEL_S);
        }
        return seconds * 1000;
    }

    /** An abandonment after less waiting than this is short: counted apart and left out of the rates. */
    public long shortAbandonMillis() {
        return shortAbandonSeconds * 1000;
    }

    /** The tenant's cost rates ({@link CostRates#NONE} when it set none: every cost is 0). */
    public CostRates costRates() {
        return costRates;
    }

    /** These settings with {@code rates} as the cost rates. */
    public TenantSettings withCostRates(CostRates rates) {
        return new TenantSettings(this, rates == null ? CostRates.NONE : rates, keepContributions);
    }

    /**
     * Whether scoring keeps a row per contribution ({@code kpi_contributions}, the drill-down of
     * {@code GET /v1/kpis/contributions}): about half of scoring's database work per event (docs/settings.md).
     */
    public boolean keepContributions() {
        return keepContributions;
    }

    /** These settings with contribution rows kept, or not. */
    public TenantSettings withKeepContributions(boolean keep) {
        return new TenantSettings(this, costRates, keep);
    }

    public double qaPassMark() {
        return qaPassMark;
    }

    public String complaintTag() {
        return complaintTag;
    }

    /** The team's own business hours where it has them, else the tenant's (else always open). */
    public BusinessCalendar calendarFor(String teamId) {
        return teamCalendars.getOrDefault(teamId == null ? "" : teamId, tenantCalendar);
    }

    /** The first-response target of a ticket: priority-specific, else per channel, else the catalog's default. */
    public long firstResponseTargetMillis(String channel, String priority) {
        // Map.copyOf maps refuse get(null): a ticket without channel or priority simply has no override.
        Map<String, Long> forPriority = priority == null ? null : firstResponseSlaSecondsByPriority.get(priority);
        Long seconds = forPriority == null || channel == null ? null : forPriority.get(channel);
        if (seconds == null && channel != null) {
            seconds = firstResponseSlaSeconds.get(channel);
        }
        if (seconds == null) {
            seconds = channel == null ? DEFAULT_FIRST_RESPONSE_SLA_S.get("other")
                    : DEFAULT_FIRST_RESPONSE_SLA_S.getOrDefault(channel, DEFAULT_FIRST_RESPONSE_SLA_S.get("other"));
        }
        return seconds * 1000;
    }

    /** A QA review passes when it says so, else when its score reaches the pass mark. */
    public boolean qaPassed(Boolean passedGiven, long scoreMilli) {
        return passedGiven != null ? passedGiven : scoreMilli >= Math.round(qaPassMark * 1000);
    }

    public boolean isComplaintTag(String tag) {
        return tag != null && tag.toLowerCase(Locale.ROOT).equals(complaintTag);
    }
}
