package io.deskpulse.ingestion.connector;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A helpdesk whose native webhooks a connector takes. Its JSON name is the lower-case name ({@code "zendesk"}). */
public enum Platform {
    ZENDESK, CHATWOOT, FRESHDESK, INTERCOM, ZAMMAD;

    @JsonValue
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The platform of a JSON name, case-insensitively; {@link IllegalArgumentException} naming the choices if none. */
    @JsonCreator
    public static Platform fromJson(String name) {
        for (Platform platform : values()) {
            if (platform.jsonName().equalsIgnoreCase(name)) {
                return platform;
            }
        }
        throw new IllegalArgumentException("must be one of: zendesk, chatwoot, freshdesk, intercom, zammad");
    }
}
