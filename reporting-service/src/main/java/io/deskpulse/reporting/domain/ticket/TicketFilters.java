package io.deskpulse.reporting.domain.ticket;

/**
 * The drill-down filters of {@code GET /v1/tickets} (null: not given): who first responded, who solved it (any of its
 * solves, as credited then), the slowest first responses, the lowest ratings, a missed first-response target, reopened
 * or not, resolved on first contact or not. {@code generation}: the tenant's active generation, whose contribution rows
 * say who solved a ticket and whether its first response met the target (under the settings of the numbers shown).
 */
public record TicketFilters(int generation, String firstResponder, String solver, Long minFirstResponseMillis,
        Integer maxCsat, Boolean slaBreached, Boolean reopened, Boolean fcr) {

    public static TicketFilters none(int generation) {
        return new TicketFilters(generation, null, null, null, null, null, null, null);
    }

    /** What decides the rows (not the generation: a recomputation between pages is new data, as for /v1/kpis). */
    public String fingerprint() {
        return String.join("|", String.valueOf(firstResponder), String.valueOf(solver),
                String.valueOf(minFirstResponseMillis), String.valueOf(maxCsat), String.valueOf(slaBreached),
                String.valueOf(reopened), String.valueOf(fcr));
    }
}
