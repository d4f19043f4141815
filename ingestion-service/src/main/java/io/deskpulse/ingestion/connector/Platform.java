package io.deskpulse.ingestion.connector;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/** A helpdesk whose native webhooks a connector takes. Its JSON name is the lower-case name ({@code "zendesk"}). */
public enum Platform {
    ZENDESK, CHATWOOT, FRESHDESK, INTERCOM, ZAMMAD;

    /**
     * Whether the helpdesk generates the signing secret itself (Zendesk's webhook secret, Intercom's client secret,
     * Chatwoot's per-webhook secret), so that the admin must give it to the connector, at creation or by rotation;
     * otherwise (Zammad's signature token, Freshdesk's Basic password) the admin pastes DeskPulse's into the helpdesk.
     */
    public boolean secretChosenByPlatform() {
        return this == ZENDESK || this == INTERCOM || this == CHATWOOT;
    }

    /**
     * The request headers worth keeping with a raw payload (delivery ids, signed timestamps, the trigger's name),
     * lower-case. Never the ones that carry a credential ({@code authorization}, {@code x-deskpulse-secret}) or a
     * signature: a raw payload store must not become a store of secrets.
     */
    public List<String> headersToKeep() {
        List<String> common = List.of("content-type", "user-agent");
        List<String> own = switch (this) {
            case ZENDESK -> List.of("x-zendesk-webhook-id", "x-zendesk-webhook-signature-timestamp");
            case CHATWOOT -> List.of("x-chatwoot-delivery", "x-chatwoot-timestamp");
            case FRESHDESK, INTERCOM -> List.of();
            case ZAMMAD -> List.of("x-zammad-delivery", "x-zammad-trigger");
        };
        return java.util.stream.Stream.concat(common.stream(), own.stream()).toList();
    }

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
