package io.deskpulse.ingestion.connector;

/**
 * Turns one verified delivery of a platform into canonical events. Pure: the same request and connector id always
 * give the same events with the same ids, so a platform's retry, or a re-map of the raw payload, counts once.
 * Thread-safe.
 */
public interface PayloadMapper {

    /** @throws MappingException when the payload is malformed, naming the field */
    Mapped map(HookRequest request, String connectorId);

    static PayloadMapper forPlatform(Platform platform) {
        return switch (platform) {
            case ZENDESK -> new ZendeskMapper();
            case CHATWOOT -> new ChatwootMapper();
            case FRESHDESK -> new FreshdeskMapper();
            case INTERCOM -> new IntercomMapper();
            case ZAMMAD -> new ZammadMapper();
        };
    }
}
