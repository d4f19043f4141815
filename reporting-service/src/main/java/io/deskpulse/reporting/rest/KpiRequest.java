package io.deskpulse.reporting.rest;

import io.deskpulse.reporting.service.KpiQuery;

/** A parsed request: the query, and the representation {@code format} asked for (null: negotiate by Accept). */
public record KpiRequest(KpiQuery query, Representation format) {
}
