package io.deskpulse.reporting.repository;

import io.deskpulse.reporting.config.ReportingConfig;
import io.deskpulse.reporting.domain.ReportingDatabaseException;
import io.deskpulse.reporting.domain.risk.AtRiskQuery;
import io.deskpulse.reporting.domain.risk.CustomerRisk;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the churn-risk signals per customer: from ticket_facts, the tickets created in the window (count,
 * complaint-tagged, CSAT 1-2, reopens, negative sentiment); from customer_nps_responses, each customer's latest response in
 * the window (a response naming only a ticket belongs to the ticket's customer, looked up by key only for
 * those: COALESCE does not evaluate the lookup when the response names its customer).
 */
@ApplicationScoped
public class CustomerRiskRepository {

    private static final String DEFAULT_COMPLAINT_TAG = "complaint";

    private final int timeoutSeconds;

    public CustomerRiskRepository(ReportingConfig config) {
        this.timeoutSeconds = ReportSnapshots.timeoutSeconds(config);
    }

    /** The complaint tag of the settings the tenant's active numbers are computed with (lower case); default complaint. */
    public String complaintTag(ReportSnapshot snapshot, String tenant) {
        SqlStatement s = new SqlStatement().sql("SELECT v.settings ->> 'complaint_tag' FROM tenant_state t"
                + " JOIN tenant_settings_versions v ON v.tenant_id = t.tenant_id AND v.version = t.active_settings_version"
                + " WHERE t.tenant_id = ?", tenant);
        try (PreparedStatement statement = s.prepare(snapshot.connection(), timeoutSeconds);
             ResultSet rs = statement.executeQuery()) {
            String tag = rs.next() ? rs.getString(1) : null;
            return tag == null ? DEFAULT_COMPLAINT_TAG : tag.toLowerCase(Locale.ROOT);
        } catch (SQLException e) {
            throw new ReportingDatabaseException(e);
        }
    }

    public List<CustomerRisk> signals(ReportSnapshot snapshot, AtRiskQuery q, String complaintTag) {
        SqlStatement s = new SqlStatement().sql("""
                WITH tickets AS (
                    SELECT customer_id, count(*) AS tickets,
                           count(*) FILTER (WHERE EXISTS (SELECT 1 FROM unnest(tags) AS t (tag) WHERE lower(t.tag) = ?))""",
                        complaintTag).sql("""
                 AS complaints,
                           count(*) FILTER (WHERE csat_score BETWEEN 1 AND 2) AS low_csat,
                           sum(reopens) AS reopens,
                           count(*) FILTER (WHERE negative_sentiment) AS negative_sentiment
                    FROM ticket_facts
                    WHERE tenant_id = ?""", q.tenant()).sql(" AND created_at >= ?", q.start())
                .sql(" AND created_at < ?", q.end()).sql("""
                 AND customer_id IS NOT NULL
                    GROUP BY customer_id
                ), nps AS (
                    SELECT DISTINCT ON (customer_id) customer_id, score, responded_at
                    FROM (SELECT coalesce(nullif(r.customer_id, ''),
                                          (SELECT f.customer_id FROM ticket_facts f
                                           WHERE f.tenant_id = r.tenant_id AND f.ticket_id = r.ticket_id))
                                     AS customer_id, r.score, r.responded_at, r.ticket_id, r.response_id
                          FROM customer_nps_responses r
                          WHERE r.tenant_id = ?""", q.tenant()).sql(" AND r.responded_at >= ?", q.start())
                .sql(" AND r.responded_at < ?", q.end()).sql("""
                ) x
                    WHERE customer_id IS NOT NULL
                    ORDER BY customer_id, responded_at DESC, ticket_id DESC, response_id DESC
                )
                SELECT coalesce(t.customer_id, n.customer_id) AS customer_id, coalesce(t.tickets, 0) AS tickets,
                       coalesce(t.complaints, 0) AS complaints, coalesce(t.low_csat, 0) AS low_csat,
                       coalesce(t.reopens, 0) AS reopens, n.score AS nps_score, n.responded_at AS nps_at,
                       coalesce(t.negative_sentiment, 0) AS negative_sentiment
                FROM tickets t FULL JOIN nps n ON n.customer_id = t.customer_id""");
        List<CustomerRisk> customers = new ArrayList<>();
        try (PreparedStatement statement = s.prepare(snapshot.connection(), timeoutSeconds);
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                OffsetDateTime npsAt = rs.getObject("nps_at", OffsetDateTime.class);
                customers.add(new CustomerRisk(rs.getString("customer_id"), rs.getLong("tickets"),
                        rs.getLong("complaints"), rs.getLong("low_csat"), rs.getLong("reopens"),
                        rs.getObject("nps_score", Integer.class), npsAt == null ? null : npsAt.toInstant(),
                        rs.getLong("negative_sentiment")));
            }
        } catch (SQLException e) {
            throw new ReportingDatabaseException(e);
        }
        return customers;
    }
}
