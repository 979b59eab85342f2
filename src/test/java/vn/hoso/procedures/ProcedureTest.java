package vn.hoso.procedures;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

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

    static List<Procedure> versions;
    /** The catalogue in force on 2026-01-01. */
    static Map<String, Procedure> catalogue;

    @BeforeAll
    static void readTheDeployedTable() throws Exception {
        try (InputStream dmn = ProcedureTest.class.getResourceAsStream("/bpmn/procedure-catalogue.dmn")) {
            versions = ProcedureCatalogue.parse(Dmn.readModelFromStream(dmn));
        }
        catalogue = ProcedureCatalogue.inForce(versions, LocalDate.parse("2026-01-01")).stream()
                .collect(Collectors.toMap(Procedure::code, Function.identity()));
    }

    static Procedure procedure(String code) {
        return catalogue.get(code);
    }

    @Test
    void theTableIsReadRuleByRule() {
        assertThat(catalogue).hasSize(13).containsKeys("BIRTH_REG", "MERIT_ALLOWANCE", "WORK_INCOMING");
        Procedure merit = procedure("MERIT_ALLOWANCE");
        assertThat(merit.name()).as("one procedure of Nghị định 131/2021/NĐ-CP, not the umbrella 'ưu đãi người có công'")
                .isEqualTo("Giải quyết chế độ trợ cấp thờ cúng liệt sĩ");
        assertThat(merit.legalBasis()).startsWith("Nghị định 131/2021/NĐ-CP");
        assertThat(merit.kind()).isEqualTo(CaseKind.PROCEDURE);
        assertThat(merit.startTier()).isEqualTo(COMMUNE);
        assertThat(merit.route()).containsExactly(COMMUNE, DISTRICT, PROVINCE);
        assertThat(merit.days()).containsExactlyInAnyOrderEntriesOf(Map.of(PROVINCE, 12, DISTRICT, 7, COMMUNE, 5));

        Procedure work = procedure("WORK_INCOMING");
        assertThat(work.kind()).isEqualTo(CaseKind.WORK);
        assertThat(work.startTier()).as("ANY").isNull();
        assertThat(work.route()).as("SELF").isEmpty();
        assertThat(work.nationalCode()).as("a work file is no TTHC").isNull();
        assertThat(work.legalBasis()).startsWith("Định mức riêng của tỉnh");
        assertThat(work.name()).contains("định mức riêng của tỉnh");
    }

    @Test
    void everyVersionCarriesTheLegalBasisOfItsLimit() {
        assertThat(versions).allSatisfy(p -> assertThat(p.legalBasis()).as(p.code()).isNotBlank());
        assertThat(procedure("BIRTH_REG").nationalCode()).isEqualTo("1.001193");
        assertThat(procedure("BIRTH_REG").legalBasis()).startsWith("Luật Hộ tịch 2014, Điều 16");
        assertThat(procedure("ENTERPRISE_REG").legalBasis()).startsWith("Luật Doanh nghiệp 2020, Điều 26");
        assertThat(procedure("ENTERPRISE_REG").nationalCode()).as("not confirmed offline: left empty").isNull();
    }

    @Test
    void sameDayRegistrationsHaveALimitOfZeroDays() {
        for (String code : List.of("BIRTH_REG", "DEATH_REG", "MARRIAGE_REG", "CERT_COPY")) {
            assertThat(procedure(code).totalDays(COMMUNE, THREE_TIERS)).as(code).isZero();
        }
    }

    @Test
    void landRegistrationHasTwoVersionsChangingOn2024_08_01() {
        List<Procedure> land = versions.stream().filter(p -> p.code().equals("LAND_FIRST_CERT")).toList();
        assertThat(land).hasSize(2);
        assertThat(land.get(0).validFrom()).isNull();
        assertThat(land.get(0).validTo()).isEqualTo(LocalDate.parse("2024-08-01"));
        assertThat(land.get(1).validFrom()).as("adjacent periods").isEqualTo(land.get(0).validTo());
        assertThat(land.get(1).validTo()).isNull();

        Procedure before = land(LocalDate.parse("2024-07-31"));
        Procedure after = land(LocalDate.parse("2024-08-01"));
        assertThat(before.totalDays(COMMUNE, THREE_TIERS)).isEqualTo(30);
        assertThat(before.legalBasis()).startsWith("Nghị định 43/2014/NĐ-CP, Điều 61");
        assertThat(after.totalDays(COMMUNE, THREE_TIERS)).isEqualTo(20);
        assertThat(after.legalBasis()).contains("Nghị định 101/2024/NĐ-CP, Điều 22");
        assertThat(ProcedureCatalogue.latest(versions)).filteredOn(p -> p.code().equals("LAND_FIRST_CERT"))
                .containsExactly(after);
        assertThat(ProcedureCatalogue.inForce(versions, LocalDate.parse("2024-07-31")))
                .as("one version per code on any day").hasSize(13);
    }

    private static Procedure land(LocalDate day) {
        return ProcedureCatalogue.inForce(versions, day).stream().filter(p -> p.code().equals("LAND_FIRST_CERT"))
                .findFirst().orElseThrow();
    }

    @Test
    void aValidityPeriodIsReadFromTheFeelTestOnTheReceivingDay() {
        assertThat(ProcedureCatalogue.period("X", "-")).containsExactly(null, null);
        assertThat(ProcedureCatalogue.period("X", " ")).containsExactly(null, null);
        assertThat(ProcedureCatalogue.period("X", ">= date(\"2024-08-01\")"))
                .containsExactly(LocalDate.parse("2024-08-01"), null);
        assertThat(ProcedureCatalogue.period("X", "< date(\"2024-08-01\")"))
                .containsExactly(null, LocalDate.parse("2024-08-01"));
        assertThat(ProcedureCatalogue.period("X", "[date(\"2021-01-01\")..date(\"2024-08-01\"))"))
                .containsExactly(LocalDate.parse("2021-01-01"), LocalDate.parse("2024-08-01"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ProcedureCatalogue.period("X", "> date(\"2024-08-01\")"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("X");
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
