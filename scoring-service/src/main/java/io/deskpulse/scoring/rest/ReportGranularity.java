package io.deskpulse.scoring.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The period lengths a report webhook may take, for the OpenAPI document only: the request keeps them as strings,
 * so that a wrong value is a field error of the usual form rather than a Jackson refusal.
 */
@Schema(name = "ReportGranularity", description = "A period length of the period reports")
enum ReportGranularity {
    day, week, month
}
