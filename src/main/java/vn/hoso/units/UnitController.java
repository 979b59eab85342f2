package vn.hoso.units;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.hoso.platform.DomainProblem;
import vn.hoso.platform.NotFound;

@RestController
@RequestMapping("/api")
class UnitController {

    private final UnitRegistry registry;
    private final ZoneId businessZone;

    UnitController(UnitRegistry registry, ZoneId businessZone) {
        this.registry = registry;
        this.businessZone = businessZone;
    }

    record UnitView(String code, String name, String type, Tier tier, String parentCode, LocalDate validFrom,
                    LocalDate validTo) {
        static UnitView of(Unit u) {
            return new UnitView(u.code(), u.name(), u.type(), u.tier(), u.parentCode(), u.validFrom(), u.validTo());
        }
    }

    record UnitDetail(String code, String name, String type, Tier tier, String parentCode, LocalDate validFrom,
                      LocalDate validTo, List<Succession> successors, List<Succession> predecessors,
                      List<UnitView> history) {
    }

    record TargetsView(LocalDate date, List<Tier> tiers, List<OnlineTarget> targets) {
    }

    @GetMapping("/units")
    List<UnitView> units(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                         @RequestParam(required = false) Tier tier,
                         @RequestParam(required = false) String parent) {
        return registry.unitsOn(orToday(date), tier, parent).stream().map(UnitView::of).toList();
    }

    @GetMapping("/units/{code}")
    UnitDetail unit(@PathVariable String code,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        LocalDate day = orToday(date);
        Unit u = registry.unitOn(code, day).orElseThrow(() -> notFound(code, day));
        return new UnitDetail(u.code(), u.name(), u.type(), u.tier(), u.parentCode(), u.validFrom(), u.validTo(),
                registry.successorsOf(u), registry.predecessorsOf(u),
                registry.history(code).stream().map(UnitView::of).toList());
    }

    @GetMapping("/targets")
    TargetsView targets(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        LocalDate day = orToday(date);
        return new TargetsView(day, registry.tiersOn(day), registry.targetsOn(day));
    }

    private LocalDate orToday(LocalDate date) {
        return date != null ? date : LocalDate.now(businessZone);
    }

    private static DomainProblem notFound(String code, LocalDate date) {
        return new NotFound("Unknown unit", "No unit with code '" + code + "' is valid on " + date + ".")
                .with("code", code).with("date", date);
    }
}
