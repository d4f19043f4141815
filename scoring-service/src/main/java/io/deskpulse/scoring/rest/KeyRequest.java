package io.deskpulse.scoring.rest;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.deskpulse.scoring.service.CheckedDocument;
import io.deskpulse.scoring.service.FieldErrors;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /v1/keys} and {@code POST /v1/tenants/{tenant}/keys}. */
@Schema(name = "KeyRequest", description = "The key to issue")
@CheckedDocument.Valid
public record KeyRequest(
        @NotBlank(message = "is required: what the key is for, at most 100 characters")
        @Size(max = 100, message = "must be at most 100 characters")
        @Schema(required = true, description = "What the key is for, to recognise it in listings", maxLength = 100,
                example = "zendesk connector") String name,
        @NotEmpty(message = "is required: one or more of ingest, read, admin")
        @Schema(required = true, type = SchemaType.ARRAY, implementation = KeyScope.class, minItems = 1,
                description = "What the key may do: ingest (send events), read (KPIs and reports), admin (settings, "
                        + "rules, keys of the tenant)", example = "[\"ingest\"]") List<String> scopes,
        @JsonProperty("expires_at")
        @Schema(nullable = true, description = "When the key stops working (ISO-8601 instant, in the future); "
                + "absent: it works until revoked", example = "2027-06-30T00:00:00Z") Instant expiresAt,
        @JsonAnySetter @Schema(hidden = true) Map<String, Object> unknownFields) implements CheckedDocument {

    static final List<String> SCOPES = List.of("ingest", "read", "admin");

    @Override
    public FieldErrors check() {
        FieldErrors errors = new FieldErrors();
        errors.unknown(unknownFields, "", "is not a field of a key request; they are name, scopes, expires_at");
        if (scopes != null) {
            for (int i = 0; i < scopes.size(); i++) {
                if (!SCOPES.contains(scopes.get(i))) {
                    errors.add("scopes[" + i + "]", "must be one of ingest, read, admin, got '" + scopes.get(i) + "'");
                }
            }
        }
        if (expiresAt != null && !expiresAt.isAfter(Instant.now())) {
            errors.add("expires_at", "must be in the future");
        }
        return errors;
    }
}
