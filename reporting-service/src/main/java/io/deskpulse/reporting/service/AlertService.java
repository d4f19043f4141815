package io.deskpulse.reporting.service;

import io.deskpulse.reporting.domain.Cursors;
import io.deskpulse.reporting.domain.alert.AlertPage;
import io.deskpulse.reporting.domain.alert.AlertQuery;
import io.deskpulse.reporting.domain.alert.AlertRow;
import io.deskpulse.reporting.repository.AlertReadRepository;
import io.deskpulse.reporting.repository.ReportSnapshots;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** A page of the tenant's alerts, newest first (one row more is read to know whether another page follows). */
@ApplicationScoped
public class AlertService {

    private final ReportSnapshots snapshots;
    private final AlertReadRepository repository;

    public AlertService(ReportSnapshots snapshots, AlertReadRepository repository) {
        this.snapshots = snapshots;
        this.repository = repository;
    }

    public AlertPage page(AlertQuery query) {
        List<AlertRow> rows = snapshots.read(query.tenant(), snapshot -> repository.page(snapshot, query, query.limit() + 1));
        if (rows.size() <= query.limit()) {
            return new AlertPage(rows, null);
        }
        List<AlertRow> page = rows.subList(0, query.limit());
        return new AlertPage(page, Cursors.encode(query.fingerprint(), List.of(String.valueOf(page.get(page.size() - 1).id()))));
    }
}
