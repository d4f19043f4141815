package io.deskpulse.ingestion.service;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The identity (tenant, source, id) of an event as a 128-bit hash: 16 bytes per remembered event whatever
 * the length of its ids, and collisions (which would drop an event as a false duplicate) are out of reach.
 * MD5 serves as a fast, well-spread hash here, not for security.
 */
public record EventIdentity(long high, long low) {

    public static EventIdentity of(String tenant, String source, String id) {
        MessageDigest md5 = md5();
        // Each part is length-prefixed so that ("a:b", "c") and ("a", "b:c") never hash alike.
        update(md5, tenant);
        update(md5, source);
        update(md5, id);
        ByteBuffer digest = ByteBuffer.wrap(md5.digest());
        return new EventIdentity(digest.getLong(), digest.getLong());
    }

    private static void update(MessageDigest md5, String part) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        md5.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        md5.update(bytes);
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has MD5", e);
        }
    }
}
