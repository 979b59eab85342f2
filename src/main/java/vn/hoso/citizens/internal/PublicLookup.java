package vn.hoso.citizens.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import vn.hoso.cases.CaseFile;
import vn.hoso.cases.CaseFiles;
import vn.hoso.events.CaseEventData;
import vn.hoso.events.CaseEventLog;
import vn.hoso.events.RecordedEvent;
import vn.hoso.procedures.Procedure;
import vn.hoso.procedures.ProcedureCatalogue;
import vn.hoso.units.Unit;
import vn.hoso.units.UnitRegistry;

/**
 * The public view of a procedure dossier, found by its code and PIN: status, appointment date, what the applicant
 * must do, and a timeline of steps by unit name and date built from the case's event log. Nothing personal (no
 * applicant, no subject, which may name people) and no officer.
 */
@Service
public class PublicLookup {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    /** One line of the timeline. */
    public record Step(LocalDate date, String time, String unit, String text) {
    }

    /** The answer of {@code GET /api/public/cases/{code}}. */
    public record View(String code, String procedure, String receivingUnit, LocalDate receivedOn,
                       LocalDate appointmentDate, String status, String statusText, String action, String actionText,
                       List<Step> timeline) {
    }

    private final LookupPins pins;
    private final CaseFiles cases;
    private final CaseEventLog events;
    private final UnitRegistry units;
    private final ProcedureCatalogue catalogue;

    PublicLookup(LookupPins pins, CaseFiles cases, CaseEventLog events, UnitRegistry units,
                 ProcedureCatalogue catalogue) {
        this.pins = pins;
        this.cases = cases;
        this.events = events;
        this.units = units;
        this.catalogue = catalogue;
    }

    /** The case with this code and PIN; empty for an unknown code and a wrong PIN alike. */
    public Optional<View> find(String code, String pin) {
        return pins.find(code, pin).flatMap(entry -> cases.find(entry.caseId())).map(this::view);
    }

    private View view(CaseFile file) {
        LocalDate receivedOn = file.receivedAt().toLocalDate();
        String receivingUnit = unitName(file.receivingUnit(), receivedOn);
        List<Step> timeline = new ArrayList<>();
        for (RecordedEvent event : events.eventsOf(file.caseId().toString())) {
            var line = CitizenWording.TIMELINE.get(event.type());
            if (line == null) {
                continue;
            }
            LocalDate day = event.time().toLocalDate();
            String text = line.apply(CaseEventData.parse(event.type(), event.data()), code -> unitName(code, day));
            if (text != null) {
                timeline.add(new Step(day, TIME.format(event.time()), unitName(event.unitCode(), day), text));
            }
        }
        String status = file.status().name();
        var action = CitizenWording.action(status, receivingUnit, file.dueDate());
        return new View(file.code(),
                catalogue.find(file.procedureCode()).map(Procedure::name).orElse(file.procedureCode()),
                receivingUnit, receivedOn, file.dueDate(), status, CitizenWording.status(status), action.code(),
                action.text(), timeline);
    }

    private String unitName(String code, LocalDate day) {
        return code == null ? "" : units.unitOn(code, day).map(Unit::name).orElse(code);
    }
}
