package io.deskpulse.platform.crypto;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/**
 * The key that encrypts stored secrets. Kept out of the database on purpose (a Kubernetes Secret, the local stack's
 * key file), so that a database dump or a role that can read the tables cannot use the secrets.
 */
@ConfigMapping(prefix = "deskpulse.secrets")
public interface SecretsConfig {

    /** 32 bytes, base64 ({@code openssl rand -base64 32}). */
    Optional<String> encryptionKey();

    /** Earlier keys, still accepted for decryption while stored values are re-encrypted with the current one. */
    Optional<List<String>> previousEncryptionKeys();
}
