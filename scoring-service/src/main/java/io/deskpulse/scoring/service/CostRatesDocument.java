package io.deskpulse.scoring.service;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.deskpulse.scoring.domain.CostRates;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The settings field {@code cost_rates} (docs/settings.md): what an hour online and a handled contact cost, by
 * default, per team, per cost role (with who has which role) and per channel, in one currency. Its canonical form
 * sorts the maps by key, writes the currency in upper case and the amounts plainly (24, 0.8).
 */
@Schema(name = "CostRates", description = "Cost rates in one currency (docs/settings.md). A rate comes from the most "
        + "specific level that sets it: the channel (per_contact only), the agent's role, the team, the default.")
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CostRatesDocument(
        @Schema(required = true, description = "ISO 4217 code of every amount", example = "EUR") String currency,
        @Schema(description = "The tenant's rates; null: none") @JsonProperty("default") Rate defaults,
        @Schema(description = "Per team id, rates that replace the default for what is credited to that team")
        Map<String, Rate> teams,
        @Schema(description = "Per cost role (a-z, 0-9, _ and -, at most 64), rates that replace the team's and the "
                + "default for the agents of agent_roles with that role") Map<String, Rate> roles,
        @Schema(description = "Per agent id, its cost role (a key of roles)", example = "{\"a-17\": \"senior\"}")
        Map<String, String> agentRoles,
        @Schema(description = "Per channel (email, chat, phone, web, social, messaging, other), the per_contact rate "
                + "of contacts handled on it, before every other level") Map<String, Rate> channels,
        @JsonAnySetter @JsonAnyGetter @Schema(hidden = true) Map<String, Object> unknownFields) {

    static final List<String> FIELDS = List.of("currency", "default", "teams", "roles", "agent_roles", "channels");
    static final BigDecimal MAX_RATE = BigDecimal.valueOf(1_000_000);
    static final int MAX_IDS = 10_000;
    private static final Pattern ROLE = Pattern.compile("[a-z][a-z0-9_-]{0,63}");

    /** One level's rates, in the currency; a rate left out (null) is taken from the next level. */
    @Schema(name = "CostRate")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Rate(
            @Schema(type = SchemaType.NUMBER, description = "Cost of an hour online (or busy); 0 to 1000000, at most "
                    + "3 decimals", nullable = true, example = "24") BigDecimal perOnlineHour,
            @Schema(type = SchemaType.NUMBER, description = "Cost of a handled interaction (interaction.completed); 0 to "
                    + "1000000, at most 3 decimals", nullable = true, example = "0.8") BigDecimal perContact,
            @JsonAnySetter @JsonAnyGetter @Schema(hidden = true) Map<String, Object> unknownFields) {

        static Rate of(CostRates.Rate rate) {
            return new Rate(amount(rate.perOnlineHourMilli()), amount(rate.perContactMilli()), null);
        }

        CostRates.Rate toDomain() {
            return new CostRates.Rate(milli(perOnlineHour), milli(perContact));
        }

        private static BigDecimal amount(Long milli) {
            return milli == null ? null : new BigDecimal(Decimals.plain(BigDecimal.valueOf(milli, 3)).toString());
        }

        private static Long milli(BigDecimal amount) {
            return amount == null ? null : amount.movePointRight(3).longValueExact();
        }
    }

    /** The canonical document of {@code rates}; null for none. */
    static CostRatesDocument of(CostRates rates) {
        if (rates == null || rates.currency() == null) {
            return null;
        }
        return new CostRatesDocument(rates.currency(), Rate.of(rates.defaults()), sorted(rates.teams(), Rate::of),
                sorted(rates.roles(), Rate::of), new TreeMap<>(rates.agentRoles()), sorted(rates.channels(), Rate::of),
                null);
    }

    /** A valid document as the domain's rates. */
    CostRates toDomain() {
        return new CostRates(currency.toUpperCase(Locale.ROOT), defaults == null ? null : defaults.toDomain(),
                domain(teams), domain(roles), agentRoles == null ? Map.of() : agentRoles, domain(channels));
    }

    private static <T> Map<String, T> sorted(Map<String, CostRates.Rate> rates, Function<CostRates.Rate, T> map) {
        Map<String, T> out = new TreeMap<>();
        rates.forEach((key, rate) -> out.put(key, map.apply(rate)));
        return out;
    }

    private static Map<String, CostRates.Rate> domain(Map<String, Rate> rates) {
        Map<String, CostRates.Rate> out = new TreeMap<>();
        if (rates != null) {
            rates.forEach((key, rate) -> out.put(key, rate.toDomain()));
        }
        return out;
    }

    /** Every rule of docs/settings.md for cost_rates, each broken one named by its path under {@code path}. */
    void check(String path, FieldErrors errors) {
        if (unknownFields != null) {
            new TreeSet<>(unknownFields.keySet()).forEach(name -> errors.add(path + "." + name,
                    "is not a field of cost_rates; they are " + String.join(", ", FIELDS)));
        }
        if (currency == null) {
            errors.add(path + ".currency", "is required: the ISO 4217 code of every amount, such as \"EUR\"");
        } else if (!isCurrency(currency)) {
            errors.add(path + ".currency", "must be an ISO 4217 currency code such as \"EUR\" or \"USD\", got "
                    + FieldErrors.quote(currency));
        }
        if (defaults != null) {
            rate(defaults, path + ".default", true, errors);
        }
        rates(teams, path + ".teams", true, errors);
        rates(roles, path + ".roles", true, errors);
        if (roles != null) {
            roles.keySet().stream().filter(role -> !ROLE.matcher(role).matches()).forEach(role -> errors.add(
                    path + ".roles." + role, "a role is a-z, 0-9, _ and -, at most 64, starting with a letter"));
        }
        if (agentRoles != null) {
            if (agentRoles.size() > MAX_IDS) {
                errors.add(path + ".agent_roles", "must name at most " + MAX_IDS + " agents, got " + agentRoles.size());
            } else {
                agentRoles.forEach((agent, role) -> {
                    if (agent.isEmpty() || agent.length() > SettingsDocument.MAX_TEAM_ID_LENGTH) {
                        errors.add(path + ".agent_roles." + agent, "an agent id has 1 to "
                                + SettingsDocument.MAX_TEAM_ID_LENGTH + " characters");
                    } else if (role == null || roles == null || !roles.containsKey(role)) {
                        errors.add(path + ".agent_roles." + agent, "must be a role of " + path + ".roles, got "
                                + (role == null ? "null" : FieldErrors.quote(role)));
                    }
                });
            }
        }
        if (channels != null) {
            channels.forEach((channel, rate) -> {
                if (!SettingsDocument.CHANNELS.contains(channel)) {
                    errors.add(path + ".channels." + channel, "is not a channel; they are "
                            + String.join(", ", SettingsDocument.CHANNELS));
                }
            });
            rates(channels, path + ".channels", false, errors);
        }
    }

    private static boolean isCurrency(String code) {
        if (!code.matches("[A-Za-z]{3}")) {
            return false;
        }
        try {
            Currency.getInstance(code.toUpperCase(Locale.ROOT));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void rates(Map<String, Rate> rates, String path, boolean online, FieldErrors errors) {
        if (rates == null) {
            return;
        }
        if (rates.size() > MAX_IDS) {
            errors.add(path, "must name at most " + MAX_IDS + ", got " + rates.size());
            return;
        }
        rates.forEach((key, rate) -> {
            if (key.isEmpty() || key.length() > SettingsDocument.MAX_TEAM_ID_LENGTH) {
                errors.add(path + "." + key, "an id has 1 to " + SettingsDocument.MAX_TEAM_ID_LENGTH + " characters");
            } else if (rate == null) {
                errors.add(path + "." + key, "must be an object with per_online_hour and/or per_contact");
            } else {
                rate(rate, path + "." + key, online, errors);
            }
        });
    }

    private static void rate(Rate rate, String path, boolean online, FieldErrors errors) {
        if (rate.unknownFields() != null) {
            new TreeSet<>(rate.unknownFields().keySet()).forEach(name -> errors.add(path + "." + name,
                    "is not a field of a cost rate; they are per_online_hour and per_contact"));
        }
        amount(rate.perOnlineHour(), path + ".per_online_hour", errors);
        amount(rate.perContact(), path + ".per_contact", errors);
        if (!online && rate.perOnlineHour() != null) {
            // Online time belongs to no channel: an hourly rate per channel could never apply.
            errors.add(path + ".per_online_hour", "a channel has per_contact only: online time has no channel");
        }
    }

    private static void amount(BigDecimal value, String path, FieldErrors errors) {
        if (value == null) {
            return;
        }
        String reason = Decimals.check(value, BigDecimal.ZERO, true, MAX_RATE, 3);
        if (reason != null) {
            errors.add(path, reason);
        }
    }
}
