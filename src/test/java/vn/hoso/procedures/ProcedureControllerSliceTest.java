package vn.hoso.procedures;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.camunda.bpm.model.dmn.Dmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import vn.hoso.identity.ApiSecurityForSlices;
import vn.hoso.units.Tier;
import vn.hoso.units.UnitRegistry;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code /api/procedures} in a web slice: the catalogue read from the deployed DMN table, the tiers in force stubbed
 * (three before 2025-07-01, two from then), behind the application's real API security.
 */
@Tag("fast")
// the tests' settings (their demo credentials): the application refuses to start without them
@ActiveProfiles({"dev", "test"})
@WebMvcTest(ProcedureController.class)
@Import({ApiSecurityForSlices.class, ProcedureControllerSliceTest.BusinessZone.class})
class ProcedureControllerSliceTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class BusinessZone {
        @Bean
        ZoneId businessZone() {
            return ZoneId.of("Asia/Ho_Chi_Minh");
        }
    }

    static final LocalDate REFORM = LocalDate.parse("2025-07-01");

    @Autowired
    MockMvc mvc;
    @MockitoBean
    ProcedureCatalogue catalogue;
    @MockitoBean
    UnitRegistry units;
    @MockitoBean
    ProcedureComponents components;

    @BeforeEach
    void theDeployedCatalogueAndTheTiersInForce() throws Exception {
        try (InputStream dmn = getClass().getResourceAsStream("/bpmn/procedure-catalogue.dmn")) {
            List<Procedure> versions = ProcedureCatalogue.parse(Dmn.readModelFromStream(dmn));
            when(catalogue.all(any())).thenAnswer(call -> ProcedureCatalogue.inForce(versions,
                    call.<LocalDate>getArgument(0)));
        }
        try (InputStream dmn = getClass().getResourceAsStream("/bpmn/procedure-components.dmn")) {
            var parsed = ProcedureComponents.parse(Dmn.readModelFromStream(dmn));
            when(components.of(any())).thenAnswer(call -> parsed.getOrDefault(call.<String>getArgument(0), List.of()));
        }
        when(units.tiersOn(any())).thenAnswer(call -> call.<LocalDate>getArgument(0).isBefore(REFORM)
                ? List.of(Tier.PROVINCE, Tier.DISTRICT, Tier.COMMUNE) : List.of(Tier.PROVINCE, Tier.COMMUNE));
    }

    @Test
    void theRoutesFollowTheTiersInForceOnTheDate() throws Exception {
        mvc.perform(get("/api/procedures?date=2025-03-01").with(httpBasic("officer.10507", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(13))
                .andExpect(jsonPath("$[?(@.code=='MERIT_ALLOWANCE')].route[*].tier").value(
                        org.hamcrest.Matchers.contains("COMMUNE", "DISTRICT", "PROVINCE")))
                .andExpect(jsonPath("$[?(@.code=='MERIT_ALLOWANCE')].totalDays").value(
                        org.hamcrest.Matchers.contains(24)))
                .andExpect(jsonPath("$[?(@.code=='BUILDING_PERMIT')].receivingTiers[*]").value(
                        org.hamcrest.Matchers.contains("DISTRICT")));
        mvc.perform(get("/api/procedures?date=2026-01-01").with(httpBasic("auditor", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.code=='MERIT_ALLOWANCE')].route[*].tier").value(
                        org.hamcrest.Matchers.contains("COMMUNE", "PROVINCE")))
                .andExpect(jsonPath("$[?(@.code=='MERIT_ALLOWANCE')].route[0].days").value(
                        org.hamcrest.Matchers.contains(12)))
                .andExpect(jsonPath("$[?(@.code=='BUILDING_PERMIT')].receivingTiers[*]").value(
                        org.hamcrest.Matchers.contains("COMMUNE")))
                .andExpect(jsonPath("$[?(@.code=='WORK_INCOMING')].receivingTiers[*]").value(
                        org.hamcrest.Matchers.contains("PROVINCE", "COMMUNE")));
    }

    @Test
    void eachProcedureShowsTheVersionInForceOnTheDateWithItsLegalBasis() throws Exception {
        mvc.perform(get("/api/procedures?date=2024-07-31").with(httpBasic("auditor", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(13))
                .andExpect(jsonPath("$[?(@.code=='LAND_FIRST_CERT')].totalDays").value(
                        org.hamcrest.Matchers.contains(30)))
                .andExpect(jsonPath("$[?(@.code=='LAND_FIRST_CERT')].legalBasis").value(org.hamcrest.Matchers
                        .contains(org.hamcrest.Matchers.startsWith("Nghị định 43/2014/NĐ-CP, Điều 61"))))
                .andExpect(jsonPath("$[?(@.code=='LAND_FIRST_CERT')].validTo").value(
                        org.hamcrest.Matchers.contains("2024-08-01")));
        mvc.perform(get("/api/procedures?date=2024-08-01").with(httpBasic("auditor", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(13))
                .andExpect(jsonPath("$[?(@.code=='LAND_FIRST_CERT')].totalDays").value(
                        org.hamcrest.Matchers.contains(20)))
                .andExpect(jsonPath("$[?(@.code=='LAND_FIRST_CERT')].legalBasis").value(org.hamcrest.Matchers
                        .contains(org.hamcrest.Matchers.containsString("Nghị định 101/2024/NĐ-CP, Điều 22"))))
                .andExpect(jsonPath("$[?(@.code=='LAND_FIRST_CERT')].validFrom").value(
                        org.hamcrest.Matchers.contains("2024-08-01")))
                .andExpect(jsonPath("$[?(@.code=='BIRTH_REG')].nationalCode").value(
                        org.hamcrest.Matchers.contains("1.001193")))
                .andExpect(jsonPath("$[?(@.code=='BIRTH_REG')].totalDays").value(
                        org.hamcrest.Matchers.contains(0)))
                .andExpect(jsonPath("$[?(@.code=='MARRIAGE_REG')].legalBasis").value(org.hamcrest.Matchers
                        .contains(org.hamcrest.Matchers.startsWith("Luật Hộ tịch 2014, Điều 18"))))
                .andExpect(jsonPath("$[?(@.code=='WORK_INCOMING')].legalBasis").value(org.hamcrest.Matchers
                        .contains(org.hamcrest.Matchers.startsWith("Định mức riêng của tỉnh"))))
                .andExpect(jsonPath("$[?(@.code=='WORK_INCOMING')].nationalCode").value(
                        org.hamcrest.Matchers.contains(org.hamcrest.Matchers.nullValue())));
    }

    @Test
    void everyProcedureListsItsDossierComponents() throws Exception {
        mvc.perform(get("/api/procedures?date=2026-01-01").with(httpBasic("officer.10507", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].components.length()").value(
                        org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.greaterThan(0))))
                .andExpect(jsonPath("$[?(@.code=='BIRTH_REG')].components[*].code").value(
                        org.hamcrest.Matchers.contains("TO_KHAI", "GIAY_CHUNG_SINH", "GIAY_TO_TUY_THAN")))
                .andExpect(jsonPath("$[?(@.code=='BIRTH_REG')].components[0].name").value(
                        org.hamcrest.Matchers.contains("Tờ khai đăng ký khai sinh")))
                .andExpect(jsonPath("$[?(@.code=='BIRTH_REG')].components[1].required").value(
                        org.hamcrest.Matchers.contains(true)))
                .andExpect(jsonPath("$[?(@.code=='BIRTH_REG')].components[2].multiple").value(
                        org.hamcrest.Matchers.contains(true)));
    }

    @Test
    void aMalformedDateIs400AndNoCredentials401AsProblems() throws Exception {
        mvc.perform(get("/api/procedures?date=someday").with(httpBasic("officer.10507", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/procedures")).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
