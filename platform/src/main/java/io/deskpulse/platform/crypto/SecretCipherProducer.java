package io.deskpulse.platform.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.List;

/**
 * Builds the {@link SecretCipher} from {@link SecretsConfig} the first time a service uses it; a service that stores
 * secrets injects it into a startup bean, so a missing or malformed key stops that service at boot with a clear
 * message, and services that store none never need the setting.
 */
@ApplicationScoped
public class SecretCipherProducer {

    @Produces
    @ApplicationScoped
    SecretCipher secretCipher(SecretsConfig config) {
        String key = config.encryptionKey().filter(k -> !k.isBlank()).orElseThrow(() -> new IllegalStateException(
                "deskpulse.secrets.encryption-key (DESKPULSE_SECRETS_ENCRYPTION_KEY) is not set: this service stores"
                        + " secrets and needs a 32-byte base64 key (openssl rand -base64 32)"));
        List<byte[]> previous = config.previousEncryptionKeys().orElse(List.of()).stream()
                .filter(k -> !k.isBlank())
                .map(k -> SecretCipher.decodeKey(k, "deskpulse.secrets.previous-encryption-keys"))
                .toList();
        return new SecretCipher(SecretCipher.decodeKey(key, "deskpulse.secrets.encryption-key"), previous);
    }
}
