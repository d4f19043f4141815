package io.deskpulse.scoring.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.deskpulse.scoring.domain.Exemption;
import io.deskpulse.scoring.service.ExemptionService;
import io.deskpulse.scoring.service.FieldError;
import io.deskpulse.scoring.service.InvalidSettingsException;
import io.deskpulse.storage.StoredJson;
import jakarta.validation.Validation;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/** The exemption body read without a server: every rule, strict JSON types, and the answer's (and reports') shape. */
class ExemptionRequestTest {

    static final AdminBodies BODIES = new AdminBodies(Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator());

    static Exemption.Draft read(String singleQuoted) {
        return BODIES.read(singleQuoted.replace('\'', '"'), ExemptionRequest.class, "the exemption",
                ExemptionRequest.FIELDS).draft();
    }

    static List<FieldError> errors(String singleQuoted) {
        return catchThrowableOfType(() -> read(singleQuoted), InvalidSettingsException.class).errors();
    }

    @Test
    void aValidBodyIsReadSortedAndTrimmed() {
        Exemption.Draft draft = read("{'teams': ['sales', 'billing'], 'from': '2031-03-02', 'to': '2031-03-04',"
                + " 'reason': ' Recall ', 'relaxed_targets': {'handle_avg_s': 450.0}, 'left_out': ['nps', 'fcr_rate'],"
                + " 'id': 4, 'version': 2, 'created_by': 'x'}");

        assertThat(draft).isEqualTo(new Exemption.Draft(List.of("billing", "sales"), LocalDate.parse("2031-03-02"),
                LocalDate.parse("2031-03-04"), "Recall", Map.of("handle_avg_s", new BigDecimal("4.5E+2")),
                List.of("fcr_rate", "nps")));
    }

    @Test
    void everyBadFieldIsListedInTheDocumentsOrderWithUnknownFieldsFirst() {
        assertThat(errors("{'teams': [], 'from': '2031-02-30', 'to': '2031-01-01', 'reason': ' ',"
                + " 'relaxed_targets': {'csat': 4, 'handle_avg_s': -1}, 'left_out': ['csat_avg', 'csat_avg'], 'why': 1}"))
                .extracting(FieldError::field).containsExactly("why", "teams", "from", "reason", "relaxed_targets.csat",
                        "relaxed_targets.handle_avg_s", "left_out[1]");
    }

    @Test
    void aValueOfAnotherJsonTypeIsItsFieldsErrorNeverCoerced() {
        assertThat(errors("{'teams': 'billing', 'from': 20310302, 'to': '2031-03-02', 'reason': 5,"
                + " 'relaxed_targets': {'csat_avg': '4'}, 'left_out': [{}]}")).containsExactly(
                new FieldError("teams", "must be a list, got \"billing\""),
                new FieldError("from", "must be a text, got 20310302"),
                new FieldError("reason", "must be a text, got 5"),
                new FieldError("relaxed_targets.csat_avg", "must be a number, got \"4\""),
                new FieldError("left_out[0]", "must be a text, got {}"));
    }

    @Test
    void theRulesAcrossFields() {
        assertThat(errors("{'from': '2031-01-01', 'to': '2032-01-02', 'reason': 'long', 'left_out': ['nps']}"))
                .containsExactly(new FieldError("to", "an exemption spans at most 366 days; 2031-01-01..2032-01-02 spans 367"));
        assertThat(errors("{'from': '2031-01-01', 'to': '2031-01-01', 'reason': 'nothing'}")).extracting(FieldError::reason)
                .containsExactly("an exemption relaxes at least one target or leaves at least one KPI out (left_out); "
                        + "this one changes nothing");
        assertThat(errors("{'from': '2031-01-01', 'to': '2031-01-01', 'reason': 'both', 'relaxed_targets': {'nps': 10},"
                + " 'left_out': ['nps']}")).containsExactly(new FieldError("relaxed_targets.nps",
                "is also in left_out: a KPI is either left out or relaxed"));
        assertThat(errors("{'from': null, 'reason': 'x', 'left_out': ['nps'], 'teams': ['a', 'a']}")).containsExactly(
                new FieldError("teams[1]", "repeats 'a'"),
                new FieldError("from", "must be a date YYYY-MM-DD (a local day, in the zone scorecards are reported in), got nothing"),
                new FieldError("to", "must be a date YYYY-MM-DD (a local day, in the zone scorecards are reported in), got nothing"));
    }

    @Test
    void theAnswerIsTheShapePeriodReportsKeep() {
        Instant at = Instant.parse("2026-11-03T08:12:40.512Z");
        Exemption exemption = new Exemption(4, 1, null, LocalDate.parse("2026-11-03"), LocalDate.parse("2026-11-05"),
                "Recall", Map.of("handle_avg_s", new BigDecimal("4.5E+2"), "csat_avg", new BigDecimal("4.25")),
                List.of("fcr_rate"), at, "jane", at, "ops");

        assertThat(StoredJson.write(ExemptionService.document(exemption))).isEqualTo(("{'id':4,'version':1,"
                + "'teams':null,'from':'2026-11-03','to':'2026-11-05','reason':'Recall',"
                + "'relaxed_targets':{'csat_avg':4.25,'handle_avg_s':450},'left_out':['fcr_rate'],"
                + "'created_at':'2026-11-03T08:12:40.512Z','created_by':'jane','updated_at':'2026-11-03T08:12:40.512Z',"
                + "'updated_by':'ops'}").replace('\'', '"'));
    }
}
