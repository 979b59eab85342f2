package vn.hoso.procedures;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue's decision table evaluated by Camunda's DMN engine alone (as Camunda Modeler and the engine read it):
 * its FEEL tests on the receiving day give one version per procedure and day (hit policy UNIQUE), the same version
 * the product's reader ({@link ProcedureCatalogue#parse}) takes.
 */
@Tag("fast")
class ProcedureCatalogueDmnTest {

    static DmnEngine dmnEngine;
    static DmnDecision decision;
    static List<Procedure> versions;

    @BeforeAll
    static void readTheTable() throws Exception {
        DmnModelInstance model;
        try (InputStream dmn = ProcedureCatalogueDmnTest.class.getResourceAsStream("/bpmn/procedure-catalogue.dmn")) {
            model = Dmn.readModelFromStream(dmn);
        }
        dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        decision = dmnEngine.parseDecision(ProcedureCatalogue.DECISION_KEY, model);
        versions = ProcedureCatalogue.parse(model);
    }

    static DmnDecisionRuleResult evaluate(String code, LocalDate day) {
        var result = dmnEngine.evaluateDecisionTable(decision, Variables.createVariables()
                .putValue("procedureCode", code)
                .putValue(ProcedureCatalogue.RECEIVED_ON, day));
        assertThat(result).as("%s on %s: exactly one version", code, day).hasSize(1);
        return result.getSingleResult();
    }

    @Test
    void landRegistrationReceivedOn31JulyAnd1August2024GetsTwoVersions() {
        DmnDecisionRuleResult before = evaluate("LAND_FIRST_CERT", LocalDate.parse("2024-07-31"));
        DmnDecisionRuleResult after = evaluate("LAND_FIRST_CERT", LocalDate.parse("2024-08-01"));
        assertThat(before.<Object>getEntry("daysDistrict")).isEqualTo(25);
        assertThat(before.<String>getEntry("legalBasis")).startsWith("Nghị định 43/2014/NĐ-CP, Điều 61");
        assertThat(after.<Object>getEntry("daysDistrict")).isEqualTo(15);
        assertThat(after.<String>getEntry("legalBasis")).contains("Nghị định 101/2024/NĐ-CP, Điều 22");
    }

    @Test
    void theEngineAndTheReaderAgreeOnEveryProcedureAndDay() {
        for (String day : List.of("2020-01-01", "2024-07-31", "2024-08-01", "2025-06-30", "2025-07-01", "2026-12-31")) {
            LocalDate d = LocalDate.parse(day);
            for (Procedure p : ProcedureCatalogue.inForce(versions, d)) {
                Map<String, Object> entries = evaluate(p.code(), d);
                assertThat(entries.get("name")).isEqualTo(p.name());
                assertThat(((Number) entries.get("daysProvince")).intValue() + ((Number) entries.get("daysDistrict"))
                        .intValue() + ((Number) entries.get("daysCommune")).intValue())
                        .as("%s on %s", p.code(), d).isEqualTo(p.days().values().stream().mapToInt(i -> i).sum());
                assertThat(entries.get("nationalCode")).isEqualTo(p.nationalCode());
                assertThat(entries.get("legalBasis")).isEqualTo(p.legalBasis());
            }
        }
    }
}
