package io.deskpulse.scoring.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskpulse.scoring.service.FieldError;
import io.deskpulse.scoring.service.InvalidSettingsException;
import io.deskpulse.scoring.service.ScoringModelRules;
import io.deskpulse.scoring.service.UnreadableSettingsException;
import io.deskpulse.storage.ScoringModelsDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scoring models document's rules and canonical form, without a server. */
class ScoringModelsTest {

    private static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    private static ScoringModelsDocument parse(String body) {
        return ExemptionRequestTest.BODIES.read(body, ScoringModelsDocument.class, "the scoring models document",
                ScoringModelsDocument.FIELDS, InvalidSettingsException::new, ScoringModelRules::check)
                .canonical(ScoringModelsDocument.DEFAULTS);
    }

    private List<FieldError> errors(String body) {
        try {
            parse(json(body));
        } catch (InvalidSettingsException e) {
            return e.errors();
        }
        throw new AssertionError("accepted: " + body);
    }

    @Test
    void theDefaultsAreTheCatalogsThreeRolesWithTheirGroupShares() {
        ScoringModelsDocument defaults = ScoringModelsDocument.DEFAULTS;
        assertThat(defaults.roles()).hasSize(3);
        // satisfaction & quality / timeliness / cost & efficiency, as the catalog's table has them (frontline: issue 16's
        // 50-60 / 30 / 10, no longer 55 / 30 / 15)
        assertThat(groupShares(defaults, "frontline_agent")).containsExactly(60.0, 30.0, 10.0);
        assertThat(groupShares(defaults, "technical_support")).containsExactly(30.0, 40.0, 30.0);
        assertThat(groupShares(defaults, "team_lead")).containsExactly(40.0, 20.0, 40.0);
        assertThat(defaults.defaultRoles()).isEqualTo(new ScoringModelsDocument.DefaultRoles("frontline_agent", "team_lead", null));
        assertThat(parse("{}")).isEqualTo(defaults);
        assertThat(ScoringModelsDocument.fromStored(defaults.toStored())).isEqualTo(defaults);
    }

    private static List<Double> groupShares(ScoringModelsDocument models, String role) {
        double[] shares = new double[3];
        List<String> groups = List.of("satisfaction_quality", "timeliness", "cost_efficiency");
        models.roles().get(role).kpis().forEach(kpi ->
                shares[groups.indexOf(kpi.group())] += kpi.weight().doubleValue());
        return List.of(shares[0], shares[1], shares[2]);
    }

    @Test
    void aDocumentIsWrittenCanonically() {
        ScoringModelsDocument models = parse(json("""
                {'team_roles': {'t-2': 'solo'}, 'version': 3,
                 'roles': {'solo': {'kpis': [{'weight': 60.0, 'target': 4.50, 'metric': 'csat_avg'},
                                             {'metric': 'handle_avg_s', 'channel': 'phone', 'target': 300, 'weight': 40}],
                                    'peer_review': {'share': 15, 'target': 4.5}}},
                 'default_roles': {'agent': 'solo', 'team': 'solo'}}"""));
        assertThat(models.toStored()).isEqualTo(json("""
                {'roles':{'solo':{'kpis':[\
                {'metric':'csat_avg','channel':null,'group':null,'direction':'higher','target':4.5,'weight':60},\
                {'metric':'handle_avg_s','channel':'phone','group':null,'direction':'lower','target':300,'weight':40}],\
                'peer_review':{'share':15,'target':4.5}}},\
                'default_roles':{'agent':'solo','team':'solo'},'agent_roles':{},'team_roles':{'t-2':'solo'},\
                'streaks':{'min_score':80}}"""));
    }

    @Test
    void everyBadFieldIsNamedByItsPath() {
        assertThat(errors("""
                {'rolez': {},
                 'roles': {'Front Line': {'kpis': []},
                           'agent': {'kpis': [{'metric': 'tickets_resolved', 'target': 10, 'weight': 50},
                                              {'metric': 'csat_avg', 'channel': 'fax', 'direction': 'up', 'target': 0, 'weight': 50.0001},
                                              {'metric': 'fcr_rate', 'target': 0.8, 'weight': 50, 'goal': 1}],
                                     'peer_review': {'share': 100, 'target': 4.5}}}}"""))
                .extracting(FieldError::field)
                .containsExactly("rolez", "roles.Front Line", "roles.agent.kpis[0].metric",
                        "roles.agent.kpis[1].channel", "roles.agent.kpis[1].direction", "roles.agent.kpis[1].target",
                        "roles.agent.kpis[1].weight", "roles.agent.kpis[2].goal", "roles.agent.peer_review.share");
    }

