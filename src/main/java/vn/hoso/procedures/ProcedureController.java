package vn.hoso.procedures;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.hoso.units.Tier;
import vn.hoso.units.UnitRegistry;

@RestController
class ProcedureController {

    private final ProcedureCatalogue catalogue;
    private final UnitRegistry units;
    private final ZoneId businessZone;
    private final ProcedureComponents components;

    ProcedureController(ProcedureCatalogue catalogue, UnitRegistry units, ZoneId businessZone,
                        ProcedureComponents components) {
        this.components = components;
        this.catalogue = catalogue;
        this.units = units;
        this.businessZone = businessZone;
    }

    record ProcedureView(String code, String name, CaseKind kind, List<Tier> receivingTiers,
                         List<Procedure.Leg> route, int totalDays, Map<Tier, Integer> statutoryDays,
                         List<ProcedureComponent> components, String nationalCode, String legalBasis,
                         LocalDate validFrom, LocalDate validTo) {
    }

    /**
     * The catalogue as it applies on {@code date} (default today): each procedure in the version in force that day
     * (time limit, its legal basis, validity period), the route adapted to the tiers in force.
     */
    @GetMapping("/api/procedures")
    List<ProcedureView> procedures(@RequestParam(required = false)
                                   @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        LocalDate day = date != null ? date : LocalDate.now(businessZone);
        List<Tier> tiers = units.tiersOn(day);
        return catalogue.all(day).stream().map(p -> {
            List<Tier> receiving = ProcedureCatalogue.receivingTiers(p, tiers);
            Tier first = receiving.get(receiving.size() - 1);
            return new ProcedureView(p.code(), p.name(), p.kind(), receiving, p.legs(first, tiers),
                    p.totalDays(first, tiers), p.days(), components.of(p.code()), p.nationalCode(),
                    p.legalBasis(), p.validFrom(), p.validTo());
        }).toList();
    }
}
