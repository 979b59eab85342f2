package vn.hoso.reliability;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes: two processes of the packaged app (different ports) on the same database and Kafka share the work —
 * HTTP requests go to either, both run the job executor, an outbox relay and rollup consumers of the one consumer
 * group. Under load one of them is killed (SIGKILL); the survivor finishes the work: the timers, the relaying and the
 * consumption the dead node had in hand. Then nothing may be lost ({@link LossCheck}).
 *
 * <p>{@code mvn verify -Dit.test=TwoNodesIT}
 */
class TwoNodesIT extends FaultTest {

    private static final Logger log = LoggerFactory.getLogger(TwoNodesIT.class);
    static final int THREADS = 4;
    static final int CASES = 40;

    @Test
    void whenOneOfTwoNodesIsKilledTheSurvivorFinishesTheWork() throws Exception {
        long t0 = System.nanoTime();
        rig = new FaultRig("two");
        AppProcess a = rig.node("a", Map.of("camunda.bpm.generic-properties.properties.hostname", "node-a"));
        AppProcess b = rig.node("b", Map.of("camunda.bpm.generic-properties.properties.hostname", "node-b"));
        // the first node creates the schema and the identity model on the empty database, then the second joins
        a.start();
        a.awaitReady(FaultRig.START_TIMEOUT);
        b.start();
        rig.route();
        Users.create(rig.client, List.of("10507", "10525", "10532", "31"));
        b.awaitReady(FaultRig.START_TIMEOUT);
        rig.route();
        LoadDriver load = new LoadDriver(rig.client, rig.db, THREADS, CASES, rig.seed);
        load.start();

        Random random = new Random(rig.seed);
        FaultRig.awaitProgress(load, 40 + random.nextInt(40)); // a random moment of the load
        AppProcess victim = random.nextBoolean() ? a : b;
        AppProcess survivor = victim == a ? b : a;
        Map<String, String> before = new TreeMap<>();
        for (AppProcess node : List.of(a, b)) {
            before.put(node.baseUrl(), "relayed " + rig.metric(node, "hoso_events_relayed_total", null)
                    + ", consumed " + rig.metric(node, "hoso_rollup_events_total", "outcome=\"applied\""));
        }
        long timersBefore = timersFired();
        assertThat(load.isDone()).as("the load still runs at the kill").isFalse();
        victim.kill();
        rig.route();
        log.info("killed {} after {} cases received and {} tasks completed; work done by each node until then: {}",
                victim.baseUrl(), load.received(), load.completed(), before);

        assertThat(load.awaitDone(Duration.ofMinutes(3))).as("load finished: %s; %s", load.summary(),
                load.crashes()).isTrue();
        log.info("load: {}; failures {}", load.summary(), load.failures());
        LossCheck.Report report = rig.lossCheck().run(Duration.ofSeconds(90));
        log.info("{}: committed but unanswered (the answer was lost with the killed node): {} intakes, {} steps",
                "TwoNodesIT", report.cases() - load.received(), report.steps() - load.completed());

        // the survivor did relay and consume after the kill, and the timers were all fired
        double relayed = rig.metric(survivor, "hoso_events_relayed_total", null);
        double consumed = rig.metric(survivor, "hoso_rollup_events_total", "outcome=\"applied\"");
        Map<String, Long> timersByNode = new TreeMap<>();
        rig.db.query("select hostname_, count(*) from act_hi_job_log where job_state_ = 2 "
                + "and job_def_type_ like 'timer%' group by 1", rs -> timersByNode.put(rs.getString(1), rs.getLong(2)));
        log.info("TwoNodesIT: killed {}, survivor {} relayed {} and consumed {} events in all; timers fired {} "
                        + "({} before the kill); {}; {} s", victim.baseUrl(), survivor.baseUrl(), relayed, consumed,
                timersByNode, timersBefore, report, (System.nanoTime() - t0) / 1_000_000_000);
        assertThat(relayed).isPositive();
        assertThat(consumed).isPositive();
        assertThat(timersByNode.values().stream().mapToLong(Long::longValue).sum()).as("timers fired").isPositive();
    }

    private long timersFired() {
        return rig.db.count("select count(*) from act_hi_job_log where job_state_ = 2 and job_def_type_ like 'timer%'");
    }
}
