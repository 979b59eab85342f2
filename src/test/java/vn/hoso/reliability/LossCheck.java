package vn.hoso.reliability;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The check every fault test ends with, after the load has finished and the faults are over:
 * <ol>
 * <li>the engine is quiet: no running instance, no incident;</li>
 * <li>every committed engine step (a completed user task in Camunda's history, ACT_HI_TASKINST) has exactly one
 * {@code vn.hoso.step.completed} event in the log, and no step event lacks its task; every case file has exactly one
 * {@code case.received} event;</li>
 * <li>no gap in any case's {@code hososeq} (1..n, n = the chain head's last seq); the outbox is empty and every relay
 * position is at the head;</li>
 * <li>every chain is valid ({@code POST /api/audit/verify} recomputes every case of the period);</li>
 * <li>every event of the log is on the topic, the first copies of each case in {@code hososeq} order;</li>
 * <li>the rollups ({@code /api/rollups/tiers} and {@code /units}) and the read model equal a count made here from the
 * {@code segment.closed} events of the log, which also equals the workflow's closed {@code case_segment} rows.</li>
 * </ol>
 */
final class LossCheck {

    private static final Logger log = LoggerFactory.getLogger(LossCheck.class);

    record Report(long cases, long events, long steps, long segments, long topicRecords, long topicDuplicates) {
        @Override
        public String toString() {
            return "%d cases, %d events (%d steps, %d segments), %d records on the topic (%d duplicates), no loss"
                    .formatted(cases, events, steps, segments, topicRecords, topicDuplicates);
        }
    }

    private final Db db;
    private final Client client;
    private final String kafkaBootstrap;

    LossCheck(Db db, Client client, String kafkaBootstrap) {
        this.db = db;
        this.client = client;
        this.kafkaBootstrap = kafkaBootstrap;
    }

    Report run(Duration settle) {
        // the relay and the consumer catch up on their own: wait for them, then check everything at once
        await("outbox relayed and rollups caught up").atMost(settle).pollInterval(Duration.ofMillis(500))
                .until(() -> db.count("select count(*) from case_event_outbox") == 0
                        && db.count("select count(*) from rollup_segment")
                        == db.count("select count(*) from case_event where type = 'vn.hoso.segment.closed'"));

        // 1. the engine is quiet
        assertThat(db.count("select count(*) from act_ru_execution")).as("running executions").isZero();
        assertThat(db.query("select incident_msg_ from act_ru_incident", rs -> rs.getString(1))).as("incidents")
                .isEmpty();

        // 2. steps ↔ events
        long steps = db.count("select count(*) from act_hi_taskinst where end_time_ is not null "
                + "and delete_reason_ = 'completed'");
        List<String> stepsWithoutOneEvent = db.query("""
                select t.id_ || ' ' || t.task_def_key_ || ': ' || count(e.seq)
                from act_hi_taskinst t
                left join case_event e on e.type = 'vn.hoso.step.completed' and e.data ->> 'taskId' = t.id_
                where t.end_time_ is not null and t.delete_reason_ = 'completed'
                group by t.id_, t.task_def_key_ having count(e.seq) <> 1""", rs -> rs.getString(1));
        assertThat(stepsWithoutOneEvent).as("completed tasks without exactly one step event").isEmpty();
        List<String> eventsWithoutStep = db.query("""
                select e.case_id || '#' || e.seq from case_event e
                where e.type = 'vn.hoso.step.completed' and not exists (select 1 from act_hi_taskinst t
                  where t.id_ = e.data ->> 'taskId' and t.end_time_ is not null and t.delete_reason_ = 'completed')""",
                rs -> rs.getString(1));
        assertThat(eventsWithoutStep).as("step events without a completed task").isEmpty();
        List<String> casesWithoutOneReceived = db.query("""
                select f.case_id::text from case_file f
                left join case_event e on e.case_id = f.case_id::text and e.type = 'vn.hoso.case.received'
                group by f.case_id having count(e.seq) <> 1
                union all
                select distinct e.case_id from case_event e
                where not exists (select 1 from case_file f where f.case_id::text = e.case_id)""",
                rs -> rs.getString(1));
        assertThat(casesWithoutOneReceived).as("case files without exactly one received event, events without a file")
                .isEmpty();
        assertThat(db.count("select count(*) from case_file where resolved_at is null")).as("unresolved cases")
                .isZero();

        // 3. no gaps, everything relayed
        List<String> gaps = db.query("""
                select e.case_id from case_event e
                left join case_event_stream s on s.case_id = e.case_id
                left join case_event_relay r on r.case_id = e.case_id
                group by e.case_id, s.last_seq, r.sent_seq
                having min(e.seq) <> 1 or max(e.seq) <> count(*) or count(distinct e.seq) <> count(*)
                    or s.last_seq is distinct from max(e.seq) or r.sent_seq is distinct from max(e.seq)""",
                rs -> rs.getString(1));
        assertThat(gaps).as("cases with a gap, a head or relay position off").isEmpty();
        long cases = db.count("select count(distinct case_id) from case_event");
        long events = db.count("select count(*) from case_event");
        assertThat(cases).isEqualTo(db.count("select count(*) from case_file")).isPositive();

        // 4. chains valid
        LocalDate today = LocalDate.now(LoadDriver.ZONE);
        Client.Result audit = client.post("/api/audit/verify", Users.ADMIN,
                "{\"from\":\"%s\",\"to\":\"%s\"}".formatted(today.minusDays(60), today.plusDays(1)));
        assertThat(audit.status()).as(audit.body()).isEqualTo(200);
        JsonNode report = audit.json();
        assertThat(report.path("invalidCases")).as("invalid chains").isEmpty();
        assertThat(report.path("cases").asLong()).isEqualTo(cases);
        assertThat(report.path("validCases").asLong()).isEqualTo(cases);
        assertThat(report.path("events").asLong()).isEqualTo(events);

        // 5. the topic has every event, in order per case
        Map<String, List<Long>> logSeqs = new HashMap<>();
        Map<String, String> caseOfId = new HashMap<>();
        for (String[] row : db.query("select id::text, case_id, seq from case_event order by case_id, seq",
                rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})) {
            caseOfId.put(row[0], row[1]);
            logSeqs.computeIfAbsent(row[1], c -> new ArrayList<>()).add(Long.parseLong(row[2]));
        }
        List<ConsumerRecord<String, String>> records = readAll(kafkaBootstrap, "hoso.case-events");
        Set<String> seen = new HashSet<>();
        Map<String, List<Long>> topicSeqs = new HashMap<>();
        long duplicates = 0;
        for (ConsumerRecord<String, String> record : records) {
            JsonNode event;
            try {
                event = Client.JSON.readTree(record.value());
            } catch (Exception poison) {
                continue; // poison records injected by a test
            }
            String id = event.path("id").asText();
            if (!caseOfId.containsKey(id)) {
                continue; // not an event of the log (an injected record)
            }
            if (!seen.add(id)) {
                duplicates++;
                continue;
            }
            assertThat(record.key()).isEqualTo(caseOfId.get(id));
            topicSeqs.computeIfAbsent(record.key(), c -> new ArrayList<>()).add(event.path("hososeq").asLong());
        }
        assertThat(topicSeqs).as("first copies on the topic, per case, in hososeq order").isEqualTo(logSeqs);

