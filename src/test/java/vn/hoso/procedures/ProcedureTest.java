package vn.hoso.procedures;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.model.dmn.Dmn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.hoso.units.Tier;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoso.units.Tier.COMMUNE;
import static vn.hoso.units.Tier.DISTRICT;
import static vn.hoso.units.Tier.PROVINCE;

/**
 * The catalogue as read from the deployed DMN table ({@link ProcedureCatalogue#parse}), and the routes it gives
 * before and after the 2025 reform ({@link Procedure#legs}), without the engine.
 */
@Tag("fast")
class ProcedureTest {

    static final List<Tier> THREE_TIERS = List.of(PROVINCE, DISTRICT, COMMUNE);
    static final List<Tier> TWO_TIERS = List.of(PROVINCE, COMMUNE);

    static Map<String, Procedure> catalogue;

    @BeforeAll
    static void readTheDeployedTable() throws Exception {
        try (InputStream dmn = ProcedureTest.class.getResourceAsStream("/bpmn/procedure-catalogue.dmn")) {
            catalogue = ProcedureCatalogue.parse(Dmn.readModelFromStream(dmn));
        }
    }

    static Procedure procedure(String code) {
        return catalogue.get(code);
    }

    @Test
    void theTableIsReadRuleByRule() {
        assertThat(catalogue).hasSize(13).containsKeys("BIRTH_REG", "MERIT_ALLOWANCE", "WORK_INCOMING");
        Procedure merit = procedure("MERIT_ALLOWANCE");
        assertThat(merit.name()).isEqualTo("Giải quyết chế độ ưu đãi người có công với cách mạng");
        assertThat(merit.kind()).isEqualTo(CaseKind.PROCEDURE);
        assertThat(merit.startTier()).isEqualTo(COMMUNE);
        assertThat(merit.route()).containsExactly(COMMUNE, DISTRICT, PROVINCE);
        assertThat(merit.days()).containsExactlyInAnyOrderEntriesOf(Map.of(PROVINCE, 12, DISTRICT, 7, COMMUNE, 5));

        Procedure work = procedure("WORK_INCOMING");
        assertThat(work.kind()).isEqualTo(CaseKind.WORK);
        assertThat(work.startTier()).as("ANY").isNull();
        assertThat(work.route()).as("SELF").isEmpty();
    }

    @Test
    void withThreeTiersARouteVisitsEachOfItsTiers() {
        assertThat(procedure("MERIT_ALLOWANCE").legs(COMMUNE, THREE_TIERS)).containsExactly(
                new Procedure.Leg(COMMUNE, 5), new Procedure.Leg(DISTRICT, 7), new Procedure.Leg(PROVINCE, 12));
        assertThat(procedure("MERIT_ALLOWANCE").totalDays(COMMUNE, THREE_TIERS)).isEqualTo(24);
        assertThat(procedure("BUILDING_PERMIT").legs(DISTRICT, THREE_TIERS))
                .containsExactly(new Procedure.Leg(DISTRICT, 15));
    }

    @Test
    void afterTheReformTheCommuneTakesTheDistrictsLegAndItsDays() {
        assertThat(procedure("MERIT_ALLOWANCE").legs(COMMUNE, TWO_TIERS)).containsExactly(
                new Procedure.Leg(COMMUNE, 12), new Procedure.Leg(PROVINCE, 12));
        assertThat(procedure("SOCIAL_ALLOWANCE").legs(COMMUNE, TWO_TIERS))
                .containsExactly(new Procedure.Leg(COMMUNE, 17));
        assertThat(procedure("BUILDING_PERMIT").legs(COMMUNE, TWO_TIERS))
                .containsExactly(new Procedure.Leg(COMMUNE, 15));
        assertThat(procedure("MERIT_ALLOWANCE").totalDays(COMMUNE, TWO_TIERS))
                .as("the statutory time is kept").isEqualTo(24);
    }

    @Test
    void aWorkFileStaysAtTheUnitThatOpenedItWithThatTiersDays() {
        Procedure work = procedure("WORK_OUTGOING");
        assertThat(work.legs(DISTRICT, THREE_TIERS)).containsExactly(new Procedure.Leg(DISTRICT, 7));
        assertThat(work.legs(PROVINCE, TWO_TIERS)).containsExactly(new Procedure.Leg(PROVINCE, 7));
        assertThat(work.canStartAt(DISTRICT, THREE_TIERS)).isTrue();
        assertThat(work.canStartAt(DISTRICT, TWO_TIERS)).as("no district tier any more").isFalse();
        assertThat(work.receivingTier(TWO_TIERS)).isNull();
        assertThat(ProcedureCatalogue.receivingTiers(work, TWO_TIERS)).containsExactlyElementsOf(TWO_TIERS);
    }

    @Test
    void theReceivingTierFollowsTheReform() {
        Procedure permit = procedure("BUILDING_PERMIT");
        assertThat(permit.receivingTier(THREE_TIERS)).isEqualTo(DISTRICT);
        assertThat(permit.receivingTier(TWO_TIERS)).isEqualTo(COMMUNE);
        assertThat(permit.canStartAt(DISTRICT, THREE_TIERS)).isTrue();
        assertThat(permit.canStartAt(COMMUNE, THREE_TIERS)).isFalse();
        assertThat(permit.canStartAt(COMMUNE, TWO_TIERS)).isTrue();
        assertThat(procedure("ENTERPRISE_REG").canStartAt(PROVINCE, TWO_TIERS)).isTrue();
        assertThat(ProcedureCatalogue.receivingTiers(permit, TWO_TIERS)).containsExactly(COMMUNE);
    }
}
