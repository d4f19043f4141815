package io.deskpulse.scoring.domain;

/**
 * Where a timeline's contributions go: a generation of the tenant's aggregates, derived with the
 * settings that generation is built with. Normally one (the active generation); two while a
 * recomputation builds the next generation with new settings.
 */
public record Target(String tenantId, int generation, TenantSettings settings) {
}
