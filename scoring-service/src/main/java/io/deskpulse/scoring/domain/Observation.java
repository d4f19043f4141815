package io.deskpulse.scoring.domain;

/** What a contribution adds to its aggregate row: which measures move, and by how much. */
public sealed interface Observation {

    /** Adds this observation to a row's delta, {@code sign} times (+1 to add, -1 to retract). */
    void addTo(KpiDelta delta, int sign);

    record TicketCreated() implements Observation {
        public void addTo(KpiDelta delta, int sign) {
            delta.add(Measure.TICKETS_CREATED, sign);
        }
    }

    /** The first public agent reply, {@code millis} after creation. */
    record FirstResponse(long millis) implements Observation {
        public void addTo(KpiDelta delta, int sign) {
            delta.add(Measure.FIRST_RESPONSE_COUNT, sign);
            delta.add(Measure.FIRST_RESPONSE_SUM_MS, sign * millis);
            delta.addToHistogram(HistogramMeasure.FIRST_RESPONSE, DurationHistogram.binOf(millis), sign);
        }
    }

    /** A solve; {@code millis} since creation, or null when the ticket's creation is unknown. */
    record Solve(Long millis) implements Observation {
        public void addTo(KpiDelta delta, int sign) {
            delta.add(Measure.TICKETS_RESOLVED, sign);
            if (millis != null) {
                delta.add(Measure.RESOLUTION_COUNT, sign);
                delta.add(Measure.RESOLUTION_SUM_MS, sign * millis);
                delta.addToHistogram(HistogramMeasure.RESOLUTION, DurationHistogram.binOf(millis), sign);
            }
        }
    }

    /** A solve that a later reopen undid; contributed at the solve's time and attribution. */
    record ReopenedSolve() implements Observation {
        public void addTo(KpiDelta delta, int sign) {
            delta.add(Measure.REOPENED_RESOLUTIONS, sign);
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
}
