package io.deskpulse.scoring.service;

/**
 * Another writer took the next settings version twice in a row while this one was being saved. PUTs of
 * the API serialise per tenant, so this needs a writer that bypasses them (e.g. SQL by hand).
 */
public class ConcurrentSettingsUpdateException extends RuntimeException {

    public ConcurrentSettingsUpdateException(String tenant) {
        super("The settings of tenant '" + tenant + "' were changed by someone else at the same time; nothing was saved. "
                + "GET /v1/settings and try again.");
    }

    /** For other versioned documents than the settings: {@code resource} is how to GET them. */
    public ConcurrentSettingsUpdateException(String tenant, String resource) {
        super("The document at " + resource + " of tenant '" + tenant + "' was changed by someone else at the same "
                + "time; nothing was saved. GET " + resource + " and try again.");
    }
}
