package io.deskpulse.reporting.service;

import io.deskpulse.reporting.domain.Cursors;
import io.deskpulse.reporting.domain.TenantReporting;
import io.deskpulse.reporting.domain.risk.AtRiskPage;
import io.deskpulse.reporting.domain.risk.AtRiskQuery;
import io.deskpulse.reporting.domain.risk.CustomerRisk;
import io.deskpulse.reporting.repository.CustomerRiskRepository;
import io.deskpulse.reporting.repository.ReportSnapshot;
import io.deskpulse.reporting.repository.ReportSnapshots;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The churn-risk list: every customer's signals over the window in one read (ticket_facts and
 * customer_nps_responses, grouped per customer in SQL), scored in Java by {@link CustomerRisk} (the one
 * place the formula lives), highest score first, ties by customer id.
 */
@ApplicationScoped
public class AtRiskService {

    private static final Comparator<CustomerRisk> ORDER = Comparator.comparingInt(CustomerRisk::score).reversed()
            .thenComparing(CustomerRisk::customerId);

    private final ReportSnapshots snapshots;
    private final CustomerRiskRepository repository;

    public AtRiskService(ReportSnapshots snapshots, CustomerRiskRepository repository) {
        this.snapshots = snapshots;
        this.repository = repository;
    }

    /** A page of the tenant's list: {@code request} makes the query from the tenant's state, in the same snapshot. */
    public AtRiskPage page(String tenant, Function<TenantReporting, AtRiskQuery> request) {
        return snapshots.read(tenant, snapshot -> page(snapshot, request.apply(snapshot.tenant())));
    }

    private AtRiskPage page(ReportSnapshot snapshot, AtRiskQuery query) {
        String tag = repository.complaintTag(snapshot, query.tenant());
        List<CustomerRisk> customers = new ArrayList<>(repository.signals(snapshot, query, tag).stream()
                .filter(c -> c.score() >= query.minScore()).toList());
        customers.sort(ORDER);
        int first = 0;
        if (query.after() != null) {
            int score = Integer.parseInt(query.after().get(0));
            String id = query.after().get(1);
            while (first < customers.size() && (customers.get(first).score() > score
                    || customers.get(first).score() == score && customers.get(first).customerId().compareTo(id) <= 0)) {
                first++;
            }
        }
        int last = Math.min(customers.size(), first + query.limit());
        List<CustomerRisk> page = customers.subList(first, last);
        String next = last < customers.size() ? Cursors.encode(query.fingerprint(),
                List.of(Integer.toString(page.get(page.size() - 1).score()), page.get(page.size() - 1).customerId())) : null;
        return new AtRiskPage(query, tag, List.copyOf(page), next);
    }
}
