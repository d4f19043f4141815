package io.deskpulse.ingestion.service;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Whether an event's {@code time} is an RFC 3339 timestamp with a zone offset, as {@link OffsetDateTime#parse}
 * decides. Parsing with the formatter costs about a microsecond an event; the shape that helpdesks send
 * ({@code 2026-11-02T09:14:05Z}, {@code 2026-11-02T09:14:05.123+05:30}) is recognised here by hand first, and
 * anything else goes to the parser, which has the last word.
 */
final class OffsetTimestamp {

    private static final int[] DAYS_IN_MONTH = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private OffsetTimestamp() {
    }

    /** What {@link OffsetDateTime#parse} accepts: the authority, and the slow path. */
    static boolean parses(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /**
     * The epoch second of an RFC 3339 timestamp, by hand for the plain shape and by the parser otherwise.
     *
     * @throws DateTimeParseException when the parser refuses the text
     */
    static long epochSecond(String text) {
        if (!isPlainlyValid(text)) {
            return OffsetDateTime.parse(text).toEpochSecond();
        }
        long day = epochDay(digits(text, 0, 4), digits(text, 5, 2), digits(text, 8, 2));
        long second = day * 86_400L + digits(text, 11, 2) * 3_600L + digits(text, 14, 2) * 60L + digits(text, 17, 2);
        char sign = text.charAt(text.length() - 1) == 'Z' ? 'Z' : text.charAt(text.length() - 6);
        if (sign == 'Z') {
            return second;
        }
        int at = text.length() - 5;
        long offset = digits(text, at, 2) * 3_600L + digits(text, at + 3, 2) * 60L;
        return sign == '+' ? second - offset : second + offset;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
    private static long epochDay(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    /**
     * True only for {@code yyyy-MM-ddTHH:mm:ss[.1 to 9 digits](Z|+HH:MM|-HH:MM)} with every field in range, all of
     * which the parser accepts too; false for anything else, including some timestamps the parser accepts.
     */
    static boolean isPlainlyValid(String text) {
        int length = text.length();
        if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return false;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour < 0 || hour > 23
                || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return false;
        }
        int at = 19;
        if (text.charAt(at) == '.') {
            int fraction = at + 1;
            at = fraction;
            while (at < length && isDigit(text.charAt(at))) {
                at++;
            }
            if (at == fraction || at - fraction > 9) {
                return false;
            }
        }
        if (at == length - 1) {
            return text.charAt(at) == 'Z';
        }
        if (at != length - 6 || (text.charAt(at) != '+' && text.charAt(at) != '-') || text.charAt(at + 3) != ':') {
            return false;
        }
        int offsetHours = digits(text, at + 1, 2);
        int offsetMinutes = digits(text, at + 4, 2);
        return offsetHours >= 0 && offsetHours <= 17 && offsetMinutes >= 0 && offsetMinutes <= 59;
    }

    private static int daysIn(int year, int month) {
        boolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        return month == 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
    }

    /** The decimal value of {@code count} ASCII digits at {@code from}, or -1 if any is not a digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
