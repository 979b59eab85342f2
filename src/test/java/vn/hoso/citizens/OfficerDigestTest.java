package vn.hoso.citizens;

import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.hoso.cases.CaseDriver;
import vn.hoso.infra.Http;
import vn.hoso.infra.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoso.cases.CaseDriver.clockAt;
import static vn.hoso.cases.CaseDriver.procedure;

/**
 * The officers' daily digest through a real SMTP server: per unit, the overdue cases and those due tomorrow, each
 * linked to its task in Tasklist, to the unit's officers and leaders; nothing of other units; once per unit and day.
 */
@IntegrationTest
class OfficerDigestTest {

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    @Autowired
    GreenMail greenMail;
    Http http;
    CaseDriver driver;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        driver = new CaseDriver(http, taskService);
        for (String user : List.of("officer.10507", "leader.10507", "officer.10525")) {
            User u = identityService.createUserQuery().userId(user).singleResult();
            u.setEmail(user + "@digest.test");
            identityService.saveUser(u);
        }
    }

    @AfterEach
    void resetClock() {
        CaseDriver.resetClock();
    }

    private String code(String caseId, String unit) {
        return driver.caseFile(caseId, "officer." + unit).get("code").asText();
    }

    /** The messages sent to an address (GreenMail keeps a copy per recipient: one per Message-ID here). */
    private List<MimeMessage> mailTo(String address) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address))
                        && seen.add(m.getMessageID());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void eachUnitGetsItsOverdueAndDueTomorrowCasesOnceWithLinksToTheirTasks() throws Exception {
        clockAt("2026-02-20T09:00:00+07:00");
        String overdue = driver.receive(procedure("BIRTH_REG", "10507", "ONLINE")); // same day: due 2026-02-20
        clockAt("2026-03-02T15:05:00+07:00"); // after 15:00: a same-day procedure is due the next working day
        String tomorrow = driver.receive(procedure("BIRTH_REG", "10507", "ONLINE")); // due 2026-03-03
        String later = driver.receive(procedure("LAND_FIRST_CERT", "10507", "ONLINE"));
        String elsewhere = driver.receive(procedure("BIRTH_REG", "10525", "IN_PERSON")); // due 2026-03-03
        driver.complete(tomorrow, "receive", "officer.10507");
        driver.complete(tomorrow, "appraise", "officer.10507"); // now with the leader: "approve"

        var response = http.postJson("/api/citizens/digest?day=2026-03-02", "admin", "");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = Http.json(response);
        assertThat(answer.get("unitsSent").asInt()).isGreaterThanOrEqualTo(2);

        List<MimeMessage> mail = mailTo("officer.10507@digest.test");
        assertThat(mail).hasSize(1);
        MimeMessage digest = mail.get(0);
        assertThat(Arrays.stream(digest.getRecipients(Message.RecipientType.TO)).map(Object::toString))
                .contains("officer.10507@digest.test", "leader.10507@digest.test");
        assertThat(digest.getSubject()).startsWith("Hồ sơ quá hạn và đến hạn – Phường Thành Đông – 02/03/2026");
        String body = digest.getContent().toString();
        String overdueCode = code(overdue, "10507");
        String tomorrowCode = code(tomorrow, "10507");
        assertThat(body).contains("Quá hạn (").contains("Đến hạn trong 2 ngày tới");
        assertThat(body.substring(body.indexOf("Quá hạn ("), body.indexOf("Đến hạn trong"))).contains(overdueCode)
                .doesNotContain(tomorrowCode);
        assertThat(body.substring(body.indexOf("Đến hạn trong"))).contains(tomorrowCode + " · Đăng ký khai sinh")
                .contains("hạn 03/03/2026");
        assertThat(body).contains("http://localhost:8080/camunda/app/tasklist/default/#/?task="
                + driver.task(overdue, "receive").getId());
        assertThat(body).contains("#/?task=" + driver.task(tomorrow, "approve").getId());
        assertThat(body).doesNotContain(code(later, "10507")).doesNotContain(code(elsewhere, "10525"))
                .doesNotContain("Nguyễn Văn An"); // no applicant names in mail
        assertThat(mailTo("officer.10525@digest.test")).hasSize(1);
        assertThat(mailTo("officer.10525@digest.test").get(0).getContent().toString())
                .contains(code(elsewhere, "10525")).doesNotContain(tomorrowCode);

        // once per unit and day
        assertThat(Http.json(http.postJson("/api/citizens/digest?day=2026-03-02", "admin", "")).get("unitsSent").asInt())
                .isZero();
        assertThat(mailTo("officer.10507@digest.test")).hasSize(1);
        assertThat(http.postJson("/api/citizens/digest?day=2026-03-02", "officer.10507", "").statusCode()).isEqualTo(403);
        assertThat(http.postJson("/api/citizens/digest?day=yesterday", "admin", "").statusCode()).isEqualTo(400);
    }
}
