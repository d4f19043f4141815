package io.deskpulse.scoring.domain;

import io.deskpulse.storage.DurationHistogram;

/** What a contribution adds to its aggregate row: which measures move, and by how much. */
public sealed interface Observation {

    /** Adds this observation to a row's delta, {@code sign} times (+1 to add, -1 to retract). */
    void addTo(KpiDelta delta, int sign);

    private static void duration(KpiDelta delta, int sign, Measure sum, HistogramMeasure histogram, long millis) {
        delta.add(sum, sign * millis);
        delta.addToHistogram(histogram, DurationHistogram.binOf(millis), sign);
        delta.recordDuration(histogram, millis);
    }

    record TicketCreated() implements Observation {
        public void addTo(KpiDelta delta, int sign) {
            delta.add(Measure.TICKETS_CREATED, sign);
        }
    }

    /**
     * The first public agent reply: {@code millis} after creation, {@code businessMillis} of it inside
     * business hours, and whether it met the first-response target.
     */
    record FirstResponse(long millis, long businessMillis, boolean slaMet) implements Observation {
        public void addTo(KpiDelta delta, int sign) {
            delta.add(Measure.FIRST_RESPONSE_COUNT, sign);
            duration(delta, sign, Measure.FIRST_RESPONSE_SUM_MS, HistogramMeasure.FIRST_RESPONSE, millis);
            duration(delta, sign, Measure.FIRST_RESPONSE_BH_SUM_MS, HistogramMeasure.FIRST_RESPONSE_BH, businessMillis);
            if (slaMet) {
                delta.add(Measure.FIRST_RESPONSE_SLA_MET, sign);
            }
        }
    }

    /**
     * A public agent reply that answered a waiting customer: {@code millis} since the earliest unanswered
     * customer message (the creation, for the first reply), {@code businessMillis} of it in business hours.
     */
    record Reply(long millis, long businessMillis) implements Observation {
        public void addTo(KpiDelta delta, int sign) {
            delta.add(Measure.REPLY_COUNT, sign);
            duration(delta, sign, Measure.REPLY_SUM_MS, HistogramMeasure.REPLY, millis);
            duration(delta, sign, Measure.REPLY_BH_SUM_MS, HistogramMeasure.REPLY_BH, businessMillis);
        }
    }

    /** A call or chat entering a queue. */
    record Offered() implements Observation {
        public void addTo(KpiDelta delta, int sign) {
            delta.add(Measure.OFFERED, sign);
        }
    }

    /** An offered interaction answered after {@code waitMillis} in the queue, and whether within the service level. */
    record Answered(long waitMillis, boolean serviceLevelMet) implements Observation {
        public void addTo(KpiDelta delta, int sign) {
            delta.add(Measure.ANSWERED, sign);
            duration(delta, sign, Measure.ASA_SUM_MS, HistogramMeasure.ASA, waitMillis);
            if (serviceLevelMet) {
                delta.add(Measure.SERVICE_LEVEL_MET, sign);
            }
        }
    }

    /** An offered interaction the customer gave up on; a short one (under the tenant's threshold) is counted apart. */
    record Abandoned(boolean isShort) implements Observation {
        public void addTo(KpiDelta delta, int sign) {
            delta.add(isShort ? Measure.SHORT_ABANDONED : Measure.ABANDONED, sign);
        }
    }

    /** A solve; the durations since creation are null when the ticket's creation is unknown. */
    record Solve(Long millis, Long businessMillis) implements Observation {
        public void addTo(KpiDelta delta, int sign) {
            delta.add(Measure.TICKETS_RESOLVED, sign);
            if (millis != null) {
                delta.add(Measure.RESOLUTION_COUNT, sign);
                duration(delta, sign, Measure.RESOLUTION_SUM_MS, HistogramMeasure.RESOLUTION, millis);
                duration(delta, sign, Measure.RESOLUTION_BH_SUM_MS, HistogramMeasure.RESOLUTION_BH, businessMillis);
            }
        }
    }

    /** A ticket's first solve, and whether it was resolved on first contact. */
    record FirstResolution(boolean firstContact) implements Observation {
        public void addTo(KpiDelta delta, int sign) {
            delta.add(Measure.FIRST_RESOLUTIONS, sign);
            if (firstContact) {
                delta.add(Measure.FCR_COUNT, sign);
            }
        }
    }

    /** A solve that a later reopen undid; contributed at the solve's time and attribution. */
    record ReopenedSolve() implements Observation {
        public void addTo(KpiDelta delta, int sign) {
            delta.add(Measure.REOPENED_RESOLUTIONS, sign);
        }
    }

    /** A reassignment to another agent or team, credited to those handing the ticket over. */
    record Transfer() implements Observation {
        public void addTo(KpiDelta delta, int sign) {
            delta.add(Measure.TRANSFERS, sign);
        }
    }

    record AgentReply() implements Observation {
        public void addTo(KpiDelta delta, int sign) {
            delta.add(Measure.AGENT_REPLIES, sign);
        }
    }

