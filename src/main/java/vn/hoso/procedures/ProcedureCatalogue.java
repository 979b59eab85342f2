package vn.hoso.procedures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Service;
import vn.hoso.platform.EngineAsSystem;
import vn.hoso.units.Tier;

/**
 * The procedure catalogue, read from the latest deployed version of the DMN decision table
 * {@code procedureCatalogue} (bpmn/procedure-catalogue.dmn): operators change it in Camunda Modeler and redeploy,
 * no build needed. One rule per version of a procedure: the input "Mã thủ tục" is the product's code, the input
 * "Ngày tiếp nhận" ({@code receivedOn}) the validity period of the version as a FEEL test on the receiving day
 * ({@code -} = always, {@code >= date("…")}, {@code < date("…")} or {@code [date("…")..date("…"))}; from inclusive,
 * to exclusive). A case gets the version in force on its receiving day.
 */
@Service
public class ProcedureCatalogue {

    /** The key of the catalogue's decision in the DMN (also listed with the other model ids in cases.CaseModel). */
    public static final String DECISION_KEY = "procedureCatalogue";

    /** The name of the catalogue's date input (the receiving day). */
    static final String RECEIVED_ON = "receivedOn";

    private static final String DATE = "date\\(\\s*\"(\\d{4}-\\d{2}-\\d{2})\"\\s*\\)";
    private static final Pattern FROM = Pattern.compile(">=\\s*" + DATE);
    private static final Pattern TO = Pattern.compile("<\\s*" + DATE);
    private static final Pattern RANGE = Pattern.compile("\\[\\s*" + DATE + "\\s*\\.\\.\\s*" + DATE + "\\s*[)\\[]");

    private final RepositoryService repositoryService;
    private final EngineAsSystem engine;
    private volatile Cached cached;

    private record Cached(String definitionId, List<Procedure> versions) {
    }

    ProcedureCatalogue(RepositoryService repositoryService, EngineAsSystem engine) {
        this.repositoryService = repositoryService;
        this.engine = engine;
    }

    /** Every procedure once, in its latest version (the one with no end, else the latest to start). */
    public List<Procedure> all() {
        return latest(current().versions());
    }

    /** Every procedure in force on {@code day}, in the version in force that day. */
    public List<Procedure> all(LocalDate day) {
        return inForce(current().versions(), day);
    }

    /** Every version of every procedure, in the table's order. */
    public List<Procedure> versions() {
        return current().versions();
    }

    /** A procedure in its latest version (for its name and kind; a case's limits come from {@link #find(String, LocalDate)}). */
    public Optional<Procedure> find(String code) {
        return Optional.ofNullable(code).flatMap(c -> all().stream().filter(p -> p.code().equals(c)).findFirst());
    }

    /** The version of a procedure in force on {@code day} (a case's receiving day), if any. */
    public Optional<Procedure> find(String code, LocalDate day) {
        return Optional.ofNullable(code).flatMap(c -> current().versions().stream()
                .filter(p -> p.code().equals(c) && p.inForceOn(day)).findFirst());
    }

    /** The versions in force on {@code day}, one per code, in the table's order. */
    static List<Procedure> inForce(List<Procedure> versions, LocalDate day) {
        Map<String, Procedure> byCode = new LinkedHashMap<>();
        for (Procedure p : versions) {
            if (p.inForceOn(day)) {
                byCode.putIfAbsent(p.code(), p);
            }
        }
        return List.copyOf(byCode.values());
    }

    /** The latest version of each code, in the order the codes first appear. */
    static List<Procedure> latest(List<Procedure> versions) {
        Map<String, Procedure> byCode = new LinkedHashMap<>();
        for (Procedure p : versions) {
            byCode.merge(p.code(), p, (a, b) -> later(a, b) ? a : b);
        }
        return List.copyOf(byCode.values());
    }

    private static boolean later(Procedure a, Procedure b) {
        if (a.validTo() == null || b.validTo() == null) {
            return a.validTo() == null;
        }
        return a.validTo().isAfter(b.validTo());
    }

    private Cached current() {
        return engine.call(() -> {
            DecisionDefinition latest = repositoryService.createDecisionDefinitionQuery()
                    .decisionDefinitionKey(DECISION_KEY).latestVersion().singleResult();
            if (latest == null) {
                throw new IllegalStateException("The procedure catalogue (DMN " + DECISION_KEY + ") is not deployed");
            }
            Cached c = cached;
            if (c == null || !c.definitionId().equals(latest.getId())) {
                c = new Cached(latest.getId(), parse(repositoryService.getDmnModelInstance(latest.getId())));
                cached = c;
            }
            return c;
        });
    }

