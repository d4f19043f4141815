package io.deskpulse.scoring.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A weekly schedule of openings and whole-day holidays, in a time zone (null: the tenant's).
 * Days missing from {@code weekly} are closed.
 */
public record BusinessHours(ZoneId timeZone, Map<DayOfWeek, List<OpenInterval>> weekly, Set<LocalDate> holidays) {

    public BusinessHours {
        weekly = Map.copyOf(weekly);
        holidays = Set.copyOf(holidays);
    }

    BusinessCalendar calendar(ZoneId tenantZone) {
        return BusinessCalendar.of(timeZone != null ? timeZone : tenantZone, weekly, holidays);
    }
}
