package io.deskpulse.scoring.service;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@code If-Match} precondition on the settings version. The settings' ETag is {@code "<version>"};
 * a strong comparison (RFC 9110 13.1.1) never matches a weak tag, and {@code *} matches any version,
 * since every tenant has settings (version 0: the defaults).
 */
public record Precondition(String header, Set<Integer> versions, boolean any) {

    public static final Precondition NONE = new Precondition(null, Set.of(), true);

    private static final Pattern STRONG_TAG = Pattern.compile("\"(\\d{1,9})\"");

    public static Precondition ifMatch(String header) {
        if (header == null || header.isBlank()) {
            return NONE;
        }
        if (header.trim().equals("*")) {
            return new Precondition(header, Set.of(), true);
        }
        Set<Integer> versions = new HashSet<>();
        for (String tag : header.split(",")) {
            Matcher m = STRONG_TAG.matcher(tag.trim());
            if (m.matches()) {
                versions.add(Integer.parseInt(m.group(1)));
            }
        }
        return new Precondition(header, Set.copyOf(versions), false);
    }

    public boolean holds(int currentVersion) {
        return any || versions.contains(currentVersion);
    }
}
