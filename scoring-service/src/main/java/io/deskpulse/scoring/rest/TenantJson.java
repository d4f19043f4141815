package io.deskpulse.scoring.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.deskpulse.scoring.domain.Tenant;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Tenant", description = "A tenant: scoring accepts its records, and keys can be issued for it")
public record TenantJson(
        @Schema(required = true, example = "acme") String id,
        @JsonProperty("created_at") @Schema(required = true, example = "2026-12-07T12:00:00Z") Instant createdAt) {

    static TenantJson of(Tenant tenant) {
        return new TenantJson(tenant.id(), tenant.createdAt());
    }
}
