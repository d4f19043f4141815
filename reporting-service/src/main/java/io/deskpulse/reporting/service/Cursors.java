package io.deskpulse.reporting.service;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Opaque paging cursors: base64url of {@code <version>\n<query fingerprint>\n<period>\n<member>}, the
 * key of the last row served. Versioned so that the format can change without misreading old
 * cursors; the fingerprint makes a cursor useless with another query instead of silently skipping rows.
 */
public final class Cursors {

    private static final String VERSION = "1";
    private static final int MAX_MEMBER_LENGTH = 128;
    // Four-digit years, like from/to: a forged cursor must not carry a date PostgreSQL cannot hold.
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private Cursors() {
    }

    public static String encode(String fingerprint, PageKey last) {
        String text = VERSION + "\n" + fingerprint + "\n" + last.period() + "\n" + last.member();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The key to continue after; IllegalArgumentException with a reason for the client when it is not
     * one of ours. A null fingerprint checks the form only (when the rest of the request is bad anyway).
     */
    public static PageKey decode(String cursor, String fingerprint) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is not a cursor returned by this API");
        }
        String[] parts = text.split("\n", 4);
        if (parts.length != 4) {
            throw new IllegalArgumentException("is not a cursor returned by this API");
        }
        if (!VERSION.equals(parts[0])) {
            throw new IllegalArgumentException("has an unsupported version; start again without a cursor");
        }
        if (fingerprint != null && !fingerprint.equals(parts[1])) {
            throw new IllegalArgumentException("belongs to a different query (dimension, id, team, channel, from, to, "
                    + "granularity or tz changed, or the default dates moved to a new day); start again without a cursor");
        }
        String member = parts[3];
        if (member.length() > MAX_MEMBER_LENGTH || member.indexOf('\0') >= 0 || !DATE.matcher(parts[2]).matches()) {
            throw new IllegalArgumentException("is not a cursor returned by this API");
        }
        try {
            return new PageKey(LocalDate.parse(parts[2]), member);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("is not a cursor returned by this API");
        }
    }
}
