package io.deskpulse.reporting.service;

import io.deskpulse.reporting.domain.TenantReporting;
import io.deskpulse.reporting.domain.ticket.TicketCursors;
import io.deskpulse.reporting.domain.ticket.TicketPage;
import io.deskpulse.reporting.domain.ticket.TicketQuery.ExportPosition;
import io.deskpulse.reporting.domain.ticket.TicketQuery.ListingKey;
import io.deskpulse.reporting.domain.ticket.TicketQuery;
import io.deskpulse.reporting.domain.ticket.TicketRow;
import io.deskpulse.reporting.repository.ReportSnapshot;
import io.deskpulse.reporting.repository.ReportSnapshots;
import io.deskpulse.reporting.repository.TicketRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.function.Function;

/**
 * One page of {@code GET /v1/tickets}, read in one snapshot (the request's dates are in the tenant's zone). An export serves only rows written by
 * transactions older than the snapshot's oldest running one (its horizon): such rows can no longer be
 * joined by a row that sorts before them, so paging by (txid, ticket_id) never skips a row that commits
 * late, which paging by updated_at (a transaction's start time) would.
 */
@ApplicationScoped
public class TicketService {

    private final ReportSnapshots snapshots;
    private final TicketRepository repository;
    private final Timer queryTimer;

    public TicketService(ReportSnapshots snapshots, TicketRepository repository, MeterRegistry registry) {
        this.snapshots = snapshots;
        this.repository = repository;
        this.queryTimer = QueryTimer.of(registry, "tickets");
    }

    /** A page of the tenant's tickets: {@code request} makes the query from the tenant's state, in the same snapshot. */
    public TicketPage page(String tenant, Function<TenantReporting, TicketQuery> request) {
        return snapshots.read(tenant, snapshot -> {
            TicketQuery query = request.apply(snapshot.tenant());
            return queryTimer.record(() -> query.export() ? export(snapshot, query) : list(snapshot, query));
        });
    }

    private TicketPage list(ReportSnapshot snapshot, TicketQuery query) {
        List<TicketRow> rows = repository.listed(snapshot, query, query.limit() + 1);
        if (rows.size() <= query.limit()) {
            return new TicketPage(query, rows, null, null);
        }
        rows = rows.subList(0, query.limit());
        TicketRow last = rows.get(rows.size() - 1);
        return new TicketPage(query, rows, TicketCursors.listing(query, new ListingKey(last.createdAt(), last.ticketId())),
                null);
    }

    private TicketPage export(ReportSnapshot snapshot, TicketQuery query) {
        long horizon = repository.horizon(snapshot);
        // Everything of the tenant below the horizon is at or before `settled`; its later writes come after.
        long settled = repository.lastWritten(snapshot, query.tenant(), horizon) + 1;
        ExportPosition at = query.exportedFrom();
        long floor = at == null ? settled : at.floor();
        List<TicketRow> rows = repository.exported(snapshot, query, horizon, floor, query.limit() + 1);
        if (rows.size() <= query.limit()) {
            // Everything below the horizon is served: a later poll starts after it, whatever the filters skipped.
            ExportPosition resume = at != null && at.txid() >= settled ? at : new ExportPosition(floor, settled, null);
            return new TicketPage(query, rows, null, TicketCursors.export(query, resume));
        }
        rows = rows.subList(0, query.limit());
        TicketRow last = rows.get(rows.size() - 1);
        String next = TicketCursors.export(query, new ExportPosition(floor, last.txid(), last.ticketId()));
        return new TicketPage(query, rows, next, next);
    }
}
