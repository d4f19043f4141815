package io.deskpulse.scoring.domain;

/**
 * One opening of a business day, in minutes after local midnight: [startMinute, endMinute), with
 * 1440 standing for 24:00. An opening never crosses midnight; a night shift is two openings.
 */
public record OpenInterval(int startMinute, int endMinute) {

    public static final int DAY_MINUTES = 24 * 60;

    public OpenInterval {
        if (startMinute < 0 || endMinute > DAY_MINUTES || startMinute >= endMinute) {
            throw new IllegalArgumentException("an opening must satisfy 0 <= start < end <= 24:00, got "
                    + startMinute + ".." + endMinute + " minutes");
        }
    }
}