    @Test
    void weightsAddUpToAHundredAndAKpiAppearsOncePerChannel() {
        assertThat(errors("{'roles': {'a': {'kpis': [{'metric': 'csat_avg', 'target': 4.5, 'weight': 50},"
                + " {'metric': 'fcr_rate', 'target': 0.8, 'weight': 45}]}}, 'default_roles': {'agent': 'a', 'team': 'a'}}"))
                .containsExactly(new FieldError("roles.a.kpis", "the weights must add up to 100 (per cent of the score "
                        + "before the peer-review share), they add up to 95"));
        assertThat(errors("{'roles': {'a': {'kpis': [{'metric': 'first_response_avg_s', 'channel': 'chat', 'target': 30, 'weight': 50},"
                + " {'metric': 'first_response_avg_s', 'channel': 'chat', 'target': 20, 'weight': 50}]}},"
                + " 'default_roles': {'agent': 'a', 'team': 'a'}}"))
                .extracting(FieldError::reason)
                .containsExactly("repeats first_response_avg_s on chat (kpis[0]); a KPI appears once per role and channel");
        // the same metric on two channels is two KPIs
        parse(json("{'roles': {'a': {'kpis': [{'metric': 'first_response_avg_s', 'channel': 'chat', 'target': 30, 'weight': 50},"
                + " {'metric': 'first_response_avg_s', 'channel': 'phone', 'target': 20, 'weight': 50}]}},"
                + " 'default_roles': {'agent': 'a', 'team': 'a'}}"));
    }

    @Test
    void rolesNamedByDefaultsAndAssignmentsMustExist() {
        assertThat(errors("{'roles': {'solo': {'kpis': [{'metric': 'csat_avg', 'target': 4.5, 'weight': 100}]}},"
                + " 'agent_roles': {'a-1': 'solo', 'a-2': 'senior'}, 'team_roles': {'': 'solo'}}"))
                .containsExactly(
                        new FieldError("default_roles.agent", "names role 'frontline_agent', which is not in roles (solo)"),
                        new FieldError("default_roles.team", "names role 'team_lead', which is not in roles (solo)"),
                        new FieldError("agent_roles.a-2", "must name one of the roles (solo), got \"senior\""),
                        new FieldError("team_roles.", "an id has 1 to 128 characters"));
    }

    @Test
    void peerReviewIsEitherAShareOrAKpi() {
        assertThat(errors("{'roles': {'frontline_agent': {'kpis': [{'metric': 'peer_review_avg', 'target': 4.5, 'weight': 100}],"
                + " 'peer_review': {'share': 10, 'target': 4}}}, 'default_roles': {'team': 'frontline_agent'}}"))
                .extracting(FieldError::field).containsExactly("roles.frontline_agent.kpis[0]");
    }

    @Test
    void notAnObjectAndNotJson() {
        assertThatThrownBy(() -> parse("[1]")).isInstanceOf(InvalidSettingsException.class);
        assertThatThrownBy(() -> parse("{\"roles\": ")).isInstanceOf(UnreadableSettingsException.class);
        assertThatThrownBy(() -> parse("{\"roles\": null, \"roles\": null}"))
                .isInstanceOf(UnreadableSettingsException.class).hasMessageContaining("Duplicate field 'roles'");
        assertThatThrownBy(() -> parse(" ")).isInstanceOf(UnreadableSettingsException.class);
    }

    @Test
    void aValueOfAnotherJsonTypeIsNamedByItsPath() {
        assertThat(errors("{'roles': {'a': 'x', 'b': {'kpis': {}}, 'c': {'kpis': [{'metric': 'csat_avg', 'target': '4',"
                + " 'weight': 100}], 'peer_review': 5}}, 'agent_roles': {'a-1': 7}}")).containsExactly(
                new FieldError("roles.a", "must be an object, got \"x\""),
                new FieldError("roles.b.kpis", "must be a list, got {}"),
                new FieldError("roles.c.kpis[0].target", "must be a number, got \"4\""),
                new FieldError("roles.c.peer_review", "must be an object, got 5"),
                new FieldError("agent_roles.a-1", "must be a text, got 7"));
    }
}