    record CustomerMessage() implements Observation {
        public void addTo(KpiDelta delta, int sign) {
            delta.add(Measure.CUSTOMER_MESSAGES, sign);
        }
    }

    /** The ticket's latest CSAT score (1..5); 4 and 5 are satisfied. */
    record CsatScore(int score) implements Observation {
        public void addTo(KpiDelta delta, int sign) {
            delta.add(Measure.CSAT_COUNT, sign);
            delta.add(Measure.CSAT_SUM, (long) sign * score);
            if (score >= 4) {
                delta.add(Measure.CSAT_SATISFIED, sign);
            }
        }
    }

    /**
     * The ticket's latest customer effort score on the 1..7 scale, in thousandths; 5 to 7 is easy
     * (docs/kpis.md: a 1..5 answer of 4 or 5 maps to 5.5 or 7).
     */
    record CesScore(int scoreMilli) implements Observation {
        public void addTo(KpiDelta delta, int sign) {
            delta.add(Measure.CES_COUNT, sign);
            delta.add(Measure.CES_SUM_MILLI, (long) sign * scoreMilli);
            if (scoreMilli >= 5000) {
                delta.add(Measure.CES_EASY, sign);
            }
        }
    }

    /**
     * One sentiment observation (a scored customer message, or a ticket's latest conversation score), in
     * thousandths; negative at or below {@link #NEGATIVE_AT_MOST_MILLI} (docs/kpis.md).
     */
    record SentimentScore(int sentimentMilli) implements Observation {
        /** -0.25: Zendesk's "negative" and "very negative" and Intercom's negative conversations fall below it. */
        public static final int NEGATIVE_AT_MOST_MILLI = -250;

        public static boolean isNegative(int sentimentMilli) {
            return sentimentMilli <= NEGATIVE_AT_MOST_MILLI;
        }

        public void addTo(KpiDelta delta, int sign) {
            delta.add(Measure.SENTIMENT_COUNT, sign);
            delta.add(Measure.SENTIMENT_SUM_MILLI, (long) sign * sentimentMilli);
            if (isNegative(sentimentMilli)) {
                delta.add(Measure.SENTIMENT_NEGATIVE, sign);
            }
        }
    }

    /** An NPS response (0..10): 9 and 10 promote, 0 to 6 detract. */
    record NpsScore(int score) implements Observation {
        public void addTo(KpiDelta delta, int sign) {
            delta.add(Measure.NPS_COUNT, sign);
            if (score >= 9) {
                delta.add(Measure.NPS_PROMOTERS, sign);
            } else if (score <= 6) {
                delta.add(Measure.NPS_DETRACTORS, sign);
            }
        }
    }

    /** A ticket becoming a complaint (tagged with the tenant's complaint tag), once per ticket. */
    record Complaint() implements Observation {
        public void addTo(KpiDelta delta, int sign) {
            delta.add(Measure.COMPLAINTS, sign);
        }
    }

    /**
     * A completed interaction's handle time (talk + hold + wrap), and its cost at the tenant's per-contact rate in
     * thousandths of the currency (0 without one).
     */
    record Handle(long millis, long costMilli) implements Observation {
        public Handle(long millis) {
            this(millis, 0);
        }

        public void addTo(KpiDelta delta, int sign) {
            delta.add(Measure.HANDLE_COUNT, sign);
            duration(delta, sign, Measure.HANDLE_SUM_MS, HistogramMeasure.HANDLE, millis);
            delta.add(Measure.COST_MILLI, sign * costMilli);
        }
    }

    /**
     * A piece of online (or busy) time, within one hour, and its cost at the tenant's hourly rate in thousandths of
     * the currency (0 without one).
     */
    record OnlineTime(long millis, long costMilli) implements Observation {
        public OnlineTime(long millis) {
            this(millis, 0);
        }

        public void addTo(KpiDelta delta, int sign) {
            delta.add(Measure.ONLINE_MS, sign * millis);
            delta.add(Measure.COST_MILLI, sign * costMilli);
        }
    }

    record QaScore(long scoreMilli, boolean passed) implements Observation {
        public void addTo(KpiDelta delta, int sign) {
            delta.add(Measure.QA_COUNT, sign);
            delta.add(Measure.QA_SUM_MILLI, sign * scoreMilli);
            if (passed) {
                delta.add(Measure.QA_PASSED, sign);
            }
        }
    }

    record Conversion(long amountMilli) implements Observation {
        public void addTo(KpiDelta delta, int sign) {
            delta.add(Measure.CONVERSIONS, sign);
            delta.add(Measure.SALES_AMOUNT_MILLI, sign * amountMilli);
        }
    }

    record PeerScore(int score) implements Observation {
        public void addTo(KpiDelta delta, int sign) {
            delta.add(Measure.PEER_REVIEW_COUNT, sign);
            delta.add(Measure.PEER_REVIEW_SUM, (long) sign * score);
        }
    }
}
