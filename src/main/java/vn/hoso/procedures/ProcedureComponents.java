package vn.hoso.procedures;

import java.util.ArrayList;
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

/**
 * The components of each procedure's dossier, read from the latest deployed version of the DMN decision table
 * {@code procedureComponents} (bpmn/procedure-components.dmn, one rule per component, in order): operators change it
 * in Camunda Modeler and redeploy, no build needed.
 */
@Service
public class ProcedureComponents {

    /** The key of the components' decision in the DMN. */
    public static final String DECISION_KEY = "procedureComponents";

    private final RepositoryService repositoryService;
    private final EngineAsSystem engine;
    private volatile Cached cached;

    private record Cached(String definitionId, Map<String, List<ProcedureComponent>> byProcedure) {
    }

    ProcedureComponents(RepositoryService repositoryService, EngineAsSystem engine) {
        this.repositoryService = repositoryService;
        this.engine = engine;
    }

    /** The components of a procedure's dossier in the catalogue's order (empty for an unknown procedure). */
    public List<ProcedureComponent> of(String procedureCode) {
        return current().byProcedure().getOrDefault(procedureCode, List.of());
    }

    /**
     * A component a document of a case of this procedure may be given as: one of the procedure's, or the
     * {@link ProcedureComponent#RESULT result}.
     */
    public Optional<ProcedureComponent> find(String procedureCode, String componentCode) {
        if (ProcedureComponent.RESULT.code().equals(componentCode)) {
            return Optional.of(ProcedureComponent.RESULT);
        }
        return of(procedureCode).stream().filter(c -> c.code().equals(componentCode)).findFirst();
    }

    private Cached current() {
        return engine.call(() -> {
            DecisionDefinition latest = repositoryService.createDecisionDefinitionQuery()
                    .decisionDefinitionKey(DECISION_KEY).latestVersion().singleResult();
            if (latest == null) {
                return new Cached("", Map.of());
            }
            Cached c = cached;
            if (c == null || !c.definitionId().equals(latest.getId())) {
                c = new Cached(latest.getId(), parse(repositoryService.getDmnModelInstance(latest.getId())));
                cached = c;
            }
            return c;
        });
    }

    static Map<String, List<ProcedureComponent>> parse(DmnModelInstance model) {
        DecisionTable table = model.getModelElementsByType(DecisionTable.class).iterator().next();
        List<String> outputs = table.getOutputs().stream().map(Output::getName).toList();
        Map<String, List<ProcedureComponent>> byProcedure = new LinkedHashMap<>();
        for (Rule rule : table.getRules()) {
            String procedure = unquote(rule.getInputEntries().iterator().next().getTextContent());
            Map<String, String> values = new LinkedHashMap<>();
            List<OutputEntry> entries = new ArrayList<>(rule.getOutputEntries());
            for (int i = 0; i < outputs.size(); i++) {
                values.put(outputs.get(i), unquote(entries.get(i).getTextContent()));
            }
            byProcedure.computeIfAbsent(procedure, p -> new ArrayList<>()).add(new ProcedureComponent(
                    values.get("code"), values.get("name"), Boolean.parseBoolean(values.get("required")),
                    Boolean.parseBoolean(values.get("multiple"))));
        }
        byProcedure.replaceAll((p, list) -> List.copyOf(list));
        return byProcedure;
    }

    private static String unquote(String text) {
        String t = text.trim();
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }
}
