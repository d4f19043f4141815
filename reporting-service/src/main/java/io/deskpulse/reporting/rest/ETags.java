package io.deskpulse.reporting.rest;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * Strong ETags from the exact body bytes, so that a poller gets 304 exactly when it would have
 * received the same bytes (new data, another page, JSON vs CSV: another tag).
 *
 * <p>The tag is the body's length with two different CRCs of it (96 bits): a tag only has to change when the
 * bytes do, which needs no cryptographic hash, and both CRCs run as CPU instructions. SHA-256 of a quarter's
 * team-by-day answer (half a megabyte) had cost a tenth of the request.
 */
final class ETags {

    private ETags() {
    }

    static String of(byte[] body) {
        CRC32C castagnoli = new CRC32C();
        castagnoli.update(body);
        CRC32 ieee = new CRC32();
        ieee.update(body);
        ByteBuffer tag = ByteBuffer.allocate(12).putInt(body.length).putInt((int) castagnoli.getValue())
                .putInt((int) ieee.getValue());
        return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(tag.array()) + '"';
    }

    /** Whether If-None-Match names this tag; weak comparison, as RFC 9110 13.1.2 asks for If-None-Match. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