        // 6. rollups equal a count of the log's segment.closed events
        Map<String, long[]> expected = new TreeMap<>();
        db.query("""
                select data ->> 'tier', data ->> 'unitCode', count(*),
                       count(*) filter (where (data ->> 'processedOnline')::boolean)
                from case_event where type = 'vn.hoso.segment.closed' group by 1, 2""", rs -> {
            expected.put(rs.getString(1) + "/" + rs.getString(2), new long[] {rs.getLong(3), rs.getLong(4)});
            return null;
        });
        long segments = expected.values().stream().mapToLong(v -> v[0]).sum();
        assertThat(segments).isPositive();
        assertThat(db.count("select count(*) from case_segment where closed_at is not null"))
                .as("closed segments of the workflow").isEqualTo(segments);
        assertThat(db.count("select count(*) from rollup_segment")).as("read model segments").isEqualTo(segments);
        String period = "from=" + today.minusDays(1) + "&to=" + today.plusDays(1);
        Map<String, long[]> byTier = new TreeMap<>();
        expected.forEach((k, v) -> byTier.merge(k.substring(0, k.indexOf('/')), v.clone(),
                (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]}));
        Client.Result tiers = client.get("/api/rollups/tiers?" + period, Users.ADMIN);
        assertThat(tiers.status()).as(tiers.body()).isEqualTo(200);
        Map<String, long[]> tierFigures = new TreeMap<>();
        tiers.json().forEach(row -> {
            if (row.path("segments").asLong() > 0) {
                tierFigures.put(row.path("tier").asText(),
                        new long[] {row.path("segments").asLong(), row.path("processedOnline").asLong()});
            }
        });
        assertThat(asText(tierFigures)).as("tier rollups").isEqualTo(asText(byTier));
        Map<String, long[]> unitFigures = new TreeMap<>();
        for (String tier : byTier.keySet()) {
            Client.Result units = client.get("/api/rollups/units?tier=" + tier + "&" + period, Users.ADMIN);
            assertThat(units.status()).as(units.body()).isEqualTo(200);
            units.json().forEach(row -> {
                if (row.path("segments").asLong() > 0) {
                    unitFigures.merge(tier + "/" + row.path("unitCode").asText(),
                            new long[] {row.path("segments").asLong(), row.path("processedOnline").asLong()},
                            (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
                }
            });
        }
        assertThat(asText(unitFigures)).as("unit rollups").isEqualTo(asText(expected));

        Report result = new Report(cases, events, steps, segments, records.size(), duplicates);
        Map<String, Long> byStep = new TreeMap<>();
        db.query("select task_def_key_, count(*) from act_hi_taskinst where delete_reason_ = 'completed' group by 1",
                rs -> byStep.put(rs.getString(1), rs.getLong(2)));
        log.info("Loss check passed: {}; steps {}; rollups {}", result, byStep, asText(unitFigures));
        return result;
    }

    private static Map<String, String> asText(Map<String, long[]> m) {
        Map<String, String> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, v[0] + " segments, " + v[1] + " online"));
        return out;
    }

    /** Every record of a topic, from the beginning to its end as of now. */
    static List<ConsumerRecord<String, String>> readAll(String bootstrap, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }
}
