package io.deskpulse.scoring.service;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.deskpulse.scoring.domain.BusinessHours;
import io.deskpulse.scoring.domain.OpenInterval;
import io.deskpulse.scoring.domain.TenantSettings;
import io.deskpulse.storage.StoredJson;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The settings document of docs/settings.md. As a PUT body every field is optional (left out or null: its default),
 * the read-only fields of an answer are ignored and other unknown fields refused. {@link #of} is the effective
 * document, every default filled in and in one canonical form, so that two documents with the same meaning are equal
 * JSON: that form is what is stored and what a change is measured against.
 */
@Schema(name = "SettingsDocument", description = "A tenant's settings (docs/settings.md). In a PUT every field is "
        + "optional and a field left out (or null) takes its default; unknown fields are refused.")
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties({"version", "changed_at", "changed_by", "changed_fields", "pending_recomputation", "recomputation"})
@CheckedDocument.Valid
public record SettingsDocument(
        @Schema(description = "IANA zone: reports' default tz, and the zone of business hours that name none",
                defaultValue = "UTC", example = "Europe/Berlin") String timeZone,
        @Schema(description = "The tenant's business hours; null: always open", nullable = true) Hours businessHours,
        @Schema(description = "Per team id (1 to 128 characters, at most 1000 teams), hours that replace the tenant's "
                + "for contributions credited to that team") Map<String, Hours> teamBusinessHours,
        @Schema(description = "First-response targets in seconds (1 to 2592000) per channel (email, chat, phone, web, "
                + "social, messaging, other); channels left out keep the catalog's default. Answers list all seven.",
                example = "{\"chat\": 30, \"phone\": 20, \"messaging\": 60, \"web\": 14400, \"email\": 14400, "
                        + "\"social\": 3600, \"other\": 14400}") Map<String, BigDecimal> firstResponseSlaS,
        @Schema(description = "Per priority (low, normal, high, urgent), per channel, targets in seconds that take "
                + "precedence", example = "{\"urgent\": {\"email\": 3600, \"web\": 3600}}")
        @JsonProperty("first_response_sla_s_by_priority") Map<String, Map<String, BigDecimal>> firstResponseSlaSByPriority,
        @Schema(type = SchemaType.NUMBER, description = "A QA review without 'passed' passes when its score is at least "
                + "this; 0 to 100, at most 3 decimals", defaultValue = "80", minimum = "0", maximum = "100")
        Number qaPassMark,
        @Schema(description = "The tag (matched case-insensitively; answered in lower case) that makes a ticket a "
                + "complaint; 1 to 128 characters", defaultValue = "complaint") String complaintTag,
        @Schema(description = "Queue service level: an interaction answered within this many seconds (1 to 2592000) "
                + "meets it, per channel; channels left out keep the catalog's default (phone 20, chat 30, any other "
                + "20). Answers list all seven.", example = "{\"email\": 20, \"chat\": 30, \"phone\": 20, \"web\": 20, "
                        + "\"social\": 20, \"messaging\": 20, \"other\": 20}") Map<String, BigDecimal> serviceLevelS,
        @Schema(type = SchemaType.INTEGER, description = "An abandonment after less waiting than this many seconds (0 to "
                + "3600; 0: none is short) is a short abandon, counted apart and left out of the queue rates",
                defaultValue = "5", minimum = "0", maximum = "3600") Number shortAbandonS,
        @Schema(description = "Cost rates (cost_total, cost_per_contact, cost_per_resolution); null: none, every cost 0",
                nullable = true) CostRatesDocument costRates,
        @Schema(description = "Whether scoring keeps the items behind every cell (GET /v1/kpis/contributions and the "
                + "tickets' solver and sla_breached filters). false halves scoring's database work per event; a change "
                + "rebuilds the numbers, with or without the items", defaultValue = "true") Boolean keepContributions,
        @JsonAnySetter @JsonAnyGetter @Schema(hidden = true) Map<String, Object> unknownFields)
        implements CheckedDocument {

    /** The document's fields, in the order they are written. */
    public static final List<String> FIELDS = List.of("time_zone", "business_hours", "team_business_hours",
            "first_response_sla_s", "first_response_sla_s_by_priority", "qa_pass_mark", "complaint_tag",
            "service_level_s", "short_abandon_s", "cost_rates", "keep_contributions");
    public static final List<String> CHANNELS = List.of("email", "chat", "phone", "web", "social", "messaging", "other");
    public static final List<String> PRIORITIES = List.of("low", "normal", "high", "urgent");
    static final long MAX_SLA_SECONDS = 30L * 24 * 3600;
    static final int MAX_COMPLAINT_TAG_LENGTH = 128;
    static final long MAX_SHORT_ABANDON_SECONDS = 3600;
    static final int MAX_TEAM_ID_LENGTH = 128;
    static final int MAX_TEAMS = 1000;

    @Schema(name = "BusinessHours", description = "Weekly openings and holidays, in a time zone")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Hours(
            @Schema(description = "IANA zone of these hours; null: the tenant's time_zone", nullable = true,
                    example = "Europe/Berlin") String timeZone,
            @Schema(required = true, description = "Per day (monday ... sunday, lower case), openings \"HH:MM-HH:MM\": "
                    + "start before end, 24:00 only as an end, not overlapping; a day left out or [] is closed; at "
                    + "least one opening in the week. Answers list all seven days, openings sorted.",
                    example = "{\"monday\": [\"09:00-12:00\", \"13:00-17:00\"], \"tuesday\": [\"09:00-17:00\"]}")
            Map<String, List<String>> weekly,
            @Schema(description = "Dates YYYY-MM-DD closed all day, in the hours' zone (answers: sorted, no repeats)",
                    example = "[\"2026-12-24\", \"2026-12-25\"]") List<String> holidays,
            @JsonAnySetter @JsonAnyGetter @Schema(hidden = true) Map<String, Object> unknownFields) {

        static Hours of(BusinessHours hours) {
            Map<String, List<String>> weekly = new LinkedHashMap<>();
            for (DayOfWeek day : DayOfWeek.values()) {
                weekly.put(dayName(day), hours.weekly().getOrDefault(day, List.of()).stream()
                        .sorted(Comparator.comparingInt(OpenInterval::startMinute)).map(Hours::format).toList());
            }
            return new Hours(hours.timeZone() == null ? null : zoneId(hours.timeZone()), weekly,
                    new TreeSet<>(hours.holidays()).stream().map(LocalDate::toString).toList(), null);
        }

        /** Valid hours as the domain's. */
        BusinessHours toDomain() {
            Map<DayOfWeek, List<OpenInterval>> days = new EnumMap<>(DayOfWeek.class);
            weekly.forEach((name, openings) -> {
                List<OpenInterval> parsed = openings.stream().map(Hours::opening).toList();
                if (!parsed.isEmpty()) {
                    days.put(day(name), parsed);
                }
            });
            Set<LocalDate> closed = new TreeSet<>();
            if (holidays != null) {
                holidays.forEach(date -> closed.add(LocalDate.parse(date)));
            }
            return new BusinessHours(timeZone == null ? null : zone(timeZone), days, closed);
        }

        static String format(OpenInterval opening) {
            return time(opening.startMinute()) + "-" + time(opening.endMinute());
        }

        private static String time(int minute) {
            return String.format(Locale.ROOT, "%02d:%02d", minute / 60, minute % 60);
        }

        /** A valid opening's interval. */
        private static OpenInterval opening(String text) {
            int[] minutes = minutes(text);
            return new OpenInterval(minutes[0], minutes[1]);
        }
    }

    private static final Pattern OPENING = Pattern.compile("(\\d{2}):(\\d{2})-(\\d{2}):(\\d{2})");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final String DAYS = "monday, tuesday, wednesday, thursday, friday, saturday or sunday";
    /** Bounds that no real schedule reaches, so that one document cannot make every batch slow. */
    static final int MAX_OPENINGS_PER_DAY = 48;
    static final int MAX_HOLIDAYS = 1000;

    /** The effective document of {@code settings}: every field, defaults filled in, in canonical form. */
    public static SettingsDocument of(TenantSettings settings) {
        Map<String, Hours> teams = new TreeMap<>();
        settings.teamBusinessHours().forEach((team, hours) -> teams.put(team, Hours.of(hours)));
        Map<String, BigDecimal> sla = new LinkedHashMap<>();
        CHANNELS.forEach(channel -> sla.put(channel, BigDecimal.valueOf(settings.firstResponseSlaSeconds()
                .getOrDefault(channel, TenantSettings.DEFAULT_FIRST_RESPONSE_SLA_S.get(channel)))));
        Map<String, Map<String, BigDecimal>> byPriority = new LinkedHashMap<>();
        for (String priority : PRIORITIES) {
            Map<String, Long> targets = settings.firstResponseSlaSecondsByPriority().get(priority);
            if (targets != null && !targets.isEmpty()) {
                Map<String, BigDecimal> ordered = new LinkedHashMap<>();
                CHANNELS.stream().filter(targets::containsKey)
                        .forEach(channel -> ordered.put(channel, BigDecimal.valueOf(targets.get(channel))));
                byPriority.put(priority, ordered);
            }
        }
        Map<String, BigDecimal> serviceLevels = new LinkedHashMap<>();
        CHANNELS.forEach(channel -> serviceLevels.put(channel, BigDecimal.valueOf(settings.serviceLevelThresholdMillis(channel) / 1000)));
        return new SettingsDocument(zoneId(settings.timeZone()),
                settings.businessHours() == null ? null : Hours.of(settings.businessHours()), teams, sla, byPriority,
                Decimals.plain(settings.qaPassMark()), settings.complaintTag(), serviceLevels,
                settings.shortAbandonSeconds(), CostRatesDocument.of(settings.costRates()), settings.keepContributions(),
                null);
    }

    /** A valid document as the domain's settings; left-out fields take their defaults. */
    public TenantSettings toSettings() {
        Map<String, BusinessHours> teams = new HashMap<>();
        if (teamBusinessHours != null) {
            teamBusinessHours.forEach((team, hours) -> teams.put(team, hours.toDomain()));
        }
        Map<String, Long> sla = new HashMap<>(TenantSettings.DEFAULT_FIRST_RESPONSE_SLA_S);
        if (firstResponseSlaS != null) {
            firstResponseSlaS.forEach((channel, seconds) -> sla.put(channel, seconds.longValue()));
        }
        Map<String, Map<String, Long>> byPriority = new HashMap<>();
        if (firstResponseSlaSByPriority != null) {
            firstResponseSlaSByPriority.forEach((priority, targets) -> {
                if (targets != null && !targets.isEmpty()) {
                    Map<String, Long> seconds = new HashMap<>();
                    targets.forEach((channel, value) -> seconds.put(channel, value.longValue()));
                    byPriority.put(priority, seconds);
                }
            });
        }
        Map<String, Long> serviceLevels = new HashMap<>();
        if (serviceLevelS != null) {
            serviceLevelS.forEach((channel, seconds) -> serviceLevels.put(channel, seconds.longValue()));
        }
        return new TenantSettings(timeZone == null ? ZoneOffset.UTC : zone(timeZone),
                businessHours == null ? null : businessHours.toDomain(), teams, sla, byPriority,
                qaPassMark == null ? TenantSettings.DEFAULT_QA_PASS_MARK : new BigDecimal(qaPassMark.toString()).doubleValue(),
                complaintTag == null ? TenantSettings.DEFAULT_COMPLAINT_TAG : complaintTag, serviceLevels,
                shortAbandonS == null ? TenantSettings.DEFAULT_SHORT_ABANDON_S : shortAbandonS.longValue())
                .withCostRates(costRates == null ? null : costRates.toDomain())
                .withKeepContributions(keepContributions == null || keepContributions);
    }

    /** The canonical JSON text of {@code settings} that is stored in tenant_settings_versions. */
    public static String toStored(TenantSettings settings) {
        return StoredJson.write(of(settings));
    }

    /** A stored document; it passed these rules when it was saved, so a failure is a bug or a hand edit. */
    public static TenantSettings fromStored(String json) {
        SettingsDocument document = StoredJson.read(json, SettingsDocument.class);
        FieldErrors errors = document.check();
        if (errors.any()) {
            throw new IllegalStateException("a stored settings document no longer reads: " + errors.list());
        }
        return document.toSettings();
    }

    private static String zoneId(ZoneId zone) {
        // the catalog's default, ZoneOffset.UTC, is written "UTC" (its own id is "Z")
        return zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
    }

    /** An IANA region id the JVM knows, or UTC; null for anything else (a fixed offset ignores daylight saving). */
    private static ZoneId zone(String id) {
        if (id.equals("UTC")) {
            return ZoneOffset.UTC;
        }
        return ZoneId.getAvailableZoneIds().contains(id) ? ZoneId.of(id) : null;
    }

    private static String dayName(DayOfWeek day) {
        return day.name().toLowerCase(Locale.ROOT);
    }

    private static DayOfWeek day(String name) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (dayName(day).equals(name)) {
                return day;
            }
        }
        return null;
    }

    /** Start and end of a well-formed opening "HH:MM-HH:MM" in minutes after midnight (see below), or null. */
    private static int[] minutes(String text) {
        Matcher m = text == null ? null : OPENING.matcher(text);
        return m == null || !m.matches() ? null
                : new int[] {minutes(m.group(1), m.group(2)), minutes(m.group(3), m.group(4))};
    }

    /** Minutes after midnight, 1440 for 24:00, or -1 for a time that is none. */
    private static int minutes(String hours, String minutes) {
        int h = Integer.parseInt(hours);
        int m = Integer.parseInt(minutes);
        if (m > 59 || h > 24 || (h == 24 && m != 0)) {
            return -1;
        }
        return h * 60 + m;
    }

    /** Every rule of docs/settings.md, each broken one named by its path. */
    @Override
    public FieldErrors check() {
        FieldErrors errors = new FieldErrors();
        errors.unknown(unknownFields, "", "is not a settings field; they are " + String.join(", ", FIELDS));
        if (timeZone != null) {
            reportZone(timeZone, errors);
        }
        if (businessHours != null) {
            hours(businessHours, "business_hours", errors);
        }
        teamHours(teamBusinessHours, errors);
        slaPerChannel(firstResponseSlaS, "first_response_sla_s", errors);
        if (firstResponseSlaSByPriority != null) {
            firstResponseSlaSByPriority.forEach((priority, targets) -> {
                String path = "first_response_sla_s_by_priority." + priority;
                if (!PRIORITIES.contains(priority)) {
                    errors.add(path, "is not a priority; they are " + String.join(", ", PRIORITIES));
                } else {
                    slaPerChannel(targets, path, errors);
                }
            });
        }
        if (qaPassMark != null) {
            BigDecimal mark = new BigDecimal(qaPassMark.toString());
            if (mark.signum() < 0 || mark.compareTo(BigDecimal.valueOf(100)) > 0) {
                errors.add("qa_pass_mark", "must be a number from 0 to 100, got " + mark.toPlainString());
            } else if (mark.stripTrailingZeros().scale() > 3) {
                // Scores are kept in thousandths (docs/storage.md): a finer mark would not mean what it says.
                errors.add("qa_pass_mark", "must have at most 3 decimal places, got " + mark.toPlainString());
            }
        }
        slaPerChannel(serviceLevelS, "service_level_s", errors);
        if (shortAbandonS != null) {
            BigDecimal seconds = new BigDecimal(shortAbandonS.toString());
            if (seconds.stripTrailingZeros().scale() > 0 || seconds.signum() < 0
                    || seconds.compareTo(BigDecimal.valueOf(MAX_SHORT_ABANDON_SECONDS)) > 0) {
                errors.add("short_abandon_s", "must be a whole number of seconds from 0 to " + MAX_SHORT_ABANDON_SECONDS
                        + ", got " + seconds.toPlainString());
            }
        }
        if (costRates != null) {
            costRates.check("cost_rates", errors);
        }
        String tag = complaintTag;
        if (tag != null && (tag.isBlank() || tag.length() > MAX_COMPLAINT_TAG_LENGTH)) {
            errors.add("complaint_tag", "must be a non-empty text of at most " + MAX_COMPLAINT_TAG_LENGTH
                    + " characters, got " + FieldErrors.quote(tag));
        }
        return errors;
    }

    /**
     * The tenant's own zone, which reports default to: aggregates are hourly, so only a zone whose UTC offsets
     * are whole hours can be reported exactly (business hours may use any zone). Checked against the offsets the
     * zone has had since 1970 and will have by its rules.
     */
    private static void reportZone(String id, FieldErrors errors) {
        ZoneId zone = zone(id, "time_zone", errors);
        if (zone == null) {
            return;
        }
        ZoneRules rules = zone.getRules();
        List<ZoneOffset> offsets = new ArrayList<>(List.of(rules.getOffset(Instant.EPOCH)));
        rules.getTransitions().stream().filter(t -> !t.getInstant().isBefore(Instant.EPOCH))
                .forEach(t -> offsets.add(t.getOffsetAfter()));
        rules.getTransitionRules().forEach(r -> {
            offsets.add(r.getOffsetBefore());
            offsets.add(r.getOffsetAfter());
        });
        offsets.stream().filter(offset -> offset.getTotalSeconds() % 3600 != 0).findFirst().ifPresent(offset ->
                errors.add("time_zone", "must have a whole-hour UTC offset, for reports default to it and are exact "
                        + "per hour; " + zone.getId() + " has " + offset + " (business_hours.time_zone may be any zone)"));
    }

    private static ZoneId zone(String id, String path, FieldErrors errors) {
        ZoneId zone = SettingsDocument.zone(id);
        if (zone == null) {
            errors.add(path, "must be an IANA time zone such as \"Europe/Berlin\" or \"UTC\", got "
                    + FieldErrors.quote(id));
        }
        return zone;
    }

    private static void teamHours(Map<String, Hours> teams, FieldErrors errors) {
        if (teams == null) {
            return;
        }
        if (teams.size() > MAX_TEAMS) {
            errors.add("team_business_hours", "must name at most " + MAX_TEAMS + " teams, got " + teams.size());
            return;
        }
        teams.forEach((team, hours) -> {
            String path = "team_business_hours." + team;
            if (team.isEmpty() || team.length() > MAX_TEAM_ID_LENGTH) {
                errors.add(path, "a team id has 1 to " + MAX_TEAM_ID_LENGTH + " characters");
            } else if (hours == null) {
                errors.add(path, "must be an object with weekly openings (and optionally time_zone and holidays)");
            } else {
                hours(hours, path, errors);
            }
        });
    }

    private static void hours(Hours hours, String path, FieldErrors errors) {
        errors.unknown(hours.unknownFields(), path + ".", "is not a field of business hours; they have time_zone, weekly and "
                + "holidays");
        if (hours.timeZone() != null) {
            zone(hours.timeZone(), path + ".time_zone", errors);
        }
        weekly(hours.weekly(), path + ".weekly", errors);
        holidays(hours.holidays(), path + ".holidays", errors);
    }

    private static void weekly(Map<String, List<String>> weekly, String path, FieldErrors errors) {
        if (weekly == null) {
            errors.add(path, "is required: the openings per day (business_hours null means always open)");
            return;
        }
        int before = errors.count();
        boolean open = false;
        for (Map.Entry<String, List<String>> entry : weekly.entrySet()) {
            String dayPath = path + "." + entry.getKey();
            if (SettingsDocument.day(entry.getKey()) == null) {
                errors.add(dayPath, "is not a day: use " + DAYS + " (lower case)");
            } else {
                open |= openings(entry.getValue(), dayPath, errors);
            }
        }
        if (errors.count() == before && !open) {
            errors.add(path, "must hold at least one opening in the week (business_hours null means always open)");
        }
    }

    /** Whether the day has an opening; its errors are added. */
    private static boolean openings(List<String> openings, String path, FieldErrors errors) {
        if (openings == null) {
            errors.add(path, "must be a list of \"HH:MM-HH:MM\" openings ([] or leaving the day out: closed)");
            return false;
        }
        if (openings.size() > MAX_OPENINGS_PER_DAY) {
            errors.add(path, "must hold at most " + MAX_OPENINGS_PER_DAY + " openings, got " + openings.size());
            return false;
        }
        List<Indexed> valid = new ArrayList<>();
        for (int i = 0; i < openings.size(); i++) {
            OpenInterval opening = opening(openings.get(i), path + "[" + i + "]", errors);
            if (opening != null) {
                valid.add(new Indexed(i, opening));
            }
        }
        // Sorted by start, an opening overlaps an earlier one exactly when it starts before the latest end so far.
        valid.sort(Comparator.comparingInt(o -> o.opening().startMinute()));
        Indexed latestEnd = null;
        for (Indexed current : valid) {
            if (latestEnd != null && current.opening().startMinute() < latestEnd.opening().endMinute()) {
                String dayName = path.substring(path.lastIndexOf('.') + 1);
                errors.add(path + "[" + current.index() + "]", "overlaps " + dayName + "[" + latestEnd.index()
                        + "] (" + Hours.format(latestEnd.opening()) + ")");
            }
            if (latestEnd == null || current.opening().endMinute() > latestEnd.opening().endMinute()) {
                latestEnd = current;
            }
        }
        return !valid.isEmpty();
    }

    private static OpenInterval opening(String text, String path, FieldErrors errors) {
        int[] opening = minutes(text);
        if (opening == null) {
            errors.add(path, "must be an opening \"HH:MM-HH:MM\" such as \"09:00-17:00\", got "
                    + (text == null ? "null" : FieldErrors.quote(text)));
        } else if (opening[0] < 0 || opening[1] < 0) {
            errors.add(path, "holds a time that is not one of a day (00:00 to 23:59, and 24:00 as an end), got "
                    + FieldErrors.quote(text));
        } else if (opening[0] == OpenInterval.DAY_MINUTES) {
            errors.add(path, "cannot start at 24:00: 24:00 only ends an opening");
        } else if (opening[0] >= opening[1]) {
            errors.add(path, "must start before it ends, got " + FieldErrors.quote(text) + "; an opening cannot "
                    + "cross midnight (a night shift is two openings, e.g. 22:00-24:00 and, the next day, 00:00-06:00)");
        } else {
            return new OpenInterval(opening[0], opening[1]);
        }
        return null;
    }

    private static void holidays(List<String> holidays, String path, FieldErrors errors) {
        if (holidays == null) {
            return;
        }
        if (holidays.size() > MAX_HOLIDAYS) {
            errors.add(path, "must hold at most " + MAX_HOLIDAYS + " dates, got " + holidays.size());
            return;
        }
        for (int i = 0; i < holidays.size(); i++) {
            String date = holidays.get(i);
            if (!isDate(date)) {
                errors.add(path + "[" + i + "]", "must be a date \"YYYY-MM-DD\", got "
                        + (date == null ? "null" : FieldErrors.quote(date)));
            }
        }
    }

    private static boolean isDate(String text) {
        if (text == null || !DATE.matcher(text).matches()) {
            return false;
        }
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static void slaPerChannel(Map<String, BigDecimal> targets, String path, FieldErrors errors) {
        if (targets == null) {
            return;
        }
        targets.forEach((channel, seconds) -> {
            String channelPath = path + "." + channel;
            if (!CHANNELS.contains(channel)) {
                errors.add(channelPath, "is not a channel; they are " + String.join(", ", CHANNELS));
                return;
            }
            BigDecimal value = seconds == null ? null : new BigDecimal(seconds.toString());
            if (value == null || value.stripTrailingZeros().scale() > 0 || value.compareTo(BigDecimal.ONE) < 0
                    || value.compareTo(BigDecimal.valueOf(MAX_SLA_SECONDS)) > 0) {
                errors.add(channelPath, "must be a whole number of seconds from 1 to " + MAX_SLA_SECONDS
                        + " (30 days), got " + (value == null ? "null" : value.toPlainString()));
            }
        });
    }

    private record Indexed(int index, OpenInterval opening) {
    }
}
