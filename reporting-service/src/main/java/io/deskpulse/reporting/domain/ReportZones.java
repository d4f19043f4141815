package io.deskpulse.reporting.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which time zones a report can use. Only IANA region names (no raw offsets such as "+05:00",
 * whose sign PostgreSQL reads the POSIX way, opposite to ISO), matched case-insensitively. And
 * because aggregates are per UTC hour, a zone is exact only while its offset is a whole number of
 * hours: a day in Asia/Kolkata (+05:30) would cut UTC hours in half.
 */
public final class ReportZones {

    private static final Map<String, String> BY_LOWER_CASE = new TreeMap<>();

    static {
        for (String id : ZoneId.getAvailableZoneIds()) {
            BY_LOWER_CASE.put(id.toLowerCase(Locale.ROOT), id);
        }
    }

    private ReportZones() {
    }

    public static Optional<ZoneId> find(String name) {
        String id = BY_LOWER_CASE.get(name.trim().toLowerCase(Locale.ROOT));
        return id == null ? Optional.empty() : Optional.of(ZoneId.of(id));
    }

    /** The first offset in [start, end) that is not a whole number of hours, if any. */
    public static Optional<ZoneOffset> firstPartHourOffset(ZoneId zone, Instant start, Instant end) {
        ZoneRules rules = zone.getRules();
        ZoneOffset offset = rules.getOffset(start);
        if (!wholeHours(offset)) {
            return Optional.of(offset);
        }
        ZoneOffsetTransition next = rules.nextTransition(start);
        while (next != null && next.getInstant().isBefore(end)) {
            if (!wholeHours(next.getOffsetAfter())) {
                return Optional.of(next.getOffsetAfter());
            }
            next = rules.nextTransition(next.getInstant());
        }
        return Optional.empty();
    }

    private static boolean wholeHours(ZoneOffset offset) {
        return offset.getTotalSeconds() % 3600 == 0;
    }
}
