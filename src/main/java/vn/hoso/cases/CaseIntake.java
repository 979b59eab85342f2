package vn.hoso.cases;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hoso.calendar.WorkingCalendar;
import vn.hoso.events.CaseReceived;
import vn.hoso.events.Channel;
import vn.hoso.identity.CurrentUser;
import vn.hoso.identity.Groups;
import vn.hoso.platform.BusinessClock;
import vn.hoso.platform.EngineAsSystem;
import vn.hoso.platform.Forbidden;
import vn.hoso.platform.InvalidRequest.FieldError;
import vn.hoso.procedures.CaseKind;
import vn.hoso.procedures.Procedure;
import vn.hoso.procedures.ProcedureCatalogue;
import vn.hoso.units.Unit;
import vn.hoso.units.UnitRegistry;

/**
 * Receives a case file (POST /api/cases): validates everything before anything is written, then, in one
 * transaction, stores the case, starts its process instance (business key = caseId) and records
 * {@code vn.hoso.case.received}.
 */
@Service
public class CaseIntake {

    static final LocalDate EARLIEST = LocalDate.of(2021, 1, 1);
    private static final Pattern UNIT_CODE = Pattern.compile("\\d{1,10}");
    private static final Pattern ID_NUMBER = Pattern.compile("\\d{12}");
    private static final DateTimeFormatter CODE_DATE = DateTimeFormatter.ofPattern("yyMMdd");

    /** The answer to intake; {@code extra} holds the fields {@link IntakeExtension}s add (e.g. the lookup PIN). */
    public record Received(UUID caseId, String code, CaseStatus status, LocalDate dueDate,
                           @JsonIgnore Map<String, Object> extra) {

        public Received(UUID caseId, String code, CaseStatus status, LocalDate dueDate) {
            this(caseId, code, status, dueDate, Map.of());
        }

        @JsonAnyGetter
        public Map<String, Object> extraFields() {
            return extra;
        }
    }

    private record Valid(CaseKind kind, Procedure procedure, Unit unit, Channel channel, String subject,
                         String applicantName, String applicantIdNumber, OffsetDateTime receivedAt) {
    }

    private final ProcedureCatalogue catalogue;
    private final UnitRegistry units;
    private final RoutePlanner planner;
    private final WorkingCalendar calendar;
    private final CaseStore store;
    private final CaseFlow flow;
    private final RuntimeService runtimeService;
    private final EngineAsSystem engine;
    private final BusinessClock clock;
    private final ObjectProvider<IntakeExtension> extensions;

    CaseIntake(ProcedureCatalogue catalogue, UnitRegistry units, RoutePlanner planner, WorkingCalendar calendar,
               CaseStore store, CaseFlow flow, RuntimeService runtimeService, EngineAsSystem engine,
               BusinessClock clock, ObjectProvider<IntakeExtension> extensions) {
        this.catalogue = catalogue;
        this.units = units;
        this.planner = planner;
        this.calendar = calendar;
        this.store = store;
        this.flow = flow;
        this.runtimeService = runtimeService;
        this.engine = engine;
        this.clock = clock;
        this.extensions = extensions;
    }

    @Transactional
    public Received receive(JsonNode body, CurrentUser caller) {
        Valid v = validate(body);
        if (!caller.isAdmin() && !caller.groups().contains(Groups.officers(v.unit().code()))) {
            throw new Forbidden(null, "Only officers of unit " + v.unit().code() + " may receive case files there.");
        }
        LocalDate day = v.receivedAt().toLocalDate();
        Route route = planner.plan(v.procedure(), v.unit(), day);
        LocalDate dueDate = Deadlines.dueDate(calendar, v.receivedAt().toLocalDateTime(), route.totalDays());
        UUID caseId = UUID.randomUUID();
        String code = v.unit().code() + "-" + CODE_DATE.format(day) + "-"
                + String.format("%04d", store.nextSequence(v.unit().code(), day));

        store.insert(caseId, code, v.kind(), v.procedure().code(), v.subject(), v.applicantName(),
                v.applicantIdNumber(), v.channel(), v.unit().code(), v.unit().tier(), v.receivedAt(), dueDate,
                route.encode(), caller.userId());

        flow.append(v.receivedAt(), new CaseReceived(caseId.toString(), code, v.kind(), v.procedure().code(),
                v.unit().code(), v.unit().tier(), v.channel(), v.receivedAt(), dueDate));

        // the process instance carries no variables: everything the workflow needs is read from the case tables
        engine.run(() -> runtimeService.createProcessInstanceByKey(CaseModel.CASE_PROCESS)
                .businessKey(caseId.toString()).execute());
        var receivedCase = new IntakeExtension.ReceivedCase(caseId, code, v.kind(), v.procedure().code(),
                v.unit().code(), v.receivedAt(), dueDate);
        Map<String, Object> extra = new LinkedHashMap<>();
        extensions.orderedStream().forEach(x -> extra.putAll(x.received(receivedCase, body)));
        return new Received(caseId, code, store.state(caseId).status(), dueDate,
                java.util.Collections.unmodifiableMap(extra));
    }

    private Valid validate(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw new InvalidCaseRequest(List.of(error("", "The body must be a JSON object.")));
        }
        CaseKind kind = enumField(body, "kind", errors, CaseKind.class);
        String procedureCode = text(body, "procedureCode", 40, true, errors);
        String unitCode = text(body, "receivingUnit", 10, true, errors);
        if (unitCode != null && !UNIT_CODE.matcher(unitCode).matches()) {
            errors.add(error("receivingUnit", "An official unit code is 1 to 10 digits."));
            unitCode = null;
        }
        Channel channel = enumField(body, "channel", errors, Channel.class);
        String subject = text(body, "subject", 500, true, errors);
        OffsetDateTime receivedAt = receivedAt(body, errors);

