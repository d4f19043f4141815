package io.deskpulse.scoring.service;

/** Connector secrets cannot be stored: deskpulse.secrets.encryption-key is not set. A 503 naming the setting. */
public class SecretsUnconfiguredException extends RuntimeException {

    public SecretsUnconfiguredException() {
        super("Connectors need deskpulse.secrets.encryption-key (DESKPULSE_SECRETS_ENCRYPTION_KEY, 32 bytes base64: "
                + "openssl rand -base64 32) on scoring-service and ingestion-service; it is not set.");
    }
}
