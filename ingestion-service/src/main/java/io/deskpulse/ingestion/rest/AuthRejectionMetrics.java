package io.deskpulse.ingestion.rest;

import io.deskpulse.ingestion.service.IngestMetrics;
import io.deskpulse.ingestion.service.IngestMetrics.Rejection;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Counts requests refused by the platform's scope filter. Kept out of the filter itself, because the platform
 * is shared with services that have no ingest metrics.
 */
public class AuthRejectionMetrics {

    private final IngestMetrics metrics;

    public AuthRejectionMetrics(IngestMetrics metrics) {
        this.metrics = metrics;
    }

    @ServerResponseFilter
    public void count(ContainerResponseContext response) {
        if (response.getStatus() == 401) {
            metrics.rejected(Rejection.UNAUTHORIZED, 1);
        } else if (response.getStatus() == 403) {
            metrics.rejected(Rejection.FORBIDDEN, 1);
        }
    }
}
