package io.deskpulse.reporting.service;

import io.deskpulse.reporting.domain.InvalidParametersException;
import io.deskpulse.reporting.domain.ParameterError;
import io.deskpulse.reporting.domain.TenantReporting;
import io.deskpulse.reporting.domain.kpi.Dimension;
import io.deskpulse.reporting.domain.kpi.Granularity;
import io.deskpulse.reporting.domain.kpi.GroupTotals;
import io.deskpulse.reporting.domain.kpi.KpiQuery;
import io.deskpulse.reporting.domain.kpi.Metric;
import io.deskpulse.reporting.domain.kpi.MetricCatalog;
import io.deskpulse.reporting.domain.kpi.PageKey;
import io.deskpulse.reporting.domain.kpi.Totals;
import io.deskpulse.reporting.domain.scorecard.Exemption;
import io.deskpulse.reporting.domain.scorecard.RoleModel;
import io.deskpulse.reporting.domain.scorecard.ScorecardCalculator;
import io.deskpulse.reporting.domain.scorecard.ScorecardPage;
import io.deskpulse.reporting.domain.scorecard.ScorecardParts;
import io.deskpulse.reporting.domain.scorecard.ScorecardQuery;
import io.deskpulse.reporting.domain.scorecard.ScorecardRow;
import io.deskpulse.reporting.domain.scorecard.ScoringModels;
import io.deskpulse.reporting.repository.KpiRepository;
import io.deskpulse.reporting.repository.ReportSnapshot;
import io.deskpulse.reporting.repository.ReportSnapshots;
import io.deskpulse.reporting.repository.ScorecardRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Scorecards per agent or team and period (docs/scorecards.md), computed when read from the same sums as
 * {@code /v1/kpis}, through its query path: the page's groups (keyset paging, one row more than asked), then
 * for just those members the contributions per channel that a model restricts a KPI to, and the parts that
 * fall on the days and teams of each exemption in the range. Nothing is stored: a model or an exemption
 * changed now changes every scorecard read from now on.
 */
@ApplicationScoped
public class ScorecardService {

    private final ReportSnapshots snapshots;
    private final KpiRepository kpis;
    private final ScorecardRepository scorecards;

    public ScorecardService(ReportSnapshots snapshots, KpiRepository kpis, ScorecardRepository scorecards) {
        this.snapshots = snapshots;
        this.kpis = kpis;
        this.scorecards = scorecards;
    }

    /**
     * A page of the tenant's scorecards: {@code request} makes the query from the tenant's state, in the same snapshot
     * as the models and the aggregates are read in.
     */
    public ScorecardPage page(String tenant, Function<TenantReporting, ScorecardQuery> request) {
        return snapshots.read(tenant, snapshot -> {
            ScorecardQuery query = request.apply(snapshot.tenant());
            return page(snapshot, query.query(), models(snapshot, tenant, query.modelVersion()));
        });
    }

    /** The models of {@code version} (null: the latest); a version the tenant does not have is a 400 on model_version. */
    private ScoringModels models(ReportSnapshot snapshot, String tenant, Integer version) {
        return scorecards.models(snapshot, tenant, version).orElseThrow(() -> new InvalidParametersException(List.of(
                new ParameterError("model_version", "the tenant has no scoring models version " + version
                        + " (GET /v1/settings/scoring-models/versions on scoring-service lists them; 0 is the catalog's)"))));
    }

