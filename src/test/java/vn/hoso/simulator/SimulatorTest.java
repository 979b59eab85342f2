package vn.hoso.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.hoso.cases.CaseFile;
import vn.hoso.cases.CaseFiles;
import vn.hoso.cases.CaseStatus;
import vn.hoso.events.CaseEventLog;
import vn.hoso.infra.Http;
import vn.hoso.infra.IntegrationTest;
import vn.hoso.procedures.CaseKind;
import vn.hoso.procedures.Procedure;
import vn.hoso.procedures.ProcedureCatalogue;
import vn.hoso.rollup.RollupQueries.UnitFigures;
import vn.hoso.units.Tier;
import vn.hoso.units.UnitRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The simulator plans deterministically and drives its cases through the real intake, engine, event log and rollup.
 * It writes June 2021 at two communes of Thanh Miện (and the district and province their routes reach), which no
 * other test uses.
 */
@IntegrationTest
class SimulatorTest {

    static final String TOWN = "11239";   // Thị trấn Thanh Miện: works electronically
    static final String VILLAGE = "11245"; // Xã Phạm Kha: mostly on paper, often late
    static final Set<CaseStatus> TERMINAL = Set.of(CaseStatus.RETURNED, CaseStatus.REJECTED, CaseStatus.WITHDRAWN);
    /** A work file has nobody to return its result to: issued is its end. */
    static final Set<CaseStatus> TERMINAL_WORK = Set.of(CaseStatus.FINISHED, CaseStatus.RETURNED, CaseStatus.REJECTED,
            CaseStatus.WITHDRAWN);

    @LocalServerPort
    int port;
    @Autowired
    Simulations simulations;
    @Autowired
    CaseFiles caseFiles;
    @Autowired
    CaseEventLog eventLog;
    @Autowired
    UnitRegistry registry;
    @Autowired
    ProcedureCatalogue catalogue;

    @Test
    void theSameSeedGivesTheSamePlanAndThePlanLooksLikeAProvince() {
        Scenario half = new Scenario(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 30), 42, 1500);
        SimulationPlan plan = simulations.plan(half);
        assertThat(simulations.plan(half)).isEqualTo(plan);
        SimulationPlan other = simulations.plan(new Scenario(half.from(), half.to(), 43, 1500));
        assertThat(other.cases()).isNotEqualTo(plan.cases());

