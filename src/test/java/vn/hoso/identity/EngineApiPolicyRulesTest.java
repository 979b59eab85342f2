package vn.hoso.identity;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which changes a user who is not an administrator may ask of the engine API ({@code EngineApiPolicy.allowed}),
 * on the resource path after the API's prefix. The filter around it (prefixes, claims, reads, administrators) is
 * SecurityMatrixTest's and TrustBoundaryTest's.
 */
@Tag("fast")
class EngineApiPolicyRulesTest {

    static final CurrentUser OFFICER = new CurrentUser("officer.10507", List.of("officers.10507"));

    @Test
    void queriesAndCountsByPostAreReads() {
        for (String path : List.of("task", "task/count", "process-instance", "history/task", "history/task/count",
                "history/process-instance", "variable-instance", "filter/abc/list", "filter/abc/count",
                "filter/abc/singleResult", "decision-definition", "history/user-operation")) {
            assertThat(EngineApiPolicy.allowed("POST", path, OFFICER)).as(path).isTrue();
        }
    }

    @Test
    void workingOnATaskIsAllowed() {
        for (String path : List.of("task/t-1/complete", "task/t-1/submit-form", "task/t-1/comment/create")) {
            assertThat(EngineApiPolicy.allowed("POST", path, OFFICER)).as(path).isTrue();
        }
    }

    @Test
    void otherWritesAreRefused() {
        for (String path : List.of("task/t-1/variables", "task/t-1/localVariables", "task/t-1/assignee",
                "task/t-1/delegate", "task/t-1/identity-links", "task/t-1", "task/create",
                "process-definition/key/hoso-case/start", "process-instance/pi/variables",
                "process-instance/pi/modification", "message", "signal", "job/j/execute", "execution/e/signal",
                "filter/create", "task/t-1/complete/extra", "history/task/t-1", "deployment/create",
                "task/t-1/claim", "task/t-1/unclaim")) {
            assertThat(EngineApiPolicy.allowed("POST", path, OFFICER)).as("POST " + path).isFalse();
        }
        for (String method : List.of("PUT", "DELETE", "PATCH")) {
            assertThat(EngineApiPolicy.allowed(method, "task/t-1", OFFICER)).as(method).isFalse();
            assertThat(EngineApiPolicy.allowed(method, "process-instance/pi/variables/x", OFFICER)).as(method)
                    .isFalse();
        }
    }

    @Test
    void onlyOnesOwnPasswordMayBeChanged() {
        assertThat(EngineApiPolicy.allowed("PUT", "user/officer.10507/credentials", OFFICER)).isTrue();
        assertThat(EngineApiPolicy.allowed("PUT", "user/admin/credentials", OFFICER)).isFalse();
        assertThat(EngineApiPolicy.allowed("PUT", "user/officer.10507/profile", OFFICER)).isFalse();
        assertThat(EngineApiPolicy.allowed("POST", "user/officer.10507/credentials", OFFICER)).isFalse();
        assertThat(EngineApiPolicy.allowed("PUT", "user/officer.105070/credentials", OFFICER)).isFalse();
    }
}
