package io.deskpulse.reporting.repository;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskpulse.reporting.config.ReportingConfig;
import io.deskpulse.reporting.domain.ReportingDatabaseException;
import io.deskpulse.reporting.domain.kpi.Granularity;
import io.deskpulse.reporting.domain.risk.ChurnEvent;
import io.deskpulse.reporting.domain.risk.ChurnPeriod;
import io.deskpulse.reporting.domain.risk.ChurnQuery;
import io.deskpulse.reporting.domain.risk.NpsAnswer;
import io.deskpulse.reporting.domain.risk.RiskState;
import io.deskpulse.reporting.domain.risk.TicketRiskHistory;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what the churn KPIs and the at-risk back-test need: customers' churns and renewals
 * ({@code customer_lifecycle_events}), their tickets with the churn-risk history ({@code ticket_facts.risk_history})
 * and their NPS responses ({@code customer_nps_responses}, a response naming only a ticket belonging to the ticket's
 * customer, as for the at-risk list).
 */
@ApplicationScoped
public class CustomerChurnRepository {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int timeoutSeconds;

    public CustomerChurnRepository(ReportingConfig config) {
        this.timeoutSeconds = ReportSnapshots.timeoutSeconds(config);
    }

    /**
     * Distinct customers per period: churned, renewed, and active (a ticket created, a renewal or a churn in it); and
     * the revenue of the churned and the renewed: per period, kind and customer the revenue of its latest event (by
     * time, then identity) that names one, added up, with how many currencies those name. Periods without any are
     * left out, as /v1/kpis leaves out periods without data.
     */
    public List<ChurnPeriod> periods(ReportSnapshot snapshot, ChurnQuery q) {
        SqlStatement s = new SqlStatement().sql("WITH activity AS (SELECT customer_id, created_at AS at, 'ticket' AS kind,"
                + " NULL::bigint AS event_id, NULL::bigint AS revenue_milli, NULL::text AS currency"
                + " FROM ticket_facts WHERE tenant_id = ?", q.tenant()).sql(" AND customer_id IS NOT NULL"
                + " AND created_at >= ?", q.start()).sql(" AND created_at < ?", q.end())
                .sql(" UNION ALL SELECT customer_id, at, kind, event_id, revenue_milli, currency"
                        + " FROM customer_lifecycle_events WHERE tenant_id = ?", q.tenant())
                .sql(" AND at >= ?", q.start()).sql(" AND at < ?", q.end()).sql("), dated AS (SELECT");
        if (q.granularity() == Granularity.TOTAL) {
            s.sql(" ?::date AS period,", q.from().toString());
        } else {
            s.sql(" date_trunc('" + q.granularity().sqlUnit() + "', at AT TIME ZONE ?)::date AS period,",
                    q.zone().getId());
        }
        s.sql(" customer_id, at, kind, event_id, revenue_milli, currency FROM activity),"
                + " latest_revenues AS (SELECT DISTINCT ON (period, kind, customer_id) period, kind, revenue_milli, currency"
                + " FROM dated WHERE revenue_milli IS NOT NULL ORDER BY period, kind, customer_id, at DESC, event_id DESC),"
                + " revenues AS (SELECT period,"
                + " sum(revenue_milli) FILTER (WHERE kind = 'churned')::bigint AS churned_revenue,"
                + " sum(revenue_milli) FILTER (WHERE kind = 'renewed')::bigint AS renewed_revenue,"
                + " count(DISTINCT coalesce(currency, '')) AS currencies, min(coalesce(currency, '')) AS currency"
                + " FROM latest_revenues GROUP BY period)"
                + " SELECT d.period,"
                + " count(DISTINCT d.customer_id) FILTER (WHERE d.kind = 'churned') AS churned,"
                + " count(DISTINCT d.customer_id) FILTER (WHERE d.kind = 'renewed') AS renewed,"
                + " count(DISTINCT d.customer_id) AS active,"
                + " min(r.churned_revenue) AS churned_revenue, min(r.renewed_revenue) AS renewed_revenue,"
                + " coalesce(min(r.currencies), 0) AS currencies, min(r.currency) AS currency"
                + " FROM dated d LEFT JOIN revenues r ON r.period = d.period GROUP BY d.period ORDER BY 1");
        List<ChurnPeriod> periods = new ArrayList<>();
        try (PreparedStatement statement = s.prepare(snapshot.connection(), timeoutSeconds);
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                periods.add(new ChurnPeriod(rs.getObject("period", LocalDate.class), rs.getLong("churned"),
                        rs.getLong("renewed"), rs.getLong("active"), ChurnPeriod.Revenue.of(
                                rs.getObject("churned_revenue", Long.class), rs.getObject("renewed_revenue", Long.class),
                                rs.getLong("currencies"), rs.getString("currency"))));
            }
        } catch (SQLException e) {
            throw new ReportingDatabaseException(e);
        }
        return periods;
    }

    /** The customers' churns in [start, end). */
    public List<ChurnEvent> churns(ReportSnapshot snapshot, String tenant, Instant start, Instant end) {
        SqlStatement s = new SqlStatement().sql("SELECT customer_id, at FROM customer_lifecycle_events WHERE tenant_id = ?",
                tenant).sql(" AND kind = 'churned' AND at >= ?", start).sql(" AND at < ?", end);
        List<ChurnEvent> churns = new ArrayList<>();
        try (PreparedStatement statement = s.prepare(snapshot.connection(), timeoutSeconds);
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                churns.add(new ChurnEvent(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant()));
            }
        } catch (SQLException e) {
            throw new ReportingDatabaseException(e);
        }
        return churns;
    }

    /** The tickets of customers created in [start, end), with their churn-risk history. */
    public List<TicketRiskHistory> tickets(ReportSnapshot snapshot, String tenant, Instant start, Instant end) {
        SqlStatement s = new SqlStatement().sql("SELECT customer_id, created_at, risk_history::text FROM ticket_facts"
                + " WHERE tenant_id = ?", tenant).sql(" AND created_at >= ?", start).sql(" AND created_at < ?", end)
                .sql(" AND customer_id IS NOT NULL");
        List<TicketRiskHistory> tickets = new ArrayList<>();
        try (PreparedStatement statement = s.prepare(snapshot.connection(), timeoutSeconds);
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                tickets.add(new TicketRiskHistory(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        states(rs.getString(3))));
            }
        } catch (SQLException e) {
            throw new ReportingDatabaseException(e);
        }
        return tickets;
    }

    /** The NPS responses given in [start, end) that belong to a customer. */
    public List<NpsAnswer> npsAnswers(ReportSnapshot snapshot, String tenant, Instant start, Instant end) {
        SqlStatement s = new SqlStatement().sql("""
                SELECT customer_id, responded_at, score FROM (
                    SELECT coalesce(nullif(r.customer_id, ''),
                                    (SELECT f.customer_id FROM ticket_facts f
                                     WHERE f.tenant_id = r.tenant_id AND f.ticket_id = r.ticket_id)) AS customer_id,
                           r.responded_at, r.score, r.ticket_id, r.response_id
                    FROM customer_nps_responses r WHERE r.tenant_id = ?""", tenant)
                .sql(" AND r.responded_at >= ?", start).sql(" AND r.responded_at < ?", end)
                .sql(") x WHERE customer_id IS NOT NULL ORDER BY responded_at, ticket_id, response_id");
        List<NpsAnswer> answers = new ArrayList<>();
        try (PreparedStatement statement = s.prepare(snapshot.connection(), timeoutSeconds);
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                answers.add(new NpsAnswer(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getInt(3)));
            }
        } catch (SQLException e) {
            throw new ReportingDatabaseException(e);
        }
        return answers;
    }

    /** {@code [[at_ms, complaint, low_csat, reopens, negative], ...]} as scoring writes it (docs/storage.md). */
    static List<RiskState> states(String json) {
        List<RiskState> states = new ArrayList<>();
        try {
            for (JsonNode p : JSON.readTree(json)) {
                states.add(new RiskState(Instant.ofEpochMilli(p.get(0).asLong()), p.get(1).asInt() == 1,
                        p.get(2).asInt() == 1, p.get(3).asInt(), p.get(4).asInt() == 1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return states;
    }
}
