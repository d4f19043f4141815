package io.deskpulse.ingestion.service;

/** Connector secrets cannot be read: deskpulse.secrets.encryption-key is not set here. A 503 naming the setting. */
public class ConnectorsUnavailableException extends RuntimeException {

    public ConnectorsUnavailableException() {
        super("This ingestion instance cannot verify webhooks: deskpulse.secrets.encryption-key "
                + "(DESKPULSE_SECRETS_ENCRYPTION_KEY, the same as scoring-service's) is not set.");
    }
}
