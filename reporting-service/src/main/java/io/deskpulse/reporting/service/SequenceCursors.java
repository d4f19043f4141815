package io.deskpulse.reporting.service;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque cursors of lists ordered by a descending key (alerts by id, period reports by period then id):
 * base64url of {@code s1\n<query fingerprint>\n<key>}, the key of the last row served. Like {@link Cursors},
 * a cursor only works with the query it came from.
 */
public final class SequenceCursors {

    private static final String VERSION = "s1";
    private static final int MAX_KEY_LENGTH = 200;

    private SequenceCursors() {
    }

    public static String encode(String fingerprint, String key) {
        String text = VERSION + "\n" + fingerprint + "\n" + key;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The key to continue after; IllegalArgumentException with a reason for the client when it is not one of ours. */
    public static String decode(String cursor, String fingerprint) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is not a cursor returned by this API");
        }
        String[] parts = text.split("\n", 3);
        if (parts.length != 3 || !VERSION.equals(parts[0]) || parts[2].length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("is not a cursor returned by this API");
        }
        if (!parts[1].equals(fingerprint)) {
            throw new IllegalArgumentException("belongs to a different query; start again without a cursor");
        }
        return parts[2];
    }

    /** A short hash of what decides a list's rows and order. */
    public static String fingerprint(String... parts) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\n", parts).getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
