package vn.hoso.rollup;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoso.infra.Http;
import vn.hoso.infra.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static vn.hoso.infra.Http.json;
import static vn.hoso.rollup.RollupTestSupport.byTier;
import static vn.hoso.rollup.RollupTestSupport.byUnit;
import static vn.hoso.rollup.RollupTestSupport.get;

/**
 * Known data in March 2022 (a month no other test writes into): random cases across commune, district and province
 * with a known mix of electronic and paper steps, one record sent twice, one poison record in the middle. Every
 * figure of the rollups must equal a count made here from the events produced.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RollupFiguresTest {

    static final LocalDate FROM = LocalDate.of(2022, 3, 1);
    static final LocalDate TO = LocalDate.of(2022, 3, 31);
    static final String PERIOD = "from=" + FROM + "&to=" + TO;
    static final ZoneOffset VN = ZoneOffset.ofHours(7);
    static final String[] COMMUNES_288 = {"10507", "10510", "10519", "10663"};
    static final String[] COMMUNES_290 = {"10546", "10549", "10552"};

    @LocalServerPort
    int port;
    @Autowired
    KafkaConnectionDetails kafka;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;

    Http http;
    CaseEventsFixture fixture;
    String poison;
    Map<String, long[]> expected;

    @BeforeAll
    void produceKnownCases() {
        http = new Http(port);
        fixture = new CaseEventsFixture(String.join(",", kafka.getBootstrapServers()));
        Random random = new Random(42);
        for (int i = 0; i < 60; i++) {
            boolean district290 = random.nextInt(3) == 0;
            String commune = district290 ? COMMUNES_290[random.nextInt(3)] : COMMUNES_288[random.nextInt(4)];
            String district = district290 ? "290" : "288";
            String kind = random.nextInt(4) == 0 ? "WORK" : "PROCEDURE";
            String channel = random.nextBoolean() ? "ONLINE" : random.nextBoolean() ? "IN_PERSON" : "POST";
            OffsetDateTime at = OffsetDateTime.of(2022, 3, 1 + random.nextInt(25), 8 + random.nextInt(6), 0, 0, 0, VN);
            var c = fixture.newCase(kind, channel, commune, "COMMUNE", at, 10);
            c.step("receive", mode(random), 1).step("appraise", mode(random), 4);
            int route = random.nextInt(3);
            if (route >= 1) {
                c.transferTo(district, "DISTRICT", random.nextInt(5) == 0 ? "PAPER" : "ELECTRONIC", 2)
                        .step("appraise", mode(random), 20);
                if (random.nextInt(4) == 0) {
                    c.supplementation(1);
                }
                c.step("approve", mode(random), 3);
            }
            if (route == 2) {
                c.transferTo("30", "PROVINCE", "ELECTRONIC", 2).step("appraise", mode(random), 30)
                        .step("approve", mode(random), 5).step("issue", mode(random), 1);
            }
            c.resolve("APPROVED", random.nextBoolean() ? "EARLY" : "ON_TIME", 2).send();
            if (i == 30) {
                // a poison record in the middle of the stream, and one record delivered twice
                poison = "not json {" + fixture.prefix;
                fixture.sendRaw(c.caseId, poison);
                JsonNode segment = c.events.stream()
                        .filter(e -> e.path("type").asText().equals("vn.hoso.segment.closed")).findFirst().orElseThrow();
                fixture.send(c.caseId, segment);
            }
        }
        // the business day is Asia/Ho_Chi_Minh's: 23:30 on the 31st counts in March, 00:30 on 1 April does not
        fixture.singleSegment("10507", "COMMUNE", OffsetDateTime.of(2022, 3, 31, 23, 30, 0, 0, VN), true, "PROCEDURE").send();
        fixture.singleSegment("10507", "COMMUNE", OffsetDateTime.of(2022, 4, 1, 0, 30, 0, 0, VN), false, "PROCEDURE").send();
        // an event type the rollups do not know is ignored
        var unknown = CaseEventsFixture.JSON.createObjectNode().put("specversion", "1.0")
                .put("id", java.util.UUID.randomUUID().toString()).put("type", "vn.hoso.case.something-new")
                .put("source", "/units/10507").put("subject", fixture.prefix + "-x").put("time", "2022-03-10T10:00:00+07:00");
        unknown.putObject("data").put("caseId", fixture.prefix + "-x");
        fixture.send(fixture.prefix + "-x", unknown);

        expected = fixture.countSegments(FROM, TO);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            Map<String, long[]> tiers = byTier(json(http.get("/api/rollups/tiers?" + PERIOD, "auditor")));
            for (String tier : List.of("PROVINCE", "DISTRICT", "COMMUNE")) {
                assertThat(get(tiers, tier)).as(tier).containsExactly(get(expected, tier));
            }
        });
    }

    private static String mode(Random random) {
        return random.nextInt(6) == 0 ? "PAPER" : "ELECTRONIC";
    }

    @AfterAll
    void close() {
        fixture.close();
    }

    @Test
    void tierFiguresEqualTheSegmentsCountedFromTheProducedEvents() {
        JsonNode rows = json(http.get("/api/rollups/tiers?" + PERIOD, "auditor"));
        assertThat(rows).extracting(r -> r.path("tier").asText()).containsExactly("PROVINCE", "DISTRICT", "COMMUNE");
        for (JsonNode row : rows) {
            long[] e = get(expected, row.path("tier").asText());
            assertThat(e[0]).isPositive();
            assertThat(row.path("segments").asLong()).isEqualTo(e[0]);
            assertThat(row.path("processedOnline").asLong()).isEqualTo(e[1]);
            assertThat(row.path("onlineRate").asDouble()).isCloseTo((double) e[1] / e[0], within(1e-6));
            double target = switch (row.path("tier").asText()) {
                case "PROVINCE" -> 0.9;
                case "DISTRICT" -> 0.8;
                default -> 0.7;
            };
            assertThat(row.path("target").asDouble()).isEqualTo(target);
            assertThat(row.path("met").asBoolean()).isEqualTo((double) e[1] / e[0] >= target);
            assertThat(row.has("targets")).as("one target regime only").isFalse();
        }
        // some paper steps made a difference, so the figures are not trivially all-online
        assertThat(get(expected, "COMMUNE")[1]).isLessThan(get(expected, "COMMUNE")[0]);
    }

    @Test
    void unitFiguresEqualTheSegmentsCountedFromTheProducedEvents() {
        for (String tier : List.of("PROVINCE", "DISTRICT", "COMMUNE")) {
            JsonNode rows = json(http.get("/api/rollups/units?tier=" + tier + "&" + PERIOD, "auditor"));
            Map<String, long[]> units = byUnit(rows);
            expected.forEach((key, counts) -> {
                if (key.startsWith(tier + "/")) {
                    assertThat(get(units, key)).as(key).containsExactly(counts);
                }
            });
            rows.forEach(r -> assertThat(r.path("tier").asText()).isEqualTo(tier));
        }
        JsonNode districts = json(http.get("/api/rollups/units?tier=DISTRICT&" + PERIOD, "auditor"));
        JsonNode d288 = find(districts, "288");
        assertThat(d288.path("unitName").asText()).isEqualTo("Thành phố Hải Dương");
        assertThat(d288.path("parentCode").asText()).isEqualTo("30");
        assertThat(d288.path("target").asDouble()).isEqualTo(0.8);
        // every district of the province has its row, with or without segments
        assertThat(districts.size()).isEqualTo(12);
    }

    @Test
    void periodsThatCutMonthsGiveTheSameFiguresFromTheDailyAndMonthlyCounters() {
        // whole months come from rollup_monthly, cut months from rollup_daily (CounterSource); other test classes
        // write segments in May 2022 and later, so the periods stay in February to April
        LocalDate[][] periods = {
                {LocalDate.of(2022, 3, 5), LocalDate.of(2022, 4, 30)},
                {LocalDate.of(2022, 2, 15), LocalDate.of(2022, 3, 31)},
                {LocalDate.of(2022, 3, 1), LocalDate.of(2022, 3, 20)},
                {LocalDate.of(2022, 2, 1), LocalDate.of(2022, 4, 30)}};
        for (LocalDate[] p : periods) {
            String period = "from=" + p[0] + "&to=" + p[1];
            Map<String, long[]> counted = fixture.countSegments(p[0], p[1]);
            Map<String, long[]> tiers = byTier(json(http.get("/api/rollups/tiers?" + period, "auditor")));
            for (String tier : List.of("PROVINCE", "DISTRICT", "COMMUNE")) {
                assertThat(get(tiers, tier)).as(period + " " + tier).containsExactly(get(counted, tier));
            }
            Map<String, long[]> communes = byUnit(json(http.get("/api/rollups/units?tier=COMMUNE&" + period, "auditor")));
            counted.forEach((key, counts) -> {
                if (key.startsWith("COMMUNE/")) {
                    assertThat(get(communes, key)).as(period + " " + key).containsExactly(counts);
                }
            });
        }
        assertThat(get(fixture.countSegments(LocalDate.of(2022, 3, 1), LocalDate.of(2022, 3, 20)), "COMMUNE")[0])
                .as("the cut period holds fewer segments than the three months")
                .isLessThan(get(fixture.countSegments(LocalDate.of(2022, 2, 1), LocalDate.of(2022, 4, 30)), "COMMUNE")[0]);
        // the monthly counters are exactly the daily ones summed per month
        assertThat(jdbc.queryForList("""
                select * from rollup_monthly m
                  full join (select date_trunc('month', day)::date as month, tier, unit_code, kind,
                                    sum(segments) as segments, sum(processed_online) as processed_online
                               from rollup_daily group by 1, 2, 3, 4) d using (month, tier, unit_code, kind)
                 where m.segments is distinct from d.segments or m.processed_online is distinct from d.processed_online
                """)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from rollup_monthly where month = '2022-03-01'", Long.class))
                .isPositive();
    }

    @Test
    void aDuplicateAndAPoisonRecordChangeNothingAndThePoisonLandsOnTheDeadLetterTopic() {
        // the figures above already equal the count made with each event id once; the poison record is on the DLT
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", kafka.getBootstrapServers()));
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor("hoso.case-events.DLT").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (poison.equals(r.value())) {
                        found.add(r);
                    }
                });
                return !found.isEmpty();
            });
            assertThat(found).hasSize(1);
            assertThat(new String(found.get(0).headers().lastHeader("kafka_dlt-exception-message").value(),
                    StandardCharsets.UTF_8)).contains("not JSON");
        }
        assertThat(jdbc.queryForObject("select count(*) from rollup_case where case_id like ?", Long.class,
                fixture.prefix + "-%")).isEqualTo(62);
        assertThat(jdbc.queryForObject("select events from rollup_ignored_type where type = ?", Long.class,
                "vn.hoso.case.something-new")).isGreaterThanOrEqualTo(1);
        assertThat(RollupTestSupport.consumed(meters, "poison")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theDrillDownListsTheUnitsSegmentsAndTheTrendHasTheMonthsFigures() {
        long[] e = get(expected, "COMMUNE/10507");
        JsonNode page = json(http.get("/api/rollups/units/10507/segments?" + PERIOD, "auditor"));
        assertThat(page.path("total").asLong()).isEqualTo(e[0]);
        long online = 0;
        for (JsonNode s : page.path("segments")) {
            online += s.path("processedOnline").asBoolean() ? 1 : 0;
            assertThat(s.path("caseId").asText()).startsWith(fixture.prefix);
        }
        assertThat(online).isEqualTo(e[1]);

        JsonNode trend = json(http.get("/api/rollups/trend?from=2022-02-01&to=2022-04-30&tier=COMMUNE", "auditor"));
        JsonNode points = trend.path("series").get(0).path("points");
        assertThat(points).extracting(p -> p.path("month").asText()).containsExactly("2022-02", "2022-03", "2022-04");
        assertThat(points.get(1).path("segments").asLong()).isEqualTo(get(expected, "COMMUNE")[0]);
        assertThat(points.get(1).path("processedOnline").asLong()).isEqualTo(get(expected, "COMMUNE")[1]);
        assertThat(points.get(1).path("target").asDouble()).isEqualTo(0.7);
        assertThat(points.get(2).path("segments").asLong()).isGreaterThanOrEqualTo(1); // the 00:30 on 1 April
    }

    @Test
    void csvAndExcelExportsCarryTheSameFiguresWithVietnameseHeaders() throws Exception {
        var csv = RollupTestSupport.bytes(port, "/api/rollups/tiers?" + PERIOD, "auditor", "text/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        byte[] body = csv.body();
        assertThat(new byte[] {body[0], body[1], body[2]}).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(body, StandardCharsets.UTF_8).substring(1);
        String[] lines = text.split("\r\n");
        assertThat(lines[0]).contains("Cấp", "Số phân đoạn hồ sơ kết thúc", "Tỷ lệ xử lý trên môi trường mạng",
                "Chỉ tiêu", "Đạt chỉ tiêu");
        assertThat(lines).hasSize(4);
        String[] commune = lines[3].split(",");
        assertThat(commune[0]).isEqualTo("COMMUNE");
        assertThat(commune[1]).isEqualTo("Cấp xã");
        assertThat(Long.parseLong(commune[4])).isEqualTo(get(expected, "COMMUNE")[0]);
        assertThat(Long.parseLong(commune[5])).isEqualTo(get(expected, "COMMUNE")[1]);

        var xlsx = RollupTestSupport.bytes(port, "/api/rollups/units?tier=DISTRICT&format=xlsx&" + PERIOD, "auditor", null);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElse("")).contains("attachment", ".xlsx");
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = wb.getSheetAt(0);
            Row header = sheet.getRow(3);
            assertThat(header.getCell(2).getStringCellValue()).isEqualTo("Mã đơn vị");
            assertThat(header.getCell(3).getStringCellValue()).isEqualTo("Tên đơn vị");
            boolean seen = false;
            for (int r = 4; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row.getCell(2).getStringCellValue().equals("288")) {
                    seen = true;
                    assertThat((long) row.getCell(7).getNumericCellValue()).isEqualTo(get(expected, "DISTRICT/288")[0]);
                    assertThat((long) row.getCell(8).getNumericCellValue()).isEqualTo(get(expected, "DISTRICT/288")[1]);
                    assertThat(row.getCell(3).getStringCellValue()).isEqualTo("Thành phố Hải Dương");
                }
            }
            assertThat(seen).isTrue();
        }
        var accept = RollupTestSupport.bytes(port, "/api/rollups/trend?tier=COMMUNE&" + PERIOD, "auditor",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(accept.statusCode()).isEqualTo(200);
        assertThat(accept.body()[0]).isEqualTo((byte) 'P'); // a zip
        var segments = RollupTestSupport.bytes(port, "/api/rollups/units/10507/segments?" + PERIOD, "auditor", "text/csv");
        assertThat(new String(segments.body(), StandardCharsets.UTF_8).split("\r\n")).hasSize(1 + (int) get(expected, "COMMUNE/10507")[0]);
    }

    @Test
    void badParametersAre400ProblemsAndNameTheParameter() {
        Map<String, String> bad = Map.of(
                "/api/rollups/tiers?from=2022-03-31&to=2022-03-01", "from",
                "/api/rollups/tiers?from=2022-3-1&to=2022-03-31", "from",
                "/api/rollups/tiers?from=2022-03-01", "to",
                "/api/rollups/units?tier=CANTON&" + PERIOD, "tier",
                "/api/rollups/units?from=2015-01-01&to=2022-03-31", "to",
                "/api/rollups/tiers?kind=OTHER&" + PERIOD, "kind",
                "/api/rollups/trend?from=2022-02-30&to=2022-03-31", "from");
        bad.forEach((path, parameter) -> {
            var response = http.get(path, "auditor");
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(Http.contentType(response)).as(path).startsWith("application/problem+json");
            assertThat(json(response).path("errors").get(0).path("parameter").asText()).as(path).isEqualTo(parameter);
        });
        var csv = http.get("/api/rollups/tiers?from=x&to=y", "auditor", "text/csv");
        assertThat(csv.statusCode()).isEqualTo(400);
        assertThat(Http.contentType(csv)).startsWith("application/problem+json");
    }

    @Test
    void rebuildingFromTheTopicGivesTheLiveFiguresAndOnlyAdministratorsMayRebuild() {
        assertThat(http.postJson("/api/rollups/rebuild", "auditor", "").statusCode()).isEqualTo(403);
        var response = http.postJson("/api/rollups/rebuild", "admin", "");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode report = json(response);
        assertThat(report.path("differences")).isEmpty();
        assertThat(report.path("equal").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.path("poisonRecords").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(report.path("duplicates").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForObject("select coalesce(sum(segments), 0) from rollup_rb_daily where day between ? and ?",
                Long.class, FROM, TO)).isEqualTo(get(expected, "PROVINCE")[0] + get(expected, "DISTRICT")[0]
                + get(expected, "COMMUNE")[0]);
    }

    static JsonNode find(JsonNode rows, String code) {
        for (JsonNode r : rows) {
            if (r.path("unitCode").asText().equals(code)) {
                return r;
            }
        }
        throw new AssertionError("no row for " + code + " in " + rows);
    }
}
