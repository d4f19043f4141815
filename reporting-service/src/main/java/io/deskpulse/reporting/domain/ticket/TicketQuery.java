package io.deskpulse.reporting.domain.ticket;

import io.deskpulse.reporting.domain.Cursors;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A validated {@code GET /v1/tickets} request. Without {@code updatedSince} it lists tickets by
 * creation ({@code listedAfter}: the last row of the previous page); with it, it exports changes by
 * their writing transaction ({@code exportedFrom}: where the previous page or poll stopped). Filters are
 * null when not given; {@code from}/{@code to} are local dates in {@code zone}.
 */
public record TicketQuery(String tenant, ZoneId zone, LocalDate from, LocalDate to, String team, String agent,
        String customer, String channel, String status, Instant updatedSince, int limit, ListingKey listedAfter,
        ExportPosition exportedFrom, TicketFilters filters) {

    /** Listing order: creation time (null: unknown, those come last), then ticket id. */
    public record ListingKey(Instant createdAt, String ticketId) {
    }

    /**
     * Where an export stands: every row before {@code (txid, ticketId)} has been served ({@code ticketId}
     * null: every row of transactions before {@code txid}). {@code floor}: the first transaction after the
     * tenant's writes that existed when the export began; rows written from it on are served whatever their
     * updated_at, older ones only when updated_at is at or after updated_since.
     */
    public record ExportPosition(long floor, long txid, String ticketId) {
    }

    public boolean export() {
        return updatedSince != null;
    }

    public Instant start() {
        return from == null ? null : from.atStartOfDay(zone).toInstant();
    }

    public Instant end() {
        return to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    public TicketQuery after(ListingKey key) {
        return new TicketQuery(tenant, zone, from, to, team, agent, customer, channel, status, updatedSince, limit, key,
                exportedFrom, filters);
    }

    public TicketQuery from(ExportPosition position) {
        return new TicketQuery(tenant, zone, from, to, team, agent, customer, channel, status, updatedSince, limit,
                listedAfter, position, filters);
    }

    /** What decides the rows and their order: a cursor is only accepted by the query it came from. */
    public String fingerprint() {
        return Cursors.fingerprint("tickets", tenant, zone.getId(), String.valueOf(from), String.valueOf(to),
                String.valueOf(team), String.valueOf(agent), String.valueOf(customer), String.valueOf(channel),
                String.valueOf(status), String.valueOf(updatedSince), filters.fingerprint());
    }
}
