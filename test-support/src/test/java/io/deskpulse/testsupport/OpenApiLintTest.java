package io.deskpulse.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading Redocly's JSON report (what `redocly lint --format=json` writes). */
class OpenApiLintTest {

    @Test
    void readsEveryProblemWithItsRuleSeverityAndPlace() throws Exception {
        List<OpenApiLint.Problem> problems = OpenApiLint.problems("""
                {"totals": {"errors": 1, "warnings": 1, "ignored": 0}, "version": "2.77.0", "problems": [
                  {"ruleId": "no-empty-servers", "severity": "error", "message": "Servers must be present.",
                   "location": [{"source": {"ref": "openapi.json"}, "pointer": "#/openapi"}]},
                  {"ruleId": "operation-operationId", "severity": "warn",
                   "message": "Operation object should contain `operationId` field.",
                   "location": [{"pointer": "#/paths/~1v1~1kpis/get/operationId"}]}]}""");
        assertThat(problems).extracting(OpenApiLint.Problem::rule, OpenApiLint.Problem::severity,
                OpenApiLint.Problem::pointer).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("no-empty-servers", "error", "#/openapi"),
                        org.assertj.core.groups.Tuple.tuple("operation-operationId", "warn",
                                "#/paths/~1v1~1kpis/get/operationId"));
        assertThat(problems.get(0)).hasToString("error no-empty-servers at #/openapi: Servers must be present.");
    }

    @Test
    void aRunThatReportedNothingIsAnError() {
        assertThatThrownBy(() -> OpenApiLint.problems("Something went wrong")).isInstanceOf(Exception.class);
        assertThatThrownBy(() -> OpenApiLint.problems("{}")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("did not report");
    }
}
