package vn.hoso.simulator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.springframework.stereotype.Component;
import vn.hoso.calendar.WorkingCalendar;
import vn.hoso.platform.BusinessClock;
import vn.hoso.procedures.CaseKind;
import vn.hoso.procedures.Procedure;
import vn.hoso.procedures.ProcedureCatalogue;
import vn.hoso.units.Tier;
import vn.hoso.units.Unit;
import vn.hoso.units.UnitRegistry;

/**
 * Generates the cases of a scenario, deterministically for its seed: a working day of the period (uniformly), a
 * receiving unit valid that day (in proportion to its volume), a procedure receivable there (by the tier's mix), a
 * channel (by tier; work files arrive electronically as often as the unit works electronically) and a time within
 * office hours. Only reads the registry, the catalogue and the calendar; writes nothing.
 */
@ConditionalOnSimulator
@Component
class SimulationPlanner {

    /** Relative frequency of each procedure among those a unit can receive; others weigh {@link #OTHER}. */
    static final Map<String, Integer> MIX = Map.ofEntries(
            Map.entry("BIRTH_REG", 18), Map.entry("DEATH_REG", 6), Map.entry("MARRIAGE_REG", 6),
            Map.entry("CERT_COPY", 30), Map.entry("SOCIAL_ALLOWANCE", 4), Map.entry("LAND_FIRST_CERT", 6),
            Map.entry("MERIT_ALLOWANCE", 3), Map.entry("BIZ_HOUSEHOLD", 20), Map.entry("BUILDING_PERMIT", 12),
            Map.entry("ENTERPRISE_REG", 20), Map.entry("CRIMINAL_RECORD", 25), Map.entry("WORK_INCOMING", 12),
            Map.entry("WORK_OUTGOING", 8));
    static final int OTHER = 3;
    /** Share of procedure dossiers submitted online, and by post, per receiving tier. */
    static final Map<Tier, Double> ONLINE_SUBMISSION = Map.of(Tier.PROVINCE, 0.55, Tier.DISTRICT, 0.45,
            Tier.COMMUNE, 0.35);
    static final double POST = 0.04;

    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ",
            "Ngô", "Dương", "Phan"};
    private static final String[] MIDDLE = {"Văn", "Thị", "Đức", "Minh", "Ngọc", "Thu", "Quang", "Thanh"};
    private static final String[] GIVEN = {"An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hùng",
            "Hương", "Lan", "Linh", "Mai", "Nam", "Phương", "Quân", "Sơn", "Thảo", "Trang", "Tuấn", "Yến"};

    private final UnitRegistry registry;
    private final ProcedureCatalogue catalogue;
    private final WorkingCalendar calendar;
    private final BusinessClock clock;

    SimulationPlanner(UnitRegistry registry, ProcedureCatalogue catalogue, WorkingCalendar calendar,
                      BusinessClock clock) {
        this.registry = registry;
        this.catalogue = catalogue;
        this.calendar = calendar;
        this.clock = clock;
    }

    SimulationPlan plan(Scenario scenario) {
        SplittableRandom random = new SplittableRandom(scenario.seed());
        WorkingHours hours = new WorkingHours(calendar, clock.zone());
        List<Procedure> procedures = new ArrayList<>(catalogue.all());
        procedures.sort(Comparator.comparing(Procedure::code));

        List<LocalDate> days = new ArrayList<>();
        Map<LocalDate, List<Unit>> unitsByDay = new HashMap<>();
        Map<String, UnitProfile> profiles = new TreeMap<>();
        Map<LocalDate, List<Tier>> tiersByDay = new HashMap<>();
        for (LocalDate d = scenario.from(); !d.isAfter(scenario.to()); d = d.plusDays(1)) {
            if (!calendar.isWorkingDay(d)) {
                continue;
            }
            List<Unit> valid = registry.unitsOn(d, null, null);
            for (Unit u : valid) {
                profiles.computeIfAbsent(u.code(), c -> UnitProfile.of(u, scenario.seed())
                        .with(scenario.onlineShare().get(c), scenario.lateShare().get(c)));
            }
            List<Unit> receiving = scenario.units().isEmpty() ? valid
                    : valid.stream().filter(u -> scenario.units().contains(u.code())).toList();
            if (!receiving.isEmpty()) {
                days.add(d);
                unitsByDay.put(d, receiving);
                tiersByDay.put(d, registry.tiersOn(d));
            }
        }
        List<PlannedCase> cases = new ArrayList<>();
        if (days.isEmpty()) {
            return new SimulationPlan(scenario, cases, profiles);
        }
        record Draft(int order, PlannedCase c) {
        }
        List<Draft> drafts = new ArrayList<>();
        for (int i = 0; i < scenario.cases(); i++) {
            LocalDate day = days.get(random.nextInt(days.size()));
            List<Unit> units = unitsByDay.get(day);
            Unit unit = pick(units, units.stream().mapToDouble(UnitProfile::volumeOf).toArray(), random);
            List<Tier> tiers = tiersByDay.get(day);
            List<Procedure> receivable = procedures.stream().filter(p -> p.canStartAt(unit.tier(), tiers)).toList();
            Procedure p = pick(receivable,
                    receivable.stream().mapToDouble(x -> MIX.getOrDefault(x.code(), OTHER)).toArray(), random);
            UnitProfile profile = profiles.get(unit.code());
            String channel;
            double u = random.nextDouble();
            if (p.kind() == CaseKind.WORK) {
                channel = u < profile.onlineShare() ? "ONLINE" : "IN_PERSON";
            } else {
                double online = ONLINE_SUBMISSION.get(unit.tier());
                channel = u < online ? "ONLINE" : u < online + POST ? "POST" : "IN_PERSON";
            }
            var at = hours.at(day, random.nextLong(WorkingHours.DAY_SECONDS));
            String name = null;
            String idNumber = null;
            String subject;
            if (p.kind() == CaseKind.PROCEDURE) {
                boolean woman = random.nextBoolean();
                name = FAMILY[random.nextInt(FAMILY.length)] + " " + (woman ? "Thị" : MIDDLE[random.nextInt(MIDDLE.length)])
                        + " " + GIVEN[random.nextInt(GIVEN.length)];
                int born = 1950 + random.nextInt(55);
                // 12-digit citizen id: province 030, gender/century digit, year of birth, 6 digits
                idNumber = "030" + ((born >= 2000 ? 2 : 0) + (woman ? 1 : 0)) + String.format("%02d", born % 100)
                        + String.format("%06d", random.nextInt(1_000_000));
                subject = p.name() + " – " + name;
            } else {
                subject = p.name() + " (văn bản số " + (1 + random.nextInt(999)) + ")";
            }
            drafts.add(new Draft(i, new PlannedCase(0, at, unit.code(), unit.tier(), p.kind(), p.code(), channel,
                    subject, name, idNumber, random.nextLong())));
        }
        drafts.sort(Comparator.comparing((Draft d) -> d.c().receivedAt().toInstant())
                .thenComparingInt(Draft::order));
        for (Draft d : drafts) {
            PlannedCase c = d.c();
            cases.add(new PlannedCase(cases.size() + 1, c.receivedAt(), c.unitCode(), c.tier(), c.kind(),
                    c.procedureCode(), c.channel(), c.subject(), c.applicantName(), c.applicantIdNumber(), c.seed()));
        }
        return new SimulationPlan(scenario, cases, new LinkedHashMap<>(profiles));
    }

    private static <T> T pick(List<T> items, double[] weights, SplittableRandom random) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = random.nextDouble(total);
        for (int i = 0; i < items.size(); i++) {
            x -= weights[i];
            if (x < 0) {
                return items.get(i);
            }
        }
        return items.get(items.size() - 1);
    }
}
