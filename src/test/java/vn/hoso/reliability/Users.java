package vn.hoso.reliability;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The accounts of the reliability runs. The packaged app runs in the production profile (no demo accounts): it
 * creates the administrator from HOSO_ADMIN_* and the groups of every unit; the test, as that administrator, creates
 * one officer and one leader per unit it works with through the engine REST API, as an operator would in Camunda
 * Admin.
 */
final class Users {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "adm-" + UUID.randomUUID();
    static final String PASSWORD = "pw-" + UUID.randomUUID();

    private Users() {
    }

    static String password(String user) {
        return ADMIN.equals(user) ? ADMIN_PASSWORD : PASSWORD;
    }

    /** officers.X → officer.X, leaders.X → leader.X */
    static String memberOf(String candidateGroup) {
        if (candidateGroup.startsWith("officers.")) {
            return "officer." + candidateGroup.substring("officers.".length());
        }
        if (candidateGroup.startsWith("leaders.")) {
            return "leader." + candidateGroup.substring("leaders.".length());
        }
        throw new IllegalArgumentException("no user for group " + candidateGroup);
    }

    static void create(Client client, List<String> units) {
        for (String unit : units) {
            for (String role : List.of("officer", "leader")) {
                String id = role + "." + unit;
                var created = client.post("/engine-rest/user/create", ADMIN, """
                        {"profile":{"id":"%s","firstName":"%s","lastName":"%s"},"credentials":{"password":"%s"}}"""
                        .formatted(id, role, unit, PASSWORD));
                assertThat(created.status()).as("create %s: %s", id, created.body()).isEqualTo(204);
                var member = client.put("/engine-rest/group/" + role + "s." + unit + "/members/" + id, ADMIN);
                assertThat(member.status()).as("membership %s: %s", id, member.body()).isEqualTo(204);
            }
        }
    }
}
