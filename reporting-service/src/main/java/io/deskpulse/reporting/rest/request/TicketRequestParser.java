package io.deskpulse.reporting.rest.request;

import io.deskpulse.reporting.config.ReportingConfig;
import io.deskpulse.reporting.domain.Channels;
import io.deskpulse.reporting.domain.ParameterError;
import io.deskpulse.reporting.domain.TenantReporting;
import io.deskpulse.reporting.domain.ticket.TicketCursors;
import io.deskpulse.reporting.domain.ticket.TicketFilters;
import io.deskpulse.reporting.domain.ticket.TicketQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The parameters of {@code GET /v1/tickets} into a {@link TicketQuery}, or one 400 listing every bad one. */
@ApplicationScoped
public class TicketRequestParser {

    static final List<String> PARAMETERS = List.of("from", "to", "tz", "team", "agent", "customer", "channel", "status",
            "first_responder", "solver", "min_first_response_s", "max_csat", "sla_breached", "reopened", "fcr",
            "updated_since", "limit", "cursor", "format");
    static final List<String> STATUSES = List.of("new", "open", "pending", "on_hold", "solved", "closed");

    // A hundred years: far beyond any first response, and its milliseconds fit a long many times over.
    private static final java.math.BigDecimal MAX_SECONDS = java.math.BigDecimal.valueOf(3_155_760_000L);

    private final ReportingConfig config;

    public TicketRequestParser(ReportingConfig config) {
        this.config = config;
    }

    public ParsedRequest<TicketQuery> parse(String tenant, TenantReporting state, MultivaluedMap<String, String> params) {
        QueryParameters p = new QueryParameters(params, PARAMETERS, Set.of());
        Optional<LocalDate> from = p.date("from");
        Optional<LocalDate> to = p.date("to");
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            p.error("from", "must not be after to (" + from.get() + " > " + to.get() + ")");
        }
        ZoneId zone = p.zone(state);
        List<ParameterError> errors = p.errors();
        String team = MemberParameters.id("team", p.get("team"), errors);
        String agent = MemberParameters.id("agent", p.get("agent"), errors);
        String customer = MemberParameters.id("customer", p.get("customer"), errors);
        String channel = p.choice("channel", Channels::parse, String.join(", ", Channels.ALL)).orElse(null);
        String status = p.choice("status", TicketRequestParser::status, String.join(", ", STATUSES)).orElse(null);
        TicketFilters filters = new TicketFilters(state.generation(),
                MemberParameters.id("first_responder", p.get("first_responder"), errors),
                MemberParameters.id("solver", p.get("solver"), errors), seconds(p, "min_first_response_s"),
                p.get("max_csat") == null ? null : p.integer("max_csat", 5, 1, 5), p.bool("sla_breached"),
                p.bool("reopened"), p.bool("fcr"));
        if (!state.keepsContributions()) {
            // Both filters read who solved and whether the SLA was met from the contribution rows (frozen attribution).
            for (String needsRows : List.of("solver", "sla_breached")) {
                if (p.get(needsRows) != null) {
                    p.error(needsRows, "needs the contribution rows, which this tenant's settings do not keep "
                            + "(keep_contributions: false)");
                }
            }
        }
        Instant updatedSince = p.instant("updated_since");
        Integer limit = p.integer("limit", config.defaultLimit(), 1, config.maxLimit());
        Representation format = p.format().orElse(null);
        if (!p.valid()) {
            p.cursor(null, TicketCursors.FIELDS);
            p.requireValid();
        }
        TicketQuery query = new TicketQuery(tenant, zone, from.orElse(null), to.orElse(null), team, agent, customer,
                channel, status, updatedSince, limit, null, null, filters);
        Optional<List<String>> key = p.cursor(query.fingerprint(), TicketCursors.FIELDS);
        p.requireValid();
        if (key.isPresent()) {
            try {
                query = TicketCursors.continued(query, key.get());
            } catch (IllegalArgumentException e) {
                p.error("cursor", e.getMessage());
                p.requireValid();
            }
        }
        return new ParsedRequest<>(query, format);
    }

    /** A non-negative number of seconds (milliseconds exact), as milliseconds; null when not given or bad. */
    private static Long seconds(QueryParameters p, String name) {
        String text = p.get(name);
        if (text == null) {
            return null;
        }
        try {
            java.math.BigDecimal seconds = new java.math.BigDecimal(text.trim());
            if (seconds.signum() >= 0 && seconds.scale() <= 3 && seconds.compareTo(MAX_SECONDS) <= 0) {
                return seconds.movePointRight(3).longValueExact();
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below
        }
        p.error(name, "must be a number of seconds from 0 to " + MAX_SECONDS + ", at most 3 decimals; got "
                + ParameterError.quote(text));
        return null;
    }

    private static Optional<String> status(String text) {
        String lower = text.trim().toLowerCase(Locale.ROOT);
        return STATUSES.contains(lower) ? Optional.of(lower) : Optional.empty();
    }
}
