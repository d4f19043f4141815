package io.deskpulse.reporting.service;

import io.deskpulse.reporting.domain.Cursors;
import io.deskpulse.reporting.domain.alert.AlertQuery;
import io.deskpulse.reporting.domain.alert.AlertRow;
import io.deskpulse.reporting.repository.AlertReadRepository;
import io.deskpulse.reporting.repository.ReportSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** A page of the tenant's alerts, newest first (one row more is read to know whether another page follows). */
@ApplicationScoped
public class AlertService {

    /** A page and the cursor of the next one (null on the last). */
    public record Page(List<AlertRow> rows, String nextCursor) {
    }

    private final AlertReadRepository repository;

    public AlertService(AlertReadRepository repository) {
        this.repository = repository;
    }

    public Page page(ReportSnapshot snapshot, AlertQuery query) {
        List<AlertRow> rows = repository.page(snapshot, query, query.limit() + 1);
        if (rows.size() <= query.limit()) {
            return new Page(rows, null);
        }
        List<AlertRow> page = rows.subList(0, query.limit());
        return new Page(page, Cursors.encode(query.fingerprint(), List.of(String.valueOf(page.get(page.size() - 1).id()))));
    }
}
