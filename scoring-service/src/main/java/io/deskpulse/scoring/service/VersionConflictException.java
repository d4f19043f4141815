package io.deskpulse.scoring.service;

/** {@code If-Match} named a settings version that is no longer (or not yet) the current one. */
public class VersionConflictException extends RuntimeException {

    private final int currentVersion;

    public VersionConflictException(String ifMatch, int currentVersion) {
        super("If-Match is " + ifMatch + " but the current settings version is " + currentVersion
                + ": GET /v1/settings, apply your change to it and PUT again with If-Match: \"" + currentVersion + "\"");
        this.currentVersion = currentVersion;
    }

    /** For other versioned resources than the settings: {@code resource} is how to GET it, e.g. /v1/alert-rules/7. */
    public VersionConflictException(String ifMatch, int currentVersion, String resource) {
        super("If-Match is " + ifMatch + " but the current version is " + currentVersion + ": GET " + resource
                + ", apply your change to it and send it again with If-Match: \"" + currentVersion + "\"");
        this.currentVersion = currentVersion;
    }

    public int currentVersion() {
        return currentVersion;
    }
}
