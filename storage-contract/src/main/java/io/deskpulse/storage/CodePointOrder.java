package io.deskpulse.storage;

import java.util.Comparator;

/**
 * Text in the order PostgreSQL's {@code COLLATE "C"} gives UTF-8 text: by code point. Scoring walks timelines and
 * reporting pages its rows in that order, so Java must compare ids the same way; {@link String#compareTo} compares
 * UTF-16 units, which differs beyond the Basic Multilingual Plane (U+1F600 would come before U+FFFD).
 */
public final class CodePointOrder {

    public static final Comparator<String> COMPARATOR = CodePointOrder::compare;

    private CodePointOrder() {
    }

    public static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
