package io.deskpulse.scoring.service;

/** A settings version that the caller's tenant never had. */
public class UnknownSettingsVersionException extends RuntimeException {

    public UnknownSettingsVersionException(String version) {
        super("There is no settings version '" + version + "' (GET /v1/settings/versions lists them)");
    }

    /** For other versioned documents: {@code resource} is where they are, e.g. /v1/settings/scoring-models. */
    public UnknownSettingsVersionException(String version, String resource) {
        super("There is no version '" + version + "' (GET " + resource + "/versions lists them)");
    }
}
