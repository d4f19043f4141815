package io.deskpulse.scoring.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskpulse.scoring.domain.BusinessHours;
import io.deskpulse.scoring.domain.OpenInterval;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Business hours as JSON ({@code {"time_zone", "weekly": {"monday": ["09:00-17:00"]}, "holidays": [...]}}) and
 * back, with the rules of docs/settings.md. Openings come out sorted and holidays sorted without repeats, so that
 * two documents meaning the same hours are equal (and a PUT of them is no change).
 */
final class BusinessHoursCodec {

    static final Set<String> FIELDS = Set.of("time_zone", "weekly", "holidays");
    /** Bounds that no real schedule reaches, so that one document cannot make every batch slow. */
    static final int MAX_OPENINGS_PER_DAY = 48;
    static final int MAX_HOLIDAYS = 1000;

    private static final Pattern OPENING = Pattern.compile("(\\d{2}):(\\d{2})-(\\d{2}):(\\d{2})");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final String DAYS = "monday, tuesday, wednesday, thursday, friday, saturday or sunday";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private BusinessHoursCodec() {
    }

    /** The hours at {@code path}, or null when they are invalid (the reasons are in {@code errors}). */
    static BusinessHours decode(JsonNode node, String path, FieldErrors errors) {
        if (!node.isObject()) {
            errors.add(path, "must be an object with weekly openings (and optionally time_zone and holidays)");
            return null;
        }
        int before = errors.count();
        node.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                errors.add(path + "." + name, "is not a field of business hours; they have time_zone, weekly and holidays");
            }
        });
        JsonNode zoneNode = node.get("time_zone");
        ZoneId zone = zoneNode == null || zoneNode.isNull() ? null : Zones.decode(zoneNode, path + ".time_zone", errors);
        Map<DayOfWeek, List<OpenInterval>> weekly = weekly(node.get("weekly"), path + ".weekly", errors);
        Set<LocalDate> holidays = holidays(node.get("holidays"), path + ".holidays", errors);
        return errors.count() > before ? null : new BusinessHours(zone, weekly, holidays);
    }

    static ObjectNode encode(BusinessHours hours) {
        ObjectNode node = JSON.objectNode();
        node.put("time_zone", hours.timeZone() == null ? null : Zones.encode(hours.timeZone()));
        ObjectNode weekly = node.putObject("weekly");
        for (DayOfWeek day : DayOfWeek.values()) {
            ArrayNode openings = weekly.putArray(dayName(day));
            hours.weekly().getOrDefault(day, List.of()).stream()
                    .sorted(Comparator.comparingInt(OpenInterval::startMinute))
                    .forEach(opening -> openings.add(format(opening)));
        }
        ArrayNode holidays = node.putArray("holidays");
        new TreeSet<>(hours.holidays()).forEach(day -> holidays.add(day.toString()));
        return node;
    }

    private static Map<DayOfWeek, List<OpenInterval>> weekly(JsonNode node, String path, FieldErrors errors) {
        Map<DayOfWeek, List<OpenInterval>> weekly = new EnumMap<>(DayOfWeek.class);
        if (node == null || node.isNull()) {
            errors.add(path, "is required: the openings per day (business_hours null means always open)");
            return weekly;
        }
        if (!node.isObject()) {
            errors.add(path, "must be an object of days (" + DAYS + "), each a list of \"HH:MM-HH:MM\" openings");
            return weekly;
        }
        int before = errors.count();
        node.fields().forEachRemaining(entry -> {
            String dayPath = path + "." + entry.getKey();
            DayOfWeek day = day(entry.getKey());
            if (day == null) {
                errors.add(dayPath, "is not a day: use " + DAYS + " (lower case)");
                return;
            }
            List<OpenInterval> openings = day(entry.getValue(), dayPath, errors);
            if (!openings.isEmpty()) {
                weekly.put(day, openings);
            }
        });
        if (errors.count() == before && weekly.isEmpty()) {
            errors.add(path, "must hold at least one opening in the week (business_hours null means always open)");
        }
        return weekly;
    }

    private static List<OpenInterval> day(JsonNode node, String path, FieldErrors errors) {
        if (!node.isArray()) {
            errors.add(path, "must be a list of \"HH:MM-HH:MM\" openings ([] or leaving the day out: closed)");
            return List.of();
        }
        if (node.size() > MAX_OPENINGS_PER_DAY) {
            errors.add(path, "must hold at most " + MAX_OPENINGS_PER_DAY + " openings, got " + node.size());
            return List.of();
        }
        List<Indexed> openings = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            OpenInterval opening = opening(node.get(i), path + "[" + i + "]", errors);
            if (opening != null) {
                openings.add(new Indexed(i, opening));
            }
        }
        // Sorted by start, an opening overlaps an earlier one exactly when it starts before the latest end so far.
        openings.sort(Comparator.comparingInt(o -> o.opening().startMinute()));
        Indexed latestEnd = null;
        for (Indexed current : openings) {
            if (latestEnd != null && current.opening().startMinute() < latestEnd.opening().endMinute()) {
                String dayName = path.substring(path.lastIndexOf('.') + 1);
                errors.add(path + "[" + current.index() + "]", "overlaps " + dayName + "[" + latestEnd.index() + "] ("
                        + format(latestEnd.opening()) + ")");
            }
            if (latestEnd == null || current.opening().endMinute() > latestEnd.opening().endMinute()) {
                latestEnd = current;
            }
        }
        return openings.stream().map(Indexed::opening).toList();
    }

    private static OpenInterval opening(JsonNode node, String path, FieldErrors errors) {
        Matcher m = node.isTextual() ? OPENING.matcher(node.textValue()) : null;
        if (m == null || !m.matches()) {
            errors.add(path, "must be an opening \"HH:MM-HH:MM\" such as \"09:00-17:00\", got "
                    + (node.isTextual() ? FieldErrors.quote(node.textValue()) : node.toString()));
            return null;
        }
        int start = minutes(m.group(1), m.group(2));
        int end = minutes(m.group(3), m.group(4));
        if (start < 0 || end < 0) {
            errors.add(path, "holds a time that is not one of a day (00:00 to 23:59, and 24:00 as an end), got "
                    + FieldErrors.quote(node.textValue()));
        } else if (start == OpenInterval.DAY_MINUTES) {
            errors.add(path, "cannot start at 24:00: 24:00 only ends an opening");
        } else if (start >= end) {
            errors.add(path, "must start before it ends, got " + FieldErrors.quote(node.textValue())
                    + "; an opening cannot cross midnight (a night shift is two openings, e.g. 22:00-24:00 and, "
                    + "the next day, 00:00-06:00)");
        } else {
            return new OpenInterval(start, end);
        }
        return null;
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

    private static Set<LocalDate> holidays(JsonNode node, String path, FieldErrors errors) {
        Set<LocalDate> holidays = new TreeSet<>();
        if (node == null || node.isNull()) {
            return holidays;
        }
        if (!node.isArray()) {
            errors.add(path, "must be a list of dates \"YYYY-MM-DD\"");
            return holidays;
        }
        if (node.size() > MAX_HOLIDAYS) {
            errors.add(path, "must hold at most " + MAX_HOLIDAYS + " dates, got " + node.size());
            return holidays;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode date = node.get(i);
            LocalDate parsed = date.isTextual() ? date(date.textValue()) : null;
            if (parsed == null) {
                errors.add(path + "[" + i + "]", "must be a date \"YYYY-MM-DD\", got "
                        + (date.isTextual() ? FieldErrors.quote(date.textValue()) : date.toString()));
            } else {
                holidays.add(parsed);
            }
        }
        return holidays;
    }

    private static LocalDate date(String text) {
        if (!DATE.matcher(text).matches()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static DayOfWeek day(String name) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (dayName(day).equals(name)) {
                return day;
            }
        }
        return null;
    }

    private static String dayName(DayOfWeek day) {
        return day.name().toLowerCase(Locale.ROOT);
    }

    static String format(OpenInterval opening) {
        return time(opening.startMinute()) + "-" + time(opening.endMinute());
    }

    private static String time(int minute) {
        return String.format(Locale.ROOT, "%02d:%02d", minute / 60, minute % 60);
    }

    private record Indexed(int index, OpenInterval opening) {
    }
}
