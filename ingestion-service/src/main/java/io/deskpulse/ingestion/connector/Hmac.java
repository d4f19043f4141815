package io.deskpulse.ingestion.connector;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMACs and constant-time comparisons shared by the verifiers. */
final class Hmac {

    static final String SHA256 = "HmacSHA256";
    static final String SHA1 = "HmacSHA1";

    private Hmac() {
    }

    static byte[] of(String algorithm, byte[] key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            // an empty key is legal for HMAC but not for SecretKeySpec; no connector has one, refuse it as a mismatch
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, algorithm));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available in this JVM", e);
        }
    }

    /** Whether {@code expected} is the HMAC of the parts under any secret; all are tried, each in constant time. */
    static boolean matchesAny(String algorithm, byte[] expected, List<byte[]> secrets, byte[]... parts) {
        boolean match = false;
        for (byte[] secret : secrets) {
            match |= MessageDigest.isEqual(of(algorithm, secret, parts), expected);
        }
        return match;
    }

    /** Whether the presented credential equals any secret; both are hashed first, so that lengths leak nothing. */
    static boolean equalsAny(String presented, List<byte[]> secrets) {
        byte[] presentedDigest = sha256(presented.getBytes(StandardCharsets.UTF_8));
        boolean match = false;
        for (byte[] secret : secrets) {
            match |= MessageDigest.isEqual(sha256(secret), presentedDigest);
        }
        return match;
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    /** The bytes of lower- or upper-case hex, or null when it is not hex. */
    static byte[] hex(String text) {
        try {
            return HexFormat.of().parseHex(text.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