    /** Every rule of the table as a version of a procedure, in the table's order. */
    static List<Procedure> parse(DmnModelInstance model) {
        DecisionTable table = model.getModelElementsByType(DecisionTable.class).iterator().next();
        List<String> inputs = table.getInputs().stream()
                .map(i -> i.getInputExpression().getText().getTextContent().trim()).toList();
        int dateInput = inputs.indexOf(RECEIVED_ON);
        List<String> outputs = table.getOutputs().stream().map(Output::getName).toList();
        List<Procedure> versions = new ArrayList<>();
        for (Rule rule : table.getRules()) {
            List<InputEntry> inputEntries = new ArrayList<>(rule.getInputEntries());
            String code = unquote(inputEntries.get(0).getTextContent());
            LocalDate[] period = dateInput < 0 ? new LocalDate[2]
                    : period(code, inputEntries.get(dateInput).getTextContent());
            Map<String, String> values = new LinkedHashMap<>();
            List<OutputEntry> entries = new ArrayList<>(rule.getOutputEntries());
            for (int i = 0; i < outputs.size(); i++) {
                values.put(outputs.get(i), unquote(entries.get(i).getTextContent()));
            }
            Map<Tier, Integer> days = new EnumMap<>(Tier.class);
            days.put(Tier.PROVINCE, Integer.parseInt(values.get("daysProvince")));
            days.put(Tier.DISTRICT, Integer.parseInt(values.get("daysDistrict")));
            days.put(Tier.COMMUNE, Integer.parseInt(values.get("daysCommune")));
            String start = values.get("startTier");
            String route = values.get("route");
            versions.add(new Procedure(code, values.get("name"), CaseKind.valueOf(values.get("kind")),
                    "ANY".equals(start) ? null : Tier.valueOf(start),
                    "SELF".equals(route) ? List.of() : tiers(route), Map.copyOf(days),
                    blankToNull(values.get("nationalCode")), blankToNull(values.get("legalBasis")),
                    period[0], period[1]));
        }
        checkPeriods(versions);
        return List.copyOf(versions);
    }

    /** The validity period {from inclusive, to exclusive} of a rule's date entry; null = open. */
    static LocalDate[] period(String code, String entry) {
        String t = entry == null ? "" : entry.trim();
        if (t.isEmpty() || t.equals("-")) {
            return new LocalDate[2];
        }
        Matcher m = RANGE.matcher(t);
        if (m.matches()) {
            return new LocalDate[] {LocalDate.parse(m.group(1)), LocalDate.parse(m.group(2))};
        }
        m = FROM.matcher(t);
        if (m.matches()) {
            return new LocalDate[] {LocalDate.parse(m.group(1)), null};
        }
        m = TO.matcher(t);
        if (m.matches()) {
            return new LocalDate[] {null, LocalDate.parse(m.group(1))};
        }
        throw new IllegalStateException(code + ": the receiving day's entry must be -, >= date(\"…\"), < date(\"…\") "
                + "or [date(\"…\")..date(\"…\")), not: " + t);
    }

    /** The versions of one code must not overlap (the table's hit policy is UNIQUE). */
    private static void checkPeriods(List<Procedure> versions) {
        for (int i = 0; i < versions.size(); i++) {
            for (int j = i + 1; j < versions.size(); j++) {
                Procedure a = versions.get(i);
                Procedure b = versions.get(j);
                if (a.code().equals(b.code()) && overlap(a, b)) {
                    throw new IllegalStateException("Two versions of " + a.code() + " are in force on the same day");
                }
            }
        }
    }

    private static boolean overlap(Procedure a, Procedure b) {
        boolean aEndsBeforeB = a.validTo() != null && b.validFrom() != null && !a.validTo().isAfter(b.validFrom());
        boolean bEndsBeforeA = b.validTo() != null && a.validFrom() != null && !b.validTo().isAfter(a.validFrom());
        return !aEndsBeforeB && !bEndsBeforeA;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() || value.equals("null") ? null : value;
    }

    private static List<Tier> tiers(String route) {
        return Arrays.stream(route.split(",")).map(String::trim).map(Tier::valueOf).toList();
    }

    private static String unquote(String text) {
        String t = text.trim();
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }

    /** For tests and the API: which tiers a procedure may be received at under the given tiers. */
    static List<Tier> receivingTiers(Procedure p, Collection<Tier> tiersInForce) {
        return p.startTier() == null ? List.copyOf(tiersInForce) : List.of(p.receivingTier(tiersInForce));
    }
}