        List<PlannedCase> cases = plan.cases();
        assertThat(cases).hasSize(1500);
        assertThat(cases).isSortedAccordingTo((a, b) -> a.receivedAt().compareTo(b.receivedAt()));
        Map<String, Procedure> procedures = catalogue.all().stream()
                .collect(Collectors.toMap(Procedure::code, p -> p));
        List<Tier> tiers = registry.tiersOn(half.from());
        assertThat(registry.tiersOn(half.to())).isEqualTo(tiers);
        Set<String> units = registry.unitsOn(half.from(), null, null).stream().map(u -> u.code())
                .collect(Collectors.toSet());
        assertThat(cases).allSatisfy(c -> {
            assertThat(units).contains(c.unitCode());
            assertThat(procedures.get(c.procedureCode()).canStartAt(c.tier(), tiers))
                    .as("case %d: %s at %s", c.no(), c.procedureCode(), c.tier()).isTrue();
            assertThat(c.receivedAt().getHour()).isBetween(7, 16);
            assertThat(c.kind() == CaseKind.PROCEDURE).isEqualTo(c.applicantIdNumber() != null);
        });
        assertThat(cases.stream().map(PlannedCase::channel).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("ONLINE", "IN_PERSON", "POST");
        assertThat(cases.stream().map(PlannedCase::tier).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(Tier.PROVINCE, Tier.DISTRICT, Tier.COMMUNE);

        // a ward receives more than a rural commune, on average
        Map<String, Long> perUnit = cases.stream().collect(Collectors.groupingBy(PlannedCase::unitCode,
                Collectors.counting()));
        assertThat(averagePerUnit(plan, perUnit, "Phường")).isGreaterThan(1.8 * averagePerUnit(plan, perUnit, "Xã"));
        // the paper/electronic mix differs by unit, so that some communes are above the 70 % target and some below
        List<Double> communes = plan.profiles().values().stream().filter(p -> p.tier() == Tier.COMMUNE)
                .map(UnitProfile::onlineShare).toList();
        assertThat(communes).anyMatch(s -> s >= 0.75).anyMatch(s -> s < 0.65);
    }

    private static double averagePerUnit(SimulationPlan plan, Map<String, Long> perUnit, String type) {
        List<String> units = plan.profiles().values().stream()
                .filter(p -> p.tier() == Tier.COMMUNE && p.type().equals(type)).map(UnitProfile::code).toList();
        return units.stream().mapToLong(u -> perUnit.getOrDefault(u, 0L)).sum() / (double) units.size();
    }

    @Test
    void aSmallSimulationGoesThroughIntakeEngineEventsAndRollups() {
        Scenario scenario = new Scenario(LocalDate.of(2021, 6, 7), LocalDate.of(2021, 6, 18), 7, 48,
                List.of(TOWN, VILLAGE), Map.of(TOWN, 1.0, VILLAGE, 0.25), Map.of(TOWN, 0.0, VILLAGE, 0.4));
        SimulationOutcome outcome = simulations.simulate(scenario, Instant.now());
        SimulationReport report = outcome.report();

        assertThat(report.errors()).as("%s", report.failures()).isZero();
        assertThat(report.received()).isEqualTo(48);
        assertThat(report.caseIds()).hasSize(48);
        assertThat(outcome.caughtUp()).isTrue();

        Map<String, int[]> segments = new HashMap<>(); // unit → {segments, processed online}, from the case tables
        long late = 0;
        long events = 0;
        for (UUID id : report.caseIds()) {
            CaseFile file = caseFiles.find(id).orElseThrow();
            assertThat(file.status()).as("case %s", file.code())
                    .isIn(file.kind() == CaseKind.WORK ? TERMINAL_WORK : TERMINAL);
            assertThat(file.segments()).allSatisfy(s -> assertThat(s.closedAt()).isNotNull());
            assertThat(file.receivedAt().toLocalDate()).isBetween(scenario.from(), scenario.to());
            var chain = eventLog.verify(id.toString());
            assertThat(chain.valid()).as("chain of %s: %s", file.code(), chain.reason()).isTrue();
            events += chain.events();
            late += "LATE".equals(file.timeliness()) ? 1 : 0;
            for (CaseFile.Segment s : file.segments()) {
                int[] n = segments.computeIfAbsent(s.unitCode(), u -> new int[2]);
                n[0]++;
                n[1] += s.processedOnline() ? 1 : 0;
            }
        }
        assertThat(report.events()).isEqualTo(events);
        // the simulated dossiers have generated papers (GeneratedPapers), recorded in their chains
        assertThat(report.eventsByType()).containsKey(vn.hoso.events.CaseEventTypes.DOCUMENT_ATTACHED);
        assertThat(late).as("some cases are late").isPositive();
        assertThat(segments).containsKeys(TOWN, VILLAGE);

        Http http = new Http(port);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (var unit : segments.entrySet()) {
                var response = http.get("/api/rollups/units?unit=" + unit.getKey() + "&from=" + outcome.from()
                        + "&to=" + outcome.to(), "auditor");
                assertThat(response.statusCode()).isEqualTo(200);
                JsonNode rows = Http.json(response);
                long rolled = 0;
                long online = 0;
                for (JsonNode row : rows) {
                    rolled += row.path("segments").asLong();
                    online += row.path("processedOnline").asLong();
                }
                assertThat(new long[]{rolled, online}).as("rollup of unit %s", unit.getKey())
                        .containsExactly(unit.getValue()[0], unit.getValue()[1]);
            }
        });
        Map<String, UnitFigures> byUnit = outcome.units().stream().filter(u -> segments.containsKey(u.unitCode()))
                .collect(Collectors.toMap(UnitFigures::unitCode, u -> u));
        assertThat(byUnit.get(TOWN).met()).as("%s", byUnit.get(TOWN)).isTrue();
        assertThat(byUnit.get(VILLAGE).met()).as("%s", byUnit.get(VILLAGE)).isFalse();
    }

    @Test
    void theSameSeedDrivesTheSameCasesTheSameWay() {
        // July 2021 at two other communes of Thanh Miện, run twice: every case takes the same path at the same times
        Scenario scenario = new Scenario(LocalDate.of(2021, 7, 5), LocalDate.of(2021, 7, 9), 11, 12,
                List.of("11248", "11251"), Map.of(), Map.of("11251", 0.5));
        Instant horizon = Instant.now();
        List<String> first = fingerprints(simulations.simulate(scenario, horizon).report());
        List<String> second = fingerprints(simulations.simulate(scenario, horizon).report());
        assertThat(first).hasSize(12).doesNotHaveDuplicates();
        assertThat(second).isEqualTo(first);
    }

    /** A case's path without its ids and code (the code's sequence number continues across runs). */
    private List<String> fingerprints(SimulationReport report) {
        return report.caseIds().stream().map(id -> caseFiles.find(id).orElseThrow()).map(c -> String.join("|",
                c.kind().name(), c.procedureCode(), c.channel(), c.receivingUnit(), c.receivedAt().toString(),
                String.valueOf(c.dueDate()), c.status().name(), String.valueOf(c.outcome()),
                String.valueOf(c.timeliness()), String.valueOf(c.resolvedAt()),
                String.valueOf(c.supplementationCount()), String.valueOf(c.apologyIssued()),
                c.segments().stream().map(g -> g.unitCode() + "/" + g.steps() + "/" + g.paperSteps() + "/"
                        + g.processedOnline() + "/" + g.result() + "/" + g.closedAt()).collect(Collectors.joining(",")))
        ).toList();
    }
}
