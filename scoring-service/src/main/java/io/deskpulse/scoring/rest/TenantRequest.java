package io.deskpulse.scoring.rest;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.deskpulse.scoring.service.CheckedDocument;
import io.deskpulse.scoring.service.FieldErrors;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /v1/tenants}. */
@Schema(name = "TenantRequest", description = "The tenant to create")
@CheckedDocument.Valid
public record TenantRequest(
        @NotNull(message = "is required: 1 to 63 lower-case letters, digits, '-' or '_', starting with a letter or digit")
        @Pattern(regexp = TENANT_PATTERN, message = "must be 1 to 63 lower-case letters, digits, '-' or '_', starting "
                + "with a letter or digit")
        @Schema(required = true, description = "The tenant's id, as keys and events name it", pattern = TENANT_PATTERN,
                example = "acme") String id,
        @JsonAnySetter @Schema(hidden = true) Map<String, Object> unknownFields) implements CheckedDocument {

    /** The same as configured keys' tenants (platform's ApiKey.TENANT). */
    static final String TENANT_PATTERN = "^[a-z0-9][a-z0-9_-]{0,62}$";

    @Override
    public FieldErrors check() {
        FieldErrors errors = new FieldErrors();
        errors.unknown(unknownFields, "", "is not a field; the only one is id");
        return errors;
    }
}
