package vn.hoso.rollup;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.hoso.infra.Http;
import vn.hoso.infra.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.hoso.infra.Http.json;
import static vn.hoso.rollup.RollupTestSupport.byTier;
import static vn.hoso.rollup.RollupTestSupport.get;

/**
 * The two-tier reform of 2025-07-01 seen by the rollups: the district tier only for the part of a period before it,
 * targets changing within the period, and figures restated onto the new communes (a full merger and a split).
 * Other tests may write into these dates too, so figures are compared as differences from a baseline.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RollupReformTest {

    static final String PERIOD = "from=2025-06-25&to=2025-07-05";
    static final ZoneOffset VN = ZoneOffset.ofHours(7);

    @LocalServerPort
    int port;
    @Autowired
    KafkaConnectionDetails kafka;

    Http http;
    CaseEventsFixture fixture;
    Map<String, long[]> tiersBefore;
    JsonNode asOfBefore;

    /** One online and one paper segment per unit and day given. */
    private void segments(String unit, String tier, LocalDate day, int online, int paper) {
        for (int i = 0; i < online + paper; i++) {
            fixture.singleSegment(unit, tier, OffsetDateTime.of(day.getYear(), day.getMonthValue(), day.getDayOfMonth(),
                    10, i, 0, 0, VN), i < online, "PROCEDURE").send();
        }
    }

    @BeforeAll
    void produce() {
        http = new Http(port);
        fixture = new CaseEventsFixture(String.join(",", kafka.getBootstrapServers()));
        tiersBefore = byTier(json(http.get("/api/rollups/tiers?" + PERIOD, "auditor")));
        asOfBefore = json(http.get("/api/rollups/units?tier=COMMUNE&asOf=2025-07-01&" + PERIOD, "auditor"));

        LocalDate june28 = LocalDate.of(2025, 6, 28), july2 = LocalDate.of(2025, 7, 2);
        segments("288", "DISTRICT", june28, 3, 1);
        segments("288", "DISTRICT", july2, 1, 0);   // after the reform: no district tier to count it in
        segments("30", "PROVINCE", june28, 2, 0);
        segments("31", "PROVINCE", july2, 1, 1);
        // the full merger 10507/10510/10519/10663 → 10507 Phường Thành Đông
        segments("10507", "COMMUNE", june28, 1, 0);
        segments("10510", "COMMUNE", june28, 1, 1);
        segments("10519", "COMMUNE", june28, 0, 1);
        segments("10663", "COMMUNE", june28, 2, 0);
        segments("10507", "COMMUNE", july2, 1, 1);
        // the split: 10528 Phường Trần Phú went partly to 10532 and partly to 10537
        segments("10528", "COMMUNE", june28, 2, 1);
        segments("10532", "COMMUNE", july2, 1, 0);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            Map<String, long[]> now = byTier(json(http.get("/api/rollups/tiers?" + PERIOD, "auditor")));
            assertThat(delta(now, tiersBefore, "COMMUNE")).containsExactly(12, 8);
            assertThat(delta(now, tiersBefore, "PROVINCE")).containsExactly(4, 3);
            assertThat(delta(now, tiersBefore, "DISTRICT")).containsExactly(4, 3);
        });
    }

    @AfterAll
    void close() {
        fixture.close();
    }

    private static long[] delta(Map<String, long[]> now, Map<String, long[]> before, String key) {
        long[] a = get(now, key), b = get(before, key);
        return new long[] {a[0] - b[0], a[1] - b[1]};
    }

    @Test
    void aPeriodAcrossTheReformShowsTheDistrictTierOnlyForThePartBefore() {
        JsonNode rows = json(http.get("/api/rollups/tiers?" + PERIOD, "auditor"));
        assertThat(rows).extracting(r -> r.path("tier").asText()).containsExactly("PROVINCE", "DISTRICT", "COMMUNE");
        JsonNode district = rows.get(1);
        assertThat(district.path("inForceTo").asText()).isEqualTo("2025-06-30");
        // its target is the one on its last day in force (80 %), one regime only
        assertThat(district.path("target").asDouble()).isEqualTo(0.8);
        assertThat(district.has("targets")).isFalse();
        // the province spans two regimes: 90 % until 30/6, 100 % from 1/7 (the target on the period's last day)
        JsonNode province = rows.get(0);
        assertThat(province.path("target").asDouble()).isEqualTo(1.0);
        assertThat(province.path("targets")).hasSize(2);
        assertThat(province.path("targets").get(0).path("to").asText()).isEqualTo("2025-06-30");
        assertThat(province.path("targets").get(0).path("target").asDouble()).isEqualTo(0.9);
        assertThat(province.path("targets").get(1).path("from").asText()).isEqualTo("2025-07-01");
        assertThat(province.path("met").isBoolean()).isTrue();

        // a period wholly after the reform has no district row at all
        JsonNode after = json(http.get("/api/rollups/tiers?from=2025-07-01&to=2025-07-05", "auditor"));
        assertThat(after).extracting(r -> r.path("tier").asText()).containsExactly("PROVINCE", "COMMUNE");
    }

    @Test
    void unitsAreTheOnesValidWhenTheSegmentClosed() {
        JsonNode rows = json(http.get("/api/rollups/units?tier=COMMUNE&" + PERIOD, "auditor"));
        List<JsonNode> code10507 = new ArrayList<>();
        rows.forEach(r -> {
            if (r.path("unitCode").asText().equals("10507")) {
                code10507.add(r);
            }
        });
        // the code 10507 names two units in the period: Phường Cẩm Thượng until 30/6, Phường Thành Đông from 1/7
        assertThat(code10507).extracting(r -> r.path("unitName").asText())
                .containsExactly("Phường Cẩm Thượng", "Phường Thành Đông");
        assertThat(code10507.get(0).path("parentCode").asText()).isEqualTo("288");
        assertThat(code10507.get(1).path("parentCode").asText()).isEqualTo("31");
    }

    @Test
    void asOfTheReformTheFullMergerMovesTheFiguresAndTheSplitIsReportedNotApportioned() {
        JsonNode rows = json(http.get("/api/rollups/units?tier=COMMUNE&asOf=2025-07-01&" + PERIOD, "auditor"));
        JsonNode thanhDong = row(rows, "10507", "AS_OF");
        JsonNode thanhDongBefore = row(asOfBefore, "10507", "AS_OF");
        assertThat(thanhDong.path("unitName").asText()).isEqualTo("Phường Thành Đông");
        // 1 + 2 + 1 + 2 (old communes, 28/6) + 2 (Thành Đông, 2/7) segments, 1 + 1 + 0 + 2 + 1 online
        assertThat(thanhDong.path("segments").asLong() - thanhDongBefore.path("segments").asLong()).isEqualTo(8);
        assertThat(thanhDong.path("processedOnline").asLong() - thanhDongBefore.path("processedOnline").asLong())
                .isEqualTo(5);
        assertThat(thanhDong.path("restatedFrom")).extracting(r -> r.path("unitCode").asText())
                .contains("10507", "10510", "10519", "10663");
        assertThat(thanhDong.path("target").asDouble()).isEqualTo(1.0);

        // the split commune keeps its own row, figures not apportioned; both successors name it
        JsonNode tranPhu = row(rows, "10528", "PARTIAL");
        assertThat(tranPhu.path("partialTo")).extracting(JsonNode::asText).containsExactlyInAnyOrder("10532", "10537");
        assertThat(tranPhu.path("segments").asLong() - row(asOfBefore, "10528", "PARTIAL").path("segments").asLong())
                .isEqualTo(3);
        JsonNode leThanhNghi = row(rows, "10532", "AS_OF");
        assertThat(leThanhNghi.path("partialFrom")).extracting(r -> r.path("unitCode").asText()).contains("10528");
        // 10532's own figures: only its 2/7 segment (and its full predecessor 10532 Tân Bình, none here)
        assertThat(leThanhNghi.path("segments").asLong() - row(asOfBefore, "10532", "AS_OF").path("segments").asLong())
                .isEqualTo(1);
        assertThat(row(rows, "10537", "AS_OF").path("partialFrom")).extracting(r -> r.path("unitCode").asText())
                .contains("10528");
        // the exports say how each row was restated
        var csv = http.get("/api/rollups/units?tier=COMMUNE&asOf=2025-07-01&format=csv&" + PERIOD, "auditor");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).contains("Quy đổi", "Tách một phần từ (không cộng)", "Đơn vị tại ngày 01/07/2025",
                "Đơn vị bị chia tách: số liệu giữ nguyên, không phân bổ", "10510 Phường Bình Hàn");
        // the legal view is not touched by asOf: the sums over all rows are the same
        JsonNode legal = json(http.get("/api/rollups/units?tier=COMMUNE&" + PERIOD, "auditor"));
        assertThat(sum(rows)).isEqualTo(sum(legal));
    }

    private static long sum(JsonNode rows) {
        long s = 0;
        for (JsonNode r : rows) {
            s += r.path("segments").asLong();
        }
        return s;
    }

    /** The row of a code with that restatement; a missing row counts as zero figures. */
    static JsonNode row(JsonNode rows, String code, String restatement) {
        for (JsonNode r : rows) {
            if (r.path("unitCode").asText().equals(code) && r.path("restatement").asText().equals(restatement)) {
                return r;
            }
        }
        if (restatement.equals("PARTIAL")) {
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("segments", 0);
        }
        throw new AssertionError("no " + restatement + " row for " + code + " in " + rows);
    }
}
