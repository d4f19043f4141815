package io.deskpulse.reporting.rest;

import io.deskpulse.reporting.domain.risk.AtRiskPage;
import io.deskpulse.reporting.domain.risk.AtRiskQuery;
import io.deskpulse.reporting.domain.risk.ChurnSignal;
import io.deskpulse.reporting.domain.risk.CustomerRisk;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A churn-risk page as a {@link Table}: customer, score, the signals that made it, then each signal's count and points. */
final class AtRiskTables {

    static final List<String> COLUMNS = List.of("customer_id", "score", "signals", "tickets", "repeat_contacts_points",
            "complaints", "complaints_points", "low_csat", "low_csat_points", "nps_score", "nps_at",
            "nps_detractor_points", "reopens", "reopens_points");

    private AtRiskTables() {
    }

    static Table of(AtRiskPage page) {
        AtRiskQuery q = page.query();
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("as_of", q.asOf());
        header.put("tz", q.zone().getId());
        header.put("window_from", q.windowFrom());
        header.put("window_to", q.asOf());
        header.put("complaint_tag", page.complaintTag());
        header.put("min_score", q.minScore());
        List<List<Object>> rows = new ArrayList<>();
        for (CustomerRisk c : page.rows()) {
            Map<ChurnSignal, Integer> points = c.points();
            rows.add(Arrays.asList(c.customerId(), c.score(), c.signals(), c.tickets(),
                    points.get(ChurnSignal.REPEAT_CONTACTS), c.complaints(), points.get(ChurnSignal.COMPLAINTS),
                    c.lowCsat(), points.get(ChurnSignal.LOW_CSAT), c.npsScore(), c.npsAt(),
                    points.get(ChurnSignal.NPS_DETRACTOR), c.reopens(), points.get(ChurnSignal.REOPENS)));
        }
        return new Table(header, COLUMNS, rows, page.nextCursor());
    }
}
