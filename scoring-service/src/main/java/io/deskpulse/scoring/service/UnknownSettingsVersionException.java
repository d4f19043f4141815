package io.deskpulse.scoring.service;

/** A settings version that the caller's tenant never had. */
public class UnknownSettingsVersionException extends RuntimeException {

    public UnknownSettingsVersionException(String version) {
        super("There is no settings version '" + version + "' (GET /v1/settings/versions lists them)");
    }
}
