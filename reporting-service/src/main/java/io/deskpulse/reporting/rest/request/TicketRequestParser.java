package io.deskpulse.reporting.rest.request;

import io.deskpulse.reporting.config.ReportingConfig;
import io.deskpulse.reporting.domain.Channels;
import io.deskpulse.reporting.domain.ParameterError;
import io.deskpulse.reporting.domain.TenantReporting;
import io.deskpulse.reporting.domain.ticket.TicketCursors;
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
            "updated_since", "limit", "cursor", "format");
    static final List<String> STATUSES = List.of("new", "open", "pending", "on_hold", "solved", "closed");

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
        Instant updatedSince = p.instant("updated_since");
        Integer limit = p.integer("limit", config.defaultLimit(), 1, config.maxLimit());
        Representation format = p.format().orElse(null);
        if (!p.valid()) {
            p.cursor(null, TicketCursors.FIELDS);
            p.requireValid();
        }
        TicketQuery query = new TicketQuery(tenant, zone, from.orElse(null), to.orElse(null), team, agent, customer,
                channel, status, updatedSince, limit, null, null);
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

    private static Optional<String> status(String text) {
        String lower = text.trim().toLowerCase(Locale.ROOT);
        return STATUSES.contains(lower) ? Optional.of(lower) : Optional.empty();
    }
}
