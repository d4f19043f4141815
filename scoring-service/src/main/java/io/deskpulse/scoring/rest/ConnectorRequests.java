package io.deskpulse.scoring.rest;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.deskpulse.scoring.service.CheckedDocument;
import io.deskpulse.scoring.service.FieldErrors;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies of the connector API's requests. Fields they do not know are refused, each named. */
final class ConnectorRequests {

    static final String PLATFORMS = "zendesk|chatwoot|freshdesk|intercom|zammad";
    private static final String SECRET_PATTERN = "[\\x21-\\x7e]+";
    private static final String SECRET_REASON = "must be 16 to 512 printable ASCII characters without spaces";
    static final long LONGEST_GRACE_S = 30L * 24 * 3600;

    private ConnectorRequests() {
    }

    @Schema(name = "ConnectorCreateRequest", description = "A helpdesk to connect")
    @CheckedDocument.Valid
    record Create(
            @NotNull(message = "is required: one of zendesk, chatwoot, freshdesk, intercom, zammad")
            @Pattern(regexp = PLATFORMS, message = "must be one of zendesk, chatwoot, freshdesk, intercom, zammad")
            @Schema(required = true, enumeration = {"zendesk", "chatwoot", "freshdesk", "intercom", "zammad"},
                    example = "chatwoot") String platform,
            @NotBlank(message = "is required: a name people recognise, at most 200 characters")
            @Size(max = 200, message = "must be at most 200 characters")
            @Schema(required = true, maxLength = 200, example = "Support inbox (Chatwoot)") String name,
            @jakarta.validation.Valid @Schema(description = "The platform's options; omitted: the defaults") Options options,
            @Size(min = 16, max = 512, message = SECRET_REASON) @Pattern(regexp = SECRET_PATTERN, message = SECRET_REASON)
            @Schema(description = "The signing secret the platform generated (Zendesk, Intercom, Chatwoot show theirs "
                    + "once the webhook exists); omitted: DeskPulse generates one (256 random bits) to paste into the "
                    + "platform (Zammad, Freshdesk, or a placeholder to replace by rotation)", minLength = 16,
                    maxLength = 512, writeOnly = true) String secret,
            @JsonAnySetter @Schema(hidden = true) Map<String, Object> unknownFields) implements CheckedDocument {

        /** Unknown fields, and options that belong to another platform. */
        @Override
        public FieldErrors check() {
            FieldErrors errors = new FieldErrors();
            errors.unknown(unknownFields, "", "is not a field here; they are platform, name, options, secret");
            if (options != null) {
                errors.unknown(options.unknownFields(), "options.", "is not a field here; they are allow_unsigned, auth");
                if (options.allowUnsigned() != null && !"chatwoot".equals(platform)) {
                    errors.add("options.allow_unsigned", "is an option of chatwoot connectors only");
                }
                if (options.auth() != null && !"freshdesk".equals(platform)) {
                    errors.add("options.auth", "is an option of freshdesk connectors only");
                }
            }
            return errors;
        }

        /** The options as stored: only those of the platform, with their defaults. */
        Map<String, Object> storedOptions() {
            Map<String, Object> stored = new TreeMap<>();
            if ("chatwoot".equals(platform)) {
                stored.put("allow_unsigned", options != null && Boolean.TRUE.equals(options.allowUnsigned()));
            } else if ("freshdesk".equals(platform)) {
                stored.put("auth", options == null || options.auth() == null ? "basic" : options.auth());
            }
            return stored;
        }
    }

    @Schema(name = "ConnectorOptions", description = "Options of one platform; an option of another platform is refused")
    record Options(
            @JsonProperty("allow_unsigned")
            @Schema(description = "chatwoot only: accept unsigned deliveries (installations before signing existed); the "
                    + "unguessable URL is then the only credential, see docs/connectors/chatwoot.md", defaultValue = "false")
            Boolean allowUnsigned,
            @Pattern(regexp = "basic|header", message = "must be basic or header")
            @Schema(description = "freshdesk only: how its automation rule's webhook will present the secret, as the "
                    + "docs page guides: basic (HTTP Basic, any user name, the secret as password) or header (the "
                    + "secret in X-DeskPulse-Secret). Either is accepted whatever is chosen.",
                    enumeration = {"basic", "header"}, defaultValue = "basic") String auth,
            @JsonAnySetter @Schema(hidden = true) Map<String, Object> unknownFields) {
    }

    @CheckedDocument.Valid
    @Schema(name = "ConnectorRotateRequest", description = "A new secret, and how long the current one stays valid")
    record Rotate(
            @Size(min = 16, max = 512, message = SECRET_REASON) @Pattern(regexp = SECRET_PATTERN, message = SECRET_REASON)
            @Schema(description = "The new secret the platform generated; omitted: DeskPulse generates one",
                    minLength = 16, maxLength = 512, writeOnly = true) String secret,
            @JsonProperty("grace_period_s")
            @Min(value = 0, message = "must be between 0 and 2592000 (30 days)")
            @Max(value = LONGEST_GRACE_S, message = "must be between 0 and 2592000 (30 days)")
            @Schema(description = "Seconds the current secret stays valid beside the new one, so that deliveries "
                    + "signed before the platform switched still pass; 0 ends it now. Omitted: "
                    + "deskpulse.connectors.default-grace-period (24 h)", minimum = "0", maximum = "2592000",
                    example = "86400") Long gracePeriodS,
            @JsonAnySetter @Schema(hidden = true) Map<String, Object> unknownFields) implements CheckedDocument {

        @Override
        public FieldErrors check() {
            FieldErrors errors = new FieldErrors();
            errors.unknown(unknownFields, "", "is not a field here; they are secret, grace_period_s");
            return errors;
        }
    }

}
