package io.deskpulse.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    @Test
    void roundTripsAndNeverStoresThePlaintext() {
        SecretCipher cipher = new SecretCipher(key(1), List.of());
        String stored = cipher.encrypt("whsec-very-secret", "webhook-secret:acme:1");
        assertThat(stored).startsWith("v1.").doesNotContain("whsec");
        assertThat(SecretCipher.isEncrypted(stored)).isTrue();
        assertThat(cipher.decrypt(stored, "webhook-secret:acme:1")).isEqualTo("whsec-very-secret");
        // A fresh nonce per encryption: equal secrets do not look equal in the table.
        assertThat(cipher.encrypt("whsec-very-secret", "webhook-secret:acme:1")).isNotEqualTo(stored);
    }

    @Test
    void aValueMovedToAnotherContextDoesNotDecrypt() {
        SecretCipher cipher = new SecretCipher(key(1), List.of());
        String stored = cipher.encrypt("s", "webhook-secret:acme:1");
        assertThatThrownBy(() -> cipher.decrypt(stored, "webhook-secret:globex:1"))
                .isInstanceOf(UndecryptableSecretException.class).hasMessageContaining("context");
    }

    @Test
    void previousKeysStillDecryptAndTheCurrentOneEncrypts() {
        String old = new SecretCipher(key(1), List.of()).encrypt("s", "c");
        SecretCipher rotated = new SecretCipher(key(2), List.of(key(1)));
        assertThat(rotated.decrypt(old, "c")).isEqualTo("s");
        assertThat(new SecretCipher(key(2), List.of()).decrypt(rotated.encrypt("t", "c"), "c")).isEqualTo("t");
        assertThatThrownBy(() -> new SecretCipher(key(2), List.of()).decrypt(old, "c"))
                .isInstanceOf(UndecryptableSecretException.class).hasMessageContaining("neither");
    }

    @Test
    void tamperedAndForeignValuesAreRefused() {
        SecretCipher cipher = new SecretCipher(key(1), List.of());
        String stored = cipher.encrypt("s", "c");
        // A bit of the authentication tag flipped in the decoded bytes: changing the text's last character instead
        // sometimes changed only the unused low bits of the final base64 digit, which decode to the same bytes.
        int dot = stored.lastIndexOf('.');
        byte[] bytes = Base64.getUrlDecoder().decode(stored.substring(dot + 1));
        bytes[bytes.length - 1] ^= 1;
        String tampered = stored.substring(0, dot + 1) + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        assertThatThrownBy(() -> cipher.decrypt(tampered, "c")).isInstanceOf(UndecryptableSecretException.class);
        assertThatThrownBy(() -> cipher.decrypt("clear-text", "c")).isInstanceOf(UndecryptableSecretException.class);
        assertThatThrownBy(() -> cipher.decrypt("v1.zz", "c")).isInstanceOf(UndecryptableSecretException.class);
    }

    @Test
    void keysMustBe256BitBase64() {
        assertThat(SecretCipher.decodeKey("AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=", "k")).hasSize(32);
        assertThatThrownBy(() -> SecretCipher.decodeKey("c2hvcnQ=", "k")).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> SecretCipher.decodeKey("not base64!", "k")).hasMessageContaining("not base64");
    }
}
