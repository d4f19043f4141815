package io.deskpulse.scoring.rest;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
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
    @Consistent
    record Create(
            @NotNull(message = "is required: one of zendesk, chatwoot, freshdesk, intercom, zammad")
            @Pattern(regexp = PLATFORMS, message = "must be one of zendesk, chatwoot, freshdesk, intercom, zammad")
            @Schema(required = true, enumeration = {"zendesk", "chatwoot", "freshdesk", "intercom", "zammad"},
                    example = "chatwoot") String platform,
            @NotBlank(message = "is required: a name people recognise, at most 200 characters")
            @Size(max = 200, message = "must be at most 200 characters")
            @Schema(required = true, maxLength = 200, example = "Support inbox (Chatwoot)") String name,
            @Valid @Schema(description = "The platform's options; omitted: the defaults") Options options,
            @Size(min = 16, max = 512, message = SECRET_REASON) @Pattern(regexp = SECRET_PATTERN, message = SECRET_REASON)
            @Schema(description = "The signing secret the platform generated (Zendesk, Intercom, Chatwoot show theirs "
                    + "once the webhook exists); omitted: DeskPulse generates one (256 random bits) to paste into the "
                    + "platform (Zammad, Freshdesk, or a placeholder to replace by rotation)", minLength = 16,
                    maxLength = 512, writeOnly = true) String secret,
            @JsonAnySetter @Schema(hidden = true) Map<String, Object> unknownFields) {

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

    @Consistent
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
            @JsonAnySetter @Schema(hidden = true) Map<String, Object> unknownFields) {
    }

    /** Unknown fields, and options that belong to another platform. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = {CreateValidator.class, RotateValidator.class})
    @interface Consistent {
        String message() default "is not a consistent connector request";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    public static class CreateValidator implements ConstraintValidator<Consistent, Create> {

        @Override
        public boolean isValid(Create request, ConstraintValidatorContext context) {
            if (request == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            boolean valid = unknown(context, "", request.unknownFields(), "platform, name, options, secret");
            Options options = request.options();
            if (options != null) {
                valid &= unknown(context, "options.", options.unknownFields(), "allow_unsigned, auth");
                String platform = request.platform();
                if (options.allowUnsigned() != null && !"chatwoot".equals(platform)) {
                    valid = violation(context, "options.allow_unsigned", "is an option of chatwoot connectors only");
                }
                if (options.auth() != null && !"freshdesk".equals(platform)) {
                    valid = violation(context, "options.auth", "is an option of freshdesk connectors only");
                }
            }
            return valid;
        }
    }

    public static class RotateValidator implements ConstraintValidator<Consistent, Rotate> {

        @Override
        public boolean isValid(Rotate request, ConstraintValidatorContext context) {
            if (request == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            return unknown(context, "", request.unknownFields(), "secret, grace_period_s");
        }
    }

    private static boolean unknown(ConstraintValidatorContext context, String prefix, Map<String, Object> fields,
            String known) {
        boolean valid = true;
        if (fields != null) {
            for (String field : new TreeSet<>(fields.keySet())) {
                valid = violation(context, prefix + field, "is not a field here; they are " + known);
            }
        }
        return valid;
    }

    private static boolean violation(ConstraintValidatorContext context, String field, String reason) {
        return ReconciliationRequest.ConsistentValidator.violation(context, field, reason);
    }
}
