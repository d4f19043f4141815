package io.deskpulse.ingestion.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The identity (tenant, source, id) of an event as a 128-bit hash: 16 bytes per remembered event whatever
 * the length of its ids, and collisions (which would drop an event as a false duplicate) are out of reach.
 * MD5 serves as a fast, well-spread hash here, not for security.
 */
public record EventIdentity(long high, long low) {

    // MessageDigest.getInstance looks the algorithm up among the security providers on every call: each thread
    // keeps one digest instead (digest() resets it).
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(EventIdentity::md5);

    public static EventIdentity of(String tenant, String source, String id) {
        MessageDigest md5 = MD5.get();
        // Each part is length-prefixed so that ("a:b", "c") and ("a", "b:c") never hash alike.
        update(md5, tenant);
        update(md5, source);
        update(md5, id);
        byte[] digest = md5.digest();
        return new EventIdentity(longAt(digest, 0), longAt(digest, 8));
    }

    private static void update(MessageDigest md5, String part) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        int length = bytes.length;
        md5.update((byte) (length >>> 24));
        md5.update((byte) (length >>> 16));
        md5.update((byte) (length >>> 8));
        md5.update((byte) length);
        md5.update(bytes);
    }

    private static long longAt(byte[] bytes, int from) {
        long value = 0;
        for (int i = from; i < from + 8; i++) {
            value = (value << 8) | (bytes[i] & 0xFF);
        }
        return value;
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has MD5", e);
        }
    }
}
