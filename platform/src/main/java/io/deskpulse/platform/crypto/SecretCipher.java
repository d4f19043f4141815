package io.deskpulse.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts the secrets DeskPulse must be able to use again (webhook signing secrets, connector secrets) so that the
 * database alone never reveals them: AES-256-GCM with a key that lives in a Kubernetes Secret (or the local stack's
 * key file), never in the database.
 *
 * <p>The stored form is {@code v1.<key id>.<base64url(nonce || ciphertext || tag)>}. The key id (first 8 hex digits
 * of the key's SHA-256) lets a key be replaced without re-encrypting: the new key encrypts, the previous keys still
 * decrypt what they wrote. The caller passes a context (for example {@code "webhook-secret:acme:42"}) that is
 * authenticated with the value, so a ciphertext copied into another row or tenant does not decrypt there.
 */
public final class SecretCipher {

    private static final String PREFIX = "v1.";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Key current;
    private final List<Key> all;
    private final SecureRandom random = new SecureRandom();

    public SecretCipher(byte[] currentKey, List<byte[]> previousKeys) {
        this.current = new Key(currentKey);
        List<Key> keys = new ArrayList<>();
        keys.add(current);
        for (byte[] previous : previousKeys) {
            keys.add(new Key(previous));
        }
        this.all = List.copyOf(keys);
    }

    /** A key as operators write it: 32 bytes in standard or URL-safe base64 ({@code openssl rand -base64 32}). */
    public static byte[] decodeKey(String base64, String settingName) {
        byte[] key;
        try {
            String trimmed = base64.trim();
            key = trimmed.indexOf('-') >= 0 || trimmed.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(trimmed)
                    : Base64.getDecoder().decode(trimmed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(settingName + " is not base64 (generate one with: openssl rand -base64 32)");
        }
        if (key.length != 32) {
            throw new IllegalArgumentException(settingName + " must be 32 bytes (256 bits), base64-encoded; it has "
                    + key.length + " bytes (generate one with: openssl rand -base64 32)");
        }
        return key;
    }

    public String encrypt(String plaintext, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, current, nonce, context);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return PREFIX + current.id + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /**
     * @throws UndecryptableSecretException when the value was not written by one of the configured keys for this
     *     context (wrong or removed key, tampered value, value moved to another row).
     */
    public String decrypt(String stored, String context) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            throw new UndecryptableSecretException("not an encrypted secret (expected the v1. form)");
        }
        int dot = stored.indexOf('.', PREFIX.length());
        if (dot < 0) {
            throw new UndecryptableSecretException("malformed encrypted secret");
        }
        String keyId = stored.substring(PREFIX.length(), dot);
        Key key = all.stream().filter(k -> k.id.equals(keyId)).findFirst()
                .orElseThrow(() -> new UndecryptableSecretException("encrypted with key " + keyId
                        + ", which is neither the current nor a previous encryption key"));
        byte[] in;
        try {
            in = Base64.getUrlDecoder().decode(stored.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw new UndecryptableSecretException("malformed encrypted secret");
        }
        if (in.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new UndecryptableSecretException("malformed encrypted secret");
        }
        try {
            byte[] nonce = java.util.Arrays.copyOfRange(in, 0, NONCE_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, nonce, context);
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new UndecryptableSecretException("encrypted secret does not authenticate for this context");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /** Whether a stored value is already in the encrypted form (for migrating clear-text rows). */
    public static boolean isEncrypted(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    private static Cipher cipher(int mode, Key key, byte[] nonce, String context) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key.spec, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static final class Key {
        final SecretKeySpec spec;
        final String id;

        Key(byte[] raw) {
            if (raw.length != 32) {
                throw new IllegalArgumentException("an encryption key must be 32 bytes, not " + raw.length);
            }
            this.spec = new SecretKeySpec(raw.clone(), "AES");
            try {
                this.id = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw), 0, 4);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