        String applicantName = null;
        String applicantId = null;
        JsonNode applicant = body.get("applicant");
        boolean hasApplicant = applicant != null && !applicant.isNull();
        if (kind == CaseKind.PROCEDURE && !hasApplicant) {
            errors.add(error("applicant", "A procedure dossier needs its applicant (name, idNumber)."));
        } else if (kind == CaseKind.WORK && hasApplicant) {
            errors.add(error("applicant", "A work file has no applicant; personal data is not stored for it."));
        } else if (hasApplicant) {
            if (!applicant.isObject()) {
                errors.add(error("applicant", "Must be an object with name and idNumber."));
            } else {
                applicantName = text(applicant, "name", 200, true, errors, "applicant.name");
                applicantId = text(applicant, "idNumber", 12, true, errors, "applicant.idNumber");
                if (applicantId != null && !ID_NUMBER.matcher(applicantId).matches()) {
                    errors.add(error("applicant.idNumber", "A citizen id number is exactly 12 digits."));
                }
            }
        }

        Procedure procedure = null;
        if (procedureCode != null) {
            // the version of the procedure in force on the receiving day (its time limit and legal basis)
            procedure = catalogue.find(procedureCode).orElse(null);
            if (procedure == null) {
                errors.add(error("procedureCode", "Unknown procedure '" + procedureCode
                        + "' (GET /api/procedures lists them)."));
            } else if (receivedAt != null
                    && catalogue.find(procedureCode, receivedAt.toLocalDate()).isEmpty()) {
                errors.add(error("procedureCode", "Procedure " + procedureCode + " is not in force on "
                        + receivedAt.toLocalDate() + " (GET /api/procedures?date= lists those that are)."));
                procedure = null;
            } else if (receivedAt != null) {
                procedure = catalogue.find(procedureCode, receivedAt.toLocalDate()).orElseThrow();
            }
            if (procedure != null && kind != null && procedure.kind() != kind) {
                errors.add(error("kind", "Procedure " + procedureCode + " is of kind " + procedure.kind() + "."));
            }
        }
        Unit unit = null;
        if (unitCode != null && receivedAt != null) {
            LocalDate day = receivedAt.toLocalDate();
            Optional<Unit> found = units.unitOn(unitCode, day);
            if (found.isEmpty()) {
                errors.add(error("receivingUnit", "No unit " + unitCode + " is valid on " + day + "."));
            } else {
                unit = found.get();
                if (procedure != null && !procedure.canStartAt(unit.tier(), units.tiersOn(day))) {
                    errors.add(error("receivingUnit", "Procedure " + procedure.code() + " cannot be received at a "
                            + unit.tier() + " unit on " + day + "."));
                }
            }
        }
        CaseKind validKind = kind;
        extensions.orderedStream().forEach(x -> x.validate(body, validKind, errors));
        if (!errors.isEmpty()) {
            throw new InvalidCaseRequest(errors);
        }
        return new Valid(kind, procedure, unit, channel, subject, applicantName, applicantId, receivedAt);
    }

    private OffsetDateTime receivedAt(JsonNode body, List<FieldError> errors) {
        JsonNode node = body.get("receivedAt");
        if (node == null || node.isNull()) {
            return clock.now();
        }
        if (!node.isTextual()) {
            errors.add(error("receivedAt", "Must be an ISO-8601 instant, e.g. 2025-03-14T08:30:00+07:00."));
            return null;
        }
        try {
            Instant instant = OffsetDateTime.parse(node.asText()).toInstant();
            if (instant.isAfter(clock.instant().plus(Duration.ofMinutes(5)))) {
                errors.add(error("receivedAt", "Cannot be in the future."));
                return null;
            }
            OffsetDateTime at = clock.at(instant);
            if (at.toLocalDate().isBefore(EARLIEST)) {
                errors.add(error("receivedAt", "Cases before " + EARLIEST + " cannot be imported."));
                return null;
            }
            return at;
        } catch (DateTimeParseException e) {
            errors.add(error("receivedAt", "Must be an ISO-8601 instant with offset, e.g. 2025-03-14T08:30:00+07:00."));
            return null;
        }
    }

    private static <E extends Enum<E>> E enumField(JsonNode body, String field, List<FieldError> errors,
                                                   Class<E> type) {
        String value = text(body, field, 20, true, errors);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            errors.add(error(field, "Must be one of " + java.util.Arrays.toString(type.getEnumConstants()) + "."));
            return null;
        }
    }

    private static String text(JsonNode body, String field, int max, boolean required,
                               List<FieldError> errors) {
        return text(body, field, max, required, errors, field);
    }

    private static String text(JsonNode body, String field, int max, boolean required,
                               List<FieldError> errors, String path) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                errors.add(error(path, "Required."));
            }
            return null;
        }
        if (!node.isTextual()) {
            errors.add(error(path, "Must be a string."));
            return null;
        }
        String value = node.asText().strip();
        if (value.isEmpty()) {
            errors.add(error(path, "Must not be blank."));
            return null;
        }
        if (value.length() > max) {
            errors.add(error(path, "At most " + max + " characters."));
            return null;
        }
        if (value.chars().anyMatch(c -> c < 0x20 && c != '\t')) {
            errors.add(error(path, "Must not contain control characters."));
            return null;
        }
        return value;
    }

    private static FieldError error(String field, String message) {
        return new FieldError(field, message);
    }
}