    private ScorecardPage page(ReportSnapshot snapshot, KpiQuery request, ScoringModels models) {
        KpiQuery query = new KpiQuery(request.tenant(), request.generation(), request.dimension(), request.ids(),
                request.team(), null, request.from(), request.to(), request.granularity(), request.zone(), request.daily(),
                metrics(models), request.limit(), request.after());
        List<GroupTotals> groups = kpis.groups(snapshot, query, query.limit() + 1);
        boolean more = groups.size() > query.limit();
        List<GroupTotals> page = more ? groups.subList(0, query.limit()) : groups;
        String next = more ? page.get(page.size() - 1).key().cursor(query.fingerprint()) : null;
        // What was credited to no agent or team is nobody's scorecard.
        List<GroupTotals> scored = page.stream().filter(g -> !g.key().member().isEmpty()).toList();
        if (scored.isEmpty()) {
            return new ScorecardPage(query, List.of(), next);
        }
        List<String> members = scored.stream().map(g -> g.key().member()).distinct().toList();
        LocalDate from = query.granularity() == Granularity.TOTAL || scored.get(0).key().period().isBefore(query.from())
                ? query.from() : scored.get(0).key().period();
        LocalDate lastDay = query.granularity().nextPeriodStart(scored.get(scored.size() - 1).key().period(), query.to())
                .minusDays(1);
        LocalDate to = lastDay.isBefore(query.to()) ? lastDay : query.to();

        Map<String, Map<PageKey, GroupTotals>> totals = new HashMap<>();
        Map<PageKey, GroupTotals> all = new HashMap<>();
        kpis.withHistograms(snapshot, query, scored).forEach(group -> all.put(group.key(), group));
        totals.put(ScorecardParts.ALL_CHANNELS, all);
        for (String channel : models.channels()) {
            totals.put(channel, totals(snapshot, copy(query, channel, members, query.team(), from, to, query.metrics())));
        }
        Map<Exemption, Map<String, Map<PageKey, GroupTotals>>> exempt = new LinkedHashMap<>();
        for (Exemption exemption : scorecards.exemptions(snapshot, query.tenant(), from, to)) {
            Map<String, Map<PageKey, GroupTotals>> parts = exemptParts(snapshot, query, exemption, members, from, to,
                    totals.keySet());
            if (!parts.isEmpty()) {
                exempt.put(exemption, parts);
            }
        }

        List<ScorecardRow> rows = new ArrayList<>();
        for (GroupTotals group : scored) {
            PageKey key = group.key();
            String member = key.member();
            String role = query.dimension() == Dimension.TEAM ? models.roleOfTeam(member) : models.roleOfAgent(member);
            RoleModel model = models.model(role);
            Map<String, GroupTotals> byChannel = new HashMap<>();
            totals.forEach((channel, values) -> Optional.ofNullable(values.get(key)).ifPresent(t -> byChannel.put(channel, t)));
            Map<Exemption, Map<String, GroupTotals>> exemptParts = new LinkedHashMap<>();
            exempt.forEach((exemption, channels) -> {
                Map<String, GroupTotals> part = new HashMap<>();
                channels.forEach((channel, values) -> Optional.ofNullable(values.get(key)).ifPresent(t -> part.put(channel, t)));
                if (!part.isEmpty()) {
                    exemptParts.put(exemption, part);
                }
            });
            rows.add(new ScorecardRow(key.period(), member, ScorecardCalculator.score(role, models.version(), model,
                    new ScorecardParts(byChannel, exemptParts))));
        }
        return new ScorecardPage(query, rows, next);
    }

    /**
     * The contributions of the members that fall on the exemption's days (within the page's) and teams, per
     * channel. For agents, "the exemption's teams" means what was credited with those teams.
     */
    private Map<String, Map<PageKey, GroupTotals>> exemptParts(ReportSnapshot snapshot, KpiQuery query, Exemption exemption,
            List<String> members, LocalDate from, LocalDate to, Set<String> channels) {
        LocalDate first = exemption.from().isAfter(from) ? exemption.from() : from;
        LocalDate last = exemption.to().isBefore(to) ? exemption.to() : to;
        List<String> ids = members;
        List<String> teams = new ArrayList<>();
        if (query.dimension() == Dimension.TEAM) {
            ids = members.stream().filter(exemption::coversTeam).toList();
            teams.add(null);
        } else if (query.team() != null) {
            if (exemption.coversTeam(query.team())) {
                teams.add(query.team());
            }
        } else if (exemption.teams() == null) {
            teams.add(null);
        } else {
            teams.addAll(exemption.teams());
        }
        Map<String, Map<PageKey, GroupTotals>> parts = new HashMap<>();
        if (ids.isEmpty() || teams.isEmpty()) {
            return parts;
        }
        for (String channel : channels) {
            Map<PageKey, GroupTotals> part = new HashMap<>();
            for (String team : teams) {
                String filter = channel.isEmpty() ? null : channel;
                totals(snapshot, copy(query, filter, ids, team, first, last, query.metrics()))
                        .forEach((key, t) -> part.merge(relabel(query, key), t, Totals::plus));
            }
            parts.put(channel, part);
        }
        return parts;
    }

    /** Every group of a query, with the histograms its metrics need, by key (labelled as the request's periods). */
    private Map<PageKey, GroupTotals> totals(ReportSnapshot snapshot, KpiQuery query) {
        Map<PageKey, GroupTotals> byKey = new HashMap<>();
        for (GroupTotals group : kpis.withHistograms(snapshot, query, kpis.groups(snapshot, query, Integer.MAX_VALUE))) {
            byKey.put(relabel(query, group.key()), group);
        }
        return byKey;
    }

    /** A total report is labelled with the request's from, whatever part of the range a query read. */
    private static PageKey relabel(KpiQuery query, PageKey key) {
        return query.granularity() == Granularity.TOTAL ? new PageKey(query.from(), key.member()) : key;
    }

    private static List<Metric> metrics(ScoringModels models) {
        Set<Metric> metrics = new LinkedHashSet<>();
        models.roles().values().forEach(role -> role.scoredKpis().forEach(scored ->
                MetricCatalog.find(scored.kpi().metric()).ifPresent(metrics::add)));
        return List.copyOf(metrics);
    }

    /** The request's query narrowed to some channel, members, team and days, without paging. */
    private static KpiQuery copy(KpiQuery q, String channel, List<String> ids, String team, LocalDate from, LocalDate to,
            List<Metric> metrics) {
        return new KpiQuery(q.tenant(), q.generation(), q.dimension(), ids, team, channel, from, to, q.granularity(),
                q.zone(), q.daily(), metrics, q.limit(), null);
    }
}
