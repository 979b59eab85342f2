package vn.hoso.citizens.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.hoso.cases.CaseFile;
import vn.hoso.cases.CaseFiles;
import vn.hoso.citizens.CitizensProperties;
import vn.hoso.citizens.Receipts;
import vn.hoso.identity.CurrentUser;
import vn.hoso.identity.Groups;
import vn.hoso.platform.BusinessClock;
import vn.hoso.platform.Conflict;
import vn.hoso.platform.Forbidden;
import vn.hoso.platform.InvalidRequest;
import vn.hoso.platform.NotFound;
import vn.hoso.documents.CaseDocuments;
import vn.hoso.procedures.CaseKind;
import vn.hoso.procedures.Procedure;
import vn.hoso.procedures.ProcedureCatalogue;
import vn.hoso.procedures.ProcedureComponent;
import vn.hoso.procedures.ProcedureComponents;
import vn.hoso.units.Unit;
import vn.hoso.units.UnitRegistry;

/**
 * The receipt Mẫu 01 of a procedure dossier, {@code GET /api/cases/{caseId}/receipt?pin=}, and a new lookup PIN,
 * {@code POST /api/cases/{caseId}/lookup-pin}: for the officers of the receiving unit only (the one-stop shop that
 * hands the receipt over), nobody else, administrators included. The PIN is kept only hashed, so the receipt prints
 * it when the officer passes it (intake answers it together with the receipt's link); without it the receipt says
 * where to get a new one.
 */
@RestController
class ReceiptController implements Receipts {

    static final MediaType PDF = MediaType.APPLICATION_PDF;

    private final CaseFiles cases;
    private final LookupPins pins;
    private final UnitRegistry units;
    private final ProcedureCatalogue catalogue;
    private final CitizensProperties properties;
    private final BusinessClock clock;
    private final CaseDocuments documents;
    private final ProcedureComponents componentNames;

    ReceiptController(CaseFiles cases, LookupPins pins, UnitRegistry units, ProcedureCatalogue catalogue,
                      CitizensProperties properties, BusinessClock clock, CaseDocuments documents,
                      ProcedureComponents componentNames) {
        this.cases = cases;
        this.pins = pins;
        this.units = units;
        this.catalogue = catalogue;
        this.properties = properties;
        this.clock = clock;
        this.documents = documents;
        this.componentNames = componentNames;
    }

    @GetMapping("/api/cases/{caseId}/receipt")
    ResponseEntity<byte[]> receipt(@PathVariable String caseId, @RequestParam(required = false) String pin) {
        return response(receipt(caseId, pin, CurrentUser.fromSecurityContext()));
    }

    /** The PDF as an answer: inline, never cached. */
    static ResponseEntity<byte[]> response(Pdf pdf) {
        return ResponseEntity.ok()
                .contentType(PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(pdf.fileName()).build()
                        .toString())
                .cacheControl(CacheControl.noStore())
                .body(pdf.bytes());
    }

    @Override
    public Pdf receipt(String caseId, String pin, CurrentUser user) {
        CaseFile file = receivingOfficersCase(caseId, user);
        if (pin != null && !pins.matches(file.caseId(), pin)) {
            throw new InvalidRequest(null, "This is not the case's current lookup PIN (POST /api/cases/" + caseId
                    + "/lookup-pin gives a new one).");
        }
        LocalDate day = file.receivedAt().toLocalDate();
        Unit unit = units.unitOn(file.receivingUnit(), day).orElse(null);
        String unitName = unit == null ? file.receivingUnit() : unit.name();
        String parentName = unit == null || unit.parentCode() == null ? null
                : units.unitOn(unit.parentCode(), day).map(Unit::name).orElse(null);
        String procedureName = catalogue.find(file.procedureCode()).map(Procedure::name).orElse(file.procedureCode());
        String formattedPin = pin == null ? null : LookupPins.format(LookupPins.normalize(pin));
        List<String> components = documents.components(file.caseId()).stream()
                .filter(c -> !ProcedureComponent.RESULT.code().equals(c))
                .map(c -> componentNames.find(file.procedureCode(), c).map(ProcedureComponent::name).orElse(c))
                .toList();
        byte[] pdf = ReceiptPdf.render(new ReceiptPdf.Receipt(unitName, parentName, file.code(), procedureName,
                components, file.applicant() == null ? null : file.applicant().name(), file.receivedAt(), file.dueDate(),
                formattedPin, lookupLink(properties, file.code(), formattedPin), properties.lookupPage()));
        return new Pdf("giay-tiep-nhan-" + file.code() + ".pdf", pdf);
    }

    @PostMapping("/api/cases/{caseId}/lookup-pin")
    @Transactional
    Map<String, Object> newPin(@PathVariable String caseId) {
        CaseFile file = receivingOfficersCase(caseId, CurrentUser.fromSecurityContext());
        String pin = pins.issue(file.caseId(), file.code(), clock.now());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("pin", pin);
        answer.put("receipt", "/api/cases/" + file.caseId() + "/receipt?pin=" + pin);
        return answer;
    }

    /** The link of the receipt's QR code: the lookup page with the code filled in (and the PIN, in the fragment). */
    static String lookupLink(CitizensProperties properties, String code, String pin) {
        String link = properties.lookupPage() + "?code=" + URLEncoder.encode(code, StandardCharsets.UTF_8);
        return pin == null ? link : link + "#pin=" + pin;
    }

    private CaseFile receivingOfficersCase(String caseId, CurrentUser user) {
        UUID id;
        try {
            id = UUID.fromString(caseId);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest(null, "A caseId is a UUID.");
        }
        CaseFile file = cases.find(id).orElseThrow(() -> new NotFound(null, "No case " + caseId + "."));
        if (user == null || !user.groups().contains(Groups.officers(file.receivingUnit()))) {
            throw new Forbidden(null, "Only the officers of the receiving unit " + file.receivingUnit()
                    + " hand out the receipt of case " + caseId + ".");
        }
        if (file.kind() != CaseKind.PROCEDURE) {
            throw new Conflict(null, "A work file has no receipt and no public lookup.");
        }
        return file;
    }
}
