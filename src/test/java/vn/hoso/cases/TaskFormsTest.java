package vn.hoso.cases;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import vn.hoso.infra.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoso.cases.CaseModel.CASE_PROCESS;
import static vn.hoso.cases.CaseModel.SEGMENT_PROCESS;

/**
 * Every user task names a Camunda Form bound to its own deployment, so the form must be deployed next to the
 * process (the starter's default resource pattern leaves .form files out: Tasklist then shows "Form failure").
 * Each form offers the {@code mode} choice with electronic as the default.
 */
@IntegrationTest
class TaskFormsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    RepositoryService repository;

    @ParameterizedTest
    @ValueSource(strings = {CASE_PROCESS, SEGMENT_PROCESS})
    void everyUserTaskHasItsFormInTheSameDeployment(String processKey) throws IOException {
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
                .latestVersion().singleResult();
        Map<String, JsonNode> forms = new HashMap<>();
        for (String resource : repository.getDeploymentResourceNames(definition.getDeploymentId())) {
            if (resource.endsWith(".form")) {
                try (InputStream in = repository.getResourceAsStream(definition.getDeploymentId(), resource)) {
                    JsonNode form = JSON.readTree(in);
                    forms.put(form.path("id").asText(), form);
                }
            }
        }
        var userTasks = repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(UserTask.class);
        assertThat(userTasks).isNotEmpty();
        for (UserTask task : userTasks) {
            String ref = task.getCamundaFormRef();
            assertThat(ref).as("form of %s", task.getId()).isNotBlank();
            assertThat(task.getCamundaFormRefBinding()).isEqualTo("deployment");
            assertThat(forms).as("deployed form %s for %s", ref, task.getId()).containsKey(ref);
            JsonNode mode = field(forms.get(ref), "mode");
            assertThat(mode).as("mode field of %s", ref).isNotNull();
            assertThat(mode.path("defaultValue").asText()).isEqualTo("ELECTRONIC");
        }
    }

    private static JsonNode field(JsonNode form, String key) {
        for (JsonNode component : form.path("components")) {
            if (key.equals(component.path("key").asText())) {
                return component;
            }
        }
        return null;
    }
}
