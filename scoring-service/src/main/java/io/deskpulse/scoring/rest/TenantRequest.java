package io.deskpulse.scoring.rest;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /v1/tenants}. */
@Schema(name = "TenantRequest", description = "The tenant to create")
@CheckedRequest
public record TenantRequest(
        @NotNull(message = "is required: 1 to 63 lower-case letters, digits, '-' or '_', starting with a letter or digit")
        @Pattern(regexp = TENANT_PATTERN, message = "must be 1 to 63 lower-case letters, digits, '-' or '_', starting "
                + "with a letter or digit")
        @Schema(required = true, description = "The tenant's id, as keys and events name it", pattern = TENANT_PATTERN,
                example = "acme") String id,
        @JsonAnySetter @Schema(hidden = true) Map<String, Object> unknownFields) implements CheckedRequest.Checkable {

    /** The same as configured keys' tenants (platform's ApiKey.TENANT). */
    static final String TENANT_PATTERN = "^[a-z0-9][a-z0-9_-]{0,62}$";

    @Override
    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (unknownFields != null) {
            new TreeSet<>(unknownFields.keySet()).forEach(field -> problems.put(field, "is not a field; the only one is id"));
        }
        return problems;
    }
}
