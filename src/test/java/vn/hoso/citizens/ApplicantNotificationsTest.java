package vn.hoso.citizens;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import vn.hoso.cases.CaseDriver;
import vn.hoso.citizens.notify.ApplicantMessages;
import vn.hoso.events.CaseEventLog;
import vn.hoso.events.PublishedCaseEvent;
import vn.hoso.infra.CitizenChannels;
import vn.hoso.infra.Http;
import vn.hoso.infra.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.hoso.cases.CaseDriver.clockAt;

/**
 * The applicant's messages end to end: real intake and steps, the events through Kafka to the notification consumer,
 * e-mail to a real SMTP server (GreenMail) and SMS to a real HTTP gateway (CitizenChannels): each expected message
 * once, also when the consumer is stopped mid-way and when Kafka delivers events again; a gateway that keeps failing
 * dead-letters the message after its attempts, and the case goes on regardless.
 */
@IntegrationTest
class ApplicantNotificationsTest {

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;
    @Autowired
    GreenMail greenMail;
    @Autowired
    CitizenChannels.SmsGateway gateway;
    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    CaseEventLog events;
    @Autowired
    ApplicantMessages messages;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtimeService;
    @Autowired
    org.camunda.bpm.engine.ManagementService managementService;
    @Autowired
    ObjectMapper mapper;
    Http http;
    CaseDriver driver;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        driver = new CaseDriver(http, taskService);
        clockAt("2026-03-02T09:05:00+07:00");
    }

    @AfterEach
    void resetClock() {
        CaseDriver.resetClock();
        listeners.getListenerContainer("hoso-citizens-notify").start();
    }

    private static String newPhone() {
        return "09" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private String receive(String email, String phone) {
        Map<String, Object> body = CaseDriver.procedure("BIRTH_REG", "10507", "IN_PERSON");
        Map<String, Object> applicant = new LinkedHashMap<>();
        applicant.put("name", "Trần Thị Mai");
        applicant.put("idNumber", "030196007777");
        applicant.put("email", email);
        applicant.put("phone", phone);
        body.put("applicant", applicant);
        return driver.receive(body);
    }

    private List<MimeMessage> mailTo(String address) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(a -> a.toString().equals(address));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private List<String> subjects(String address) {
        return mailTo(address).stream().map(m -> {
            try {
                return m.getSubject();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void aCaseSendsEachExpectedMessageOnceByMailAndSmsAlsoAcrossAConsumerRestart() throws Exception {
        String email = "mai.tran+" + UUID.randomUUID().toString().substring(0, 8) + "@example.vn";
        String phone = newPhone();
        String sentTo = "84" + phone.substring(1);
        String caseId = receive(email, phone);
        String code = driver.caseFile(caseId, "officer.10507").get("code").asText();

        driver.complete(caseId, "receive", "officer.10507");
        driver.complete(caseId, "appraise", "officer.10507", Map.of("outcome", "SUPPLEMENT"));
        await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(email).size() == 2);

        // the consumer stops; the case goes on meanwhile; the consumer starts again where it was
        listeners.getListenerContainer("hoso-citizens-notify").stop();
        clockAt("2026-03-04T10:00:00+07:00");
        driver.complete(caseId, "awaitSupplement", "officer.10507");
        driver.complete(caseId, "appraise", "officer.10507");
        driver.complete(caseId, "approve", "leader.10507");
        driver.complete(caseId, "issue", "officer.10507");
        // the case's events are on the topic by now, and nobody has read them for the applicant
        await().atMost(Duration.ofSeconds(30)).until(() -> relayed(caseId));
        assertThat(queued(caseId)).as("messages queued while the consumer was stopped").isEqualTo(4);
        assertThat(mailTo(email)).hasSize(2);
        listeners.getListenerContainer("hoso-citizens-notify").start();
        await().atMost(Duration.ofSeconds(60)).until(() -> mailTo(email).size() == 3);
        driver.complete(caseId, "returnResult", "officer.10507");
        await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(email).size() == 4);

        // Kafka may deliver again (a rebalance, a crash before the offset commit): the queue knows the event ids
        for (var event : events.eventsOf(caseId)) {
            assertThat(messages.enqueue(PublishedCaseEvent.parse(mapper,
                    event.toCloudEventJson().getBytes(java.nio.charset.StandardCharsets.UTF_8)))).isZero();
        }
        // nothing was queued again, and everything queued has gone out
        await().atMost(Duration.ofSeconds(30)).until(() -> pending(caseId) == 0);
        assertThat(queued(caseId)).isEqualTo(8);
        assertThat(subjects(email)).containsExactly(
                "Đã tiếp nhận hồ sơ " + code,
                "Hồ sơ " + code + " cần bổ sung",
                "Hồ sơ " + code + " đã có kết quả",
                "Hồ sơ " + code + " đã trả kết quả");
        String first = GreenMailUtil.getBody(mailTo(email).get(0));
        MimeMessage received = mailTo(email).get(0);
        assertThat(received.getContent().toString())
                .contains("Phường Thành Đông đã tiếp nhận hồ sơ " + code + " (Đăng ký khai sinh)")
                .contains("Ngày hẹn trả kết quả: 02/03/2026") // same day (Luật Hộ tịch 2014, Art. 16)
                .contains("http://localhost:8080/tra-cuu?code=" + code)
                .doesNotContain("Trần Thị Mai").doesNotContain("030196007777");
        assertThat(first).isNotBlank();
        assertThat(mailTo(email).get(2).getContent().toString()).contains("Mời ông/bà đến Phường Thành Đông nhận kết quả");

        await().atMost(Duration.ofSeconds(30)).until(() -> gateway.to(sentTo).size() == 4);
        List<JsonNode> sms = gateway.to(sentTo);
        assertThat(sms.stream().map(r -> r.path("template_data").path("title").asText()).toList())
                .isEqualTo(subjects(email));
        assertThat(sms.stream().map(r -> r.path("tracking_id").asText()).distinct()).hasSize(4);
        assertThat(sms.get(0).path("template_data").path("code").asText()).isEqualTo(code);
        assertThat(jdbc.queryForList("select status from citizen_message where case_id = ?::uuid", String.class,
                caseId)).hasSize(8).containsOnly("SENT");
        // nothing of the contact went into the events
        assertThat(http.get("/api/cases/" + caseId + "/events", "officer.10507").body())
                .doesNotContain("example.vn").doesNotContain(phone.substring(1));
    }

    @Test
    void aGatewayThatKeepsFailingDeadLettersTheMessageAndTheCaseGoesOn() {
        String phone = newPhone();
        String sentTo = "84" + phone.substring(1);
        gateway.failFor.add(sentTo);
        String caseId = receive(null, phone);
        String code = driver.caseFile(caseId, "officer.10507").get("code").asText();

        await().atMost(Duration.ofSeconds(30)).until(() -> "DEAD".equals(status(caseId)));
        assertThat(gateway.to(sentTo)).hasSize(3); // hoso.citizens.messages.max-attempts in the test profile
        Map<String, Object> row = jdbc.queryForMap(
                "select attempts, last_error from citizen_message where case_id = ?::uuid", caseId);
        assertThat(row.get("attempts")).isEqualTo(3);
        assertThat(row.get("last_error").toString()).contains("500");

        // visible to operators, and to them only
        var dead = http.get("/api/citizens/messages?status=DEAD", "admin");
        assertThat(dead.statusCode()).as(dead.body()).isEqualTo(200);
        JsonNode entry = null;
        for (JsonNode e : Http.json(dead)) {
            if (code.equals(e.get("caseCode").asText())) {
                entry = e;
            }
        }
        assertThat(entry).isNotNull();
        assertThat(entry.get("kind").asText()).isEqualTo("RECEIVED");
        assertThat(entry.get("channel").asText()).isEqualTo("sms");
        assertThat(dead.body()).doesNotContain(phone.substring(1));
        assertThat(http.get("/api/citizens/messages?status=DEAD", "officer.10507").statusCode()).isEqualTo(403);
        assertThat(http.get("/api/citizens/messages?status=NOPE", "admin").statusCode()).isEqualTo(400);

        // the case was never held back
        driver.complete(caseId, "receive", "officer.10507");
        assertThat(driver.task(caseId, "appraise")).isNotNull();

        // once the gateway works again, an operator queues it again and it is sent
        gateway.failFor.remove(sentTo);
        long id = entry.get("id").asLong();
        assertThat(http.postJson("/api/citizens/messages/" + id + "/retry", "officer.10507", "").statusCode())
                .isEqualTo(403);
        assertThat(http.postJson("/api/citizens/messages/" + id + "/retry", "admin", "").statusCode()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(status(caseId)));
        assertThat(gateway.to(sentTo)).hasSize(4);
        assertThat(http.postJson("/api/citizens/messages/" + id + "/retry", "admin", "").statusCode()).isEqualTo(404);
    }

    @Test
    void anApologyWithItsNewDateAndARejectionReachTheApplicant() throws Exception {
        clockAt("2026-06-01T08:00:00+07:00"); // Monday; CERT_COPY: the same day, due 2026-06-01
        String email = "apology+" + UUID.randomUUID().toString().substring(0, 8) + "@example.vn";
        Map<String, Object> body = CaseDriver.procedure("CERT_COPY", "10507", "IN_PERSON");
        body.put("applicant", Map.of("name", "Phạm Văn Dũng", "idNumber", "030096001111", "email", email));
        String caseId = driver.receive(body);
        String code = driver.caseFile(caseId, "officer.10507").get("code").asText();
        driver.complete(caseId, "receive", "officer.10507");
        String main = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseId)
                .processDefinitionKey("hoso-case").singleResult().getId();
        managementService.executeJob(managementService.createJobQuery().processInstanceId(main).timers()
                .singleResult().getId());
        driver.complete(caseId, "apology", "officer.10507", Map.of("newAppointmentDate", "2026-06-05"));
        driver.complete(caseId, "appraise", "officer.10507", Map.of("outcome", "REJECT"));

        await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(email).size() == 3);
        // every event of the case has been read and everything queued has gone out: no fourth message comes
        await().atMost(Duration.ofSeconds(30)).until(() -> relayed(caseId) && consumed() && pending(caseId) == 0);
        assertThat(subjects(email)).containsExactly("Đã tiếp nhận hồ sơ " + code,
                "Hồ sơ " + code + ": xin lỗi và hẹn lại ngày trả", "Hồ sơ " + code + " không được giải quyết");
        assertThat(mailTo(email).get(0).getContent().toString()).contains("Ngày hẹn trả kết quả: 01/06/2026");
        assertThat(mailTo(email).get(1).getContent().toString()).contains("Ngày hẹn trả kết quả mới: 05/06/2026");
    }

    /** The case's events have all been sent to Kafka. */
    private boolean relayed(String caseId) {
        return jdbc.queryForObject("select count(*) from case_event_outbox where case_id = ?", Long.class,
                caseId) == 0;
    }

    @Autowired
    org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails kafka;

    /** The notifications consumer's group has committed the end of every partition of the case events' topic. */
    private boolean consumed() throws Exception {
        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.<String, Object>of(
                org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                String.join(",", kafka.getBootstrapServers())))) {
            var committed = admin.listConsumerGroupOffsets("hoso-citizens-notify").partitionsToOffsetAndMetadata()
                    .get();
            var ends = admin.listOffsets(committed.keySet().stream().collect(java.util.stream.Collectors.toMap(
                    tp -> tp, tp -> org.apache.kafka.clients.admin.OffsetSpec.latest()))).all().get();
            return !committed.isEmpty() && committed.entrySet().stream()
                    .allMatch(e -> e.getValue() != null && e.getValue().offset() >= ends.get(e.getKey()).offset());
        }
    }

    private long queued(String caseId) {
        return jdbc.queryForObject("select count(*) from citizen_message where case_id = ?::uuid", Long.class, caseId);
    }

    private long pending(String caseId) {
        return jdbc.queryForObject("select count(*) from citizen_message where case_id = ?::uuid and status = 'PENDING'",
                Long.class, caseId);
    }

    private String status(String caseId) {
        return jdbc.queryForList("select status from citizen_message where case_id = ?::uuid and kind = 'RECEIVED'",
                String.class, caseId).stream().findFirst().orElse(null);
    }
}
