package vn.hoso.procedures;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Service;
import vn.hoso.platform.EngineAsSystem;
import vn.hoso.units.Tier;

/**
 * The procedure catalogue, read from the latest deployed version of the DMN decision table
 * {@code procedureCatalogue} (bpmn/procedure-catalogue.dmn): operators change it in Camunda Modeler and redeploy,
 * no build needed.
 */
@Service
public class ProcedureCatalogue {

    /** The key of the catalogue's decision in the DMN (also listed with the other model ids in cases.CaseModel). */
    public static final String DECISION_KEY = "procedureCatalogue";

    private final RepositoryService repositoryService;
    private final EngineAsSystem engine;
    private volatile Cached cached;

    private record Cached(String definitionId, Map<String, Procedure> byCode) {
    }

    ProcedureCatalogue(RepositoryService repositoryService, EngineAsSystem engine) {
        this.repositoryService = repositoryService;
        this.engine = engine;
    }

    public List<Procedure> all() {
        return List.copyOf(current().byCode().values());
    }

    public Optional<Procedure> find(String code) {
        return Optional.ofNullable(code).map(c -> current().byCode().get(c));
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

    static Map<String, Procedure> parse(DmnModelInstance model) {
        DecisionTable table = model.getModelElementsByType(DecisionTable.class).iterator().next();
        List<String> outputs = table.getOutputs().stream().map(Output::getName).toList();
        Map<String, Procedure> procedures = new LinkedHashMap<>();
        for (Rule rule : table.getRules()) {
            String code = unquote(rule.getInputEntries().iterator().next().getTextContent());
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
            procedures.put(code, new Procedure(code, values.get("name"), CaseKind.valueOf(values.get("kind")),
                    "ANY".equals(start) ? null : Tier.valueOf(start),
                    "SELF".equals(route) ? List.of() : tiers(route), Map.copyOf(days)));
        }
        return procedures;
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
