package io.deskpulse.reporting.domain.risk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The at-risk back-test (docs/kpis.md, "Back-test of the churn-risk score"): the list is replayed as of the end of
 * every day from {@code from - horizon} to {@code to - 1}, each customer scored by {@link CustomerRisk} (the one
 * formula) from the signals as they stood then (event time: {@link TicketRiskHistory#before}, NPS responses given
 * before the end of the day). A customer is flagged at a threshold on a day when its score is at least the threshold.
 * <ul>
 * <li>churned: customers with a {@code customer.churned} on the days from..to;</li>
 * <li>flagged: customers flagged on at least one replayed day;</li>
 * <li>caught: churned customers flagged on at least one of the {@code horizon} days before a churn day of theirs
 * (the list as of the end of those days; the churn day itself is not among them: the list must have flagged the
 * customer before they left);</li>
 * <li>recall = caught / churned; precision = caught / flagged; null when the base is 0.</li>
 * </ul>
 * Plain Java over what the repository read: no SQL decides a number.
 */
public final class AtRiskBacktest {

    /** One threshold's figures. */
    public record Result(int threshold, long churned, long flagged, long caught, Double recall, Double precision) {
    }

    private AtRiskBacktest() {
    }

    /** The figures of {@code thresholds} (ascending). */
    public static List<Result> run(BacktestQuery q, List<Integer> thresholds, List<TicketRiskHistory> tickets,
            List<NpsAnswer> nps, List<ChurnEvent> churns) {
        Map<String, List<TicketRiskHistory>> ticketsBy = new HashMap<>();
        tickets.forEach(t -> ticketsBy.computeIfAbsent(t.customerId(), c -> new ArrayList<>()).add(t));
        Map<String, List<NpsAnswer>> npsBy = new HashMap<>();
        nps.forEach(n -> npsBy.computeIfAbsent(n.customerId(), c -> new ArrayList<>()).add(n));
        npsBy.values().forEach(list -> list.sort(Comparator.comparing(NpsAnswer::at)));
        Set<String> customers = new TreeSet<>(ticketsBy.keySet());
        customers.addAll(npsBy.keySet());

        // each customer's score as of each replayed day (only days with a positive score)
        Map<String, TreeMap<LocalDate, Integer>> scores = new HashMap<>();
        for (String customer : customers) {
            TreeMap<LocalDate, Integer> byDay = new TreeMap<>();
            for (LocalDate day = q.firstListDay(); !day.isAfter(q.lastListDay()); day = day.plusDays(1)) {
                Instant start = day.minusDays(q.windowDays() - 1L).atStartOfDay(q.zone()).toInstant();
                Instant end = day.plusDays(1).atStartOfDay(q.zone()).toInstant();
                int score = asOf(customer, ticketsBy.getOrDefault(customer, List.of()),
                        npsBy.getOrDefault(customer, List.of()), start, end).score();
                if (score > 0) {
                    byDay.put(day, score);
                }
            }
            scores.put(customer, byDay);
        }

        Map<String, List<LocalDate>> churnDays = new TreeMap<>();
        for (ChurnEvent churn : churns) {
            LocalDate day = churn.at().atZone(q.zone()).toLocalDate();
            if (!day.isBefore(q.from()) && !day.isAfter(q.to())) {
                churnDays.computeIfAbsent(churn.customerId(), c -> new ArrayList<>()).add(day);
            }
        }

        List<Result> results = new ArrayList<>();
        for (int threshold : thresholds) {
            long flagged = scores.values().stream()
                    .filter(days -> days.values().stream().anyMatch(s -> s >= threshold)).count();
            long caught = churnDays.entrySet().stream().filter(e -> e.getValue().stream().anyMatch(day ->
                    scores.getOrDefault(e.getKey(), new TreeMap<>())
                            .subMap(day.minusDays(q.horizonDays()), true, day, false).values().stream()
                            .anyMatch(s -> s >= threshold))).count();
            long churned = churnDays.size();
            results.add(new Result(threshold, churned, flagged, caught, ratio(caught, churned), ratio(caught, flagged)));
        }
        return results;
    }

    /** The customer's signals over the window [start, end) as they stood at {@code end}. */
    static CustomerRisk asOf(String customer, List<TicketRiskHistory> tickets, List<NpsAnswer> nps, Instant start,
            Instant end) {
        long count = 0;
        long complaints = 0;
        long lowCsat = 0;
        long reopens = 0;
        long negative = 0;
        for (TicketRiskHistory ticket : tickets) {
            if (ticket.createdAt().isBefore(start) || !ticket.createdAt().isBefore(end)) {
                continue;
            }
            RiskState state = ticket.before(end);
            count++;
            complaints += state.complaint() ? 1 : 0;
            lowCsat += state.lowCsat() ? 1 : 0;
            reopens += state.reopens();
            negative += state.negativeSentiment() ? 1 : 0;
        }
        NpsAnswer latest = null;
        for (NpsAnswer answer : nps) {
            if (!answer.at().isBefore(start) && answer.at().isBefore(end)) {
                latest = answer; // sorted by time: the last one in the window
            }
        }
        return new CustomerRisk(customer, count, complaints, lowCsat, reopens, latest == null ? null : latest.score(),
                latest == null ? null : latest.at(), negative);
    }

    private static Double ratio(long numerator, long denominator) {
        return denominator == 0 ? null : (double) numerator / denominator;
    }
}
