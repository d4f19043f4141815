package io.deskpulse.reporting.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Opaque paging cursors of every endpoint: base64url of {@code <version>\n<query fingerprint>\n<key
 * fields...>}, the key of the last row served (for {@code /v1/kpis}: period and member). Versioned so
 * that the format can change without misreading old cursors; the fingerprint makes a cursor useless
 * with another query (or tenant) instead of silently skipping rows. The last field may hold anything
 * but NUL (a member id with a newline stays whole).
 */
public final class Cursors {

    private static final String VERSION = "1";
    private static final int MAX_FIELD_LENGTH = 128;
    /** The reason given for a cursor that does not decode. */
    public static final String NOT_OURS = "is not a cursor returned by this API";

    private Cursors() {
    }

    /** A short hash of what decides a query's rows and order: the cursor carries it. */
    public static String fingerprint(String... parts) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\n", parts).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    public static String encode(String fingerprint, List<String> key) {
        String text = VERSION + "\n" + fingerprint + "\n" + String.join("\n", key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The {@code fields} key fields to continue after; IllegalArgumentException with a reason for the
     * client when it is not one of ours. A null fingerprint checks the form only (when the rest of the
     * request is bad anyway).
     */
    public static List<String> decode(String cursor, String fingerprint, int fields) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(NOT_OURS);
        }
        String[] parts = text.split("\n", 2 + fields);
        if (parts.length != 2 + fields) {
            throw new IllegalArgumentException(NOT_OURS);
        }
        if (!VERSION.equals(parts[0])) {
            throw new IllegalArgumentException("has an unsupported version; start again without a cursor");
        }
        if (fingerprint != null && !fingerprint.equals(parts[1])) {
            throw new IllegalArgumentException("belongs to a different query (a parameter that decides the rows "
                    + "changed, or the default dates moved to a new day); start again without a cursor");
        }
        List<String> key = new ArrayList<>(fields);
        for (int i = 2; i < parts.length; i++) {
            if (parts[i].length() > MAX_FIELD_LENGTH || parts[i].indexOf('\0') >= 0) {
                throw new IllegalArgumentException(NOT_OURS);
            }
            key.add(parts[i]);
        }
        return key;
    }
}
