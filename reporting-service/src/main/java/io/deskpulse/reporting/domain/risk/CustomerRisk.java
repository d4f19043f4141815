package io.deskpulse.reporting.domain.risk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A customer's churn-risk signals over the window and the score they make: {@code tickets} created,
 * {@code complaints}, {@code lowCsat} tickets rated 1-2, {@code reopens}, the latest NPS response of
 * the window ({@code npsScore} null when none), and {@code negativeSentiment} tickets with negative sentiment. Each signal's points follow {@link ChurnSignal}; the score
 * is their sum, at most 100.
 */
public record CustomerRisk(String customerId, long tickets, long complaints, long lowCsat, long reopens,
        Integer npsScore, Instant npsAt, long negativeSentiment) {

    public static final int MAX_SCORE = 100;

    public long count(ChurnSignal signal) {
        return switch (signal) {
            case REPEAT_CONTACTS -> tickets;
            case COMPLAINTS -> complaints;
            case LOW_CSAT -> lowCsat;
            case NPS_DETRACTOR -> npsScore != null && npsScore <= 6 ? 1 : 0;
            case REOPENS -> reopens;
            case NEGATIVE_SENTIMENT -> negativeSentiment;
        };
    }

    public Map<ChurnSignal, Integer> points() {
        Map<ChurnSignal, Integer> points = new EnumMap<>(ChurnSignal.class);
        for (ChurnSignal signal : ChurnSignal.values()) {
            points.put(signal, signal.points(count(signal)));
        }
        return points;
    }

    public int score() {
        return Math.min(MAX_SCORE, points().values().stream().mapToInt(Integer::intValue).sum());
    }

    /** The signals that made the score, in the order of {@link ChurnSignal}. */
    public List<String> signals() {
        List<String> names = new ArrayList<>();
        points().forEach((signal, points) -> {
            if (points > 0) {
                names.add(signal.label());
            }
        });
        return names;
    }
}
