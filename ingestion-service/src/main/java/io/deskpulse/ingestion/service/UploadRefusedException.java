package io.deskpulse.ingestion.service;

/**
 * An NDJSON upload refused by a cap: {@code perTenant} when the tenant's own uploads are the cause (429), else the
 * instance's (503). Nothing of the upload was accepted.
 */
public class UploadRefusedException extends RuntimeException {

    private final boolean perTenant;
    private final long retryAfterSeconds;

    public UploadRefusedException(String message, boolean perTenant, long retryAfterSeconds) {
        super(message);
        this.perTenant = perTenant;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public boolean perTenant() {
        return perTenant;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
