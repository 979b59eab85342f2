package vn.hoso.reliability;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static vn.hoso.cases.CaseModel.APOLOGY;
import static vn.hoso.cases.CaseModel.APPRAISE;
import static vn.hoso.cases.CaseModel.APPROVE;
import static vn.hoso.cases.CaseModel.AWAIT_SUPPLEMENT;
import static vn.hoso.cases.CaseModel.RECEIVE;

/**
 * Users at work, over HTTP, on several threads: officers receive cases ({@code POST /api/cases}) and officers and
 * leaders complete the open tasks ({@code /engine-rest/task/{id}/complete}, as the member of the task's candidate
 * group) with a mix of modes and outcomes, until the target number of cases has been received and no case is
 * running any more. Which tasks are open is read from the engine's tables; each case belongs to one thread (by its
 * business key), so a thread never races another for a case. A third of the cases are imported with a receipt date
 * ten days back, so their Mẫu 04 timer is already due: the job executor fires it and an apology task appears.
 *
 * <p>Requests that do not get through (a node killed or restarting, the database restarting) are retried with the
 * state read again; nothing assumes a request whose answer was lost did or did not happen.
 */
final class LoadDriver {

    private static final Logger log = LoggerFactory.getLogger(LoadDriver.class);
    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    static final List<String> COMMUNES = List.of("10507", "10525", "10532");
    static final String PROVINCE = "31";

    private static final String OPEN_TASKS = """
            select t.id_, t.task_def_key_, t.due_date_, l.group_id_
            from act_ru_task t
            join act_ru_execution p on p.id_ = t.proc_inst_id_
            left join act_ru_identitylink l on l.task_id_ = t.id_ and l.type_ = 'candidate'
            where mod(abs(hashtext(p.business_key_)), ?) = ?""";

    record OpenTask(String id, String step, java.sql.Timestamp due, String group) {
    }

    /** A request that did not answer as expected: when, what, what came back. */
    record Failure(long atMillis, String what, int status, String body) {
    }

    private final Client client;
    private final Db db;
    private final int threads;
    private final int targetCases;
    private final long seed;
    private final AtomicInteger received = new AtomicInteger();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong unreachable = new AtomicLong();
    private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();
    private final List<Thread> workers = new ArrayList<>();
    private final List<Throwable> crashes = Collections.synchronizedList(new ArrayList<>());
    private final long t0 = System.currentTimeMillis();
    private volatile boolean stop;

    LoadDriver(Client client, Db db, int threads, int targetCases, long seed) {
        this.client = client;
        this.db = db;
        this.threads = threads;
        this.targetCases = targetCases;
        this.seed = seed;
    }

    void start() {
        for (int k = 0; k < threads; k++) {
            int index = k;
            Thread t = new Thread(() -> {
                try {
                    work(index, new Random(seed * 31 + index));
                } catch (Throwable e) {
                    crashes.add(e);
                    log.error("load thread {} crashed", index, e);
                }
            }, "load-" + k);
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
    }

    /** Waits until every thread is done (all cases received and finished); false on timeout. */
    boolean awaitDone(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread t : workers) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                t.join(Math.max(1, left / 1_000_000));
            }
        }
        boolean done = workers.stream().noneMatch(Thread::isAlive);
        if (!done) {
            stop = true;
        }
        return done && crashes.isEmpty();
    }

    /** Every thread has ended (the load is finished, or stopped). */
    boolean isDone() {
        return !workers.isEmpty() && workers.stream().noneMatch(Thread::isAlive);
    }

    void stop() {
        stop = true;
    }

    int received() {
        return received.get();
    }

    long completed() {
        return completed.get();
    }

    /** Successful requests so far (cases received + tasks completed). */
    long progress() {
        return received.get() + completed.get();
    }

    long unreachable() {
        return unreachable.get();
    }

    List<Failure> failures() {
        return List.copyOf(failures);
    }

    List<Throwable> crashes() {
        return List.copyOf(crashes);
    }

    String summary() {
        return "received %d cases, completed %d tasks, %d requests unanswered (node down), HTTP statuses %s"
                .formatted(received.get(), completed.get(), unreachable.get(), new java.util.TreeMap<>(statuses));
    }

    // ---------------------------------------------------------------------------------------------------------

    private void work(int index, Random random) {
        while (!stop) {
            boolean canReceive = received.get() < targetCases;
            List<OpenTask> mine = db.query(OPEN_TASKS, rs -> new OpenTask(rs.getString(1), rs.getString(2),
                    rs.getTimestamp(3), rs.getString(4)), threads, index);
            try {
                if (canReceive && (mine.isEmpty() || random.nextInt(100) < 35)) {
                    receive(random);
                } else if (!mine.isEmpty()) {
                    complete(mine.get(random.nextInt(mine.size())), random);
                } else if (db.count("select count(*) from act_ru_execution") == 0) {
                    return; // nothing received is still running, and everything is received
                } else {
                    Db.sleep(100); // other threads' cases, or timers about to fire
                }
            } catch (Client.Unreachable e) {
                unreachable.incrementAndGet();
                Db.sleep(200);
            }
        }
    }

    private void receive(Random random) {
        String unit = COMMUNES.get(random.nextInt(COMMUNES.size()));
        boolean merit = random.nextInt(100) < 25;
        String channel = List.of("ONLINE", "IN_PERSON", "POST").get(random.nextInt(3));
        String receivedAt = random.nextInt(3) == 0
                ? ",\"receivedAt\":\"" + OffsetDateTime.now(ZONE).minusDays(10).truncatedTo(ChronoUnit.SECONDS) + "\""
                : "";
        String body = """
                {"kind":"PROCEDURE","procedureCode":"%s","receivingUnit":"%s","channel":"%s",\
                "subject":"Hồ sơ thử tải","applicant":{"name":"Nguyễn Văn An","idNumber":"030095001234"}%s}"""
                .formatted(merit ? "MERIT_ALLOWANCE" : "BIRTH_REG", unit, channel, receivedAt);
        Client.Result r = client.post("/api/cases", "officer." + unit, body);
        count(r.status());
        if (r.status() == 201) {
            received.incrementAndGet();
        } else {
            failures.add(new Failure(System.currentTimeMillis() - t0, "POST /api/cases", r.status(), r.body()));
            Db.sleep(200);
        }
    }

    private void complete(OpenTask task, Random random) {
        if (task.group() == null) {
            throw new IllegalStateException("task " + task + " has no candidate group");
        }
        Map<String, String> variables = new java.util.LinkedHashMap<>();
        if (random.nextInt(100) < 15) {
            variables.put("mode", "PAPER");
        }
        int dice = random.nextInt(100);
        switch (task.step()) {
            case RECEIVE -> {
                if (dice < 3) {
                    variables.put("outcome", "REJECT");
                }
            }
            case APPRAISE -> {
                if (dice < 8) {
                    variables.put("outcome", "SUPPLEMENT");
                } else if (dice < 11) {
                    variables.put("outcome", "REJECT");
                } else if (dice < 13) {
                    variables.put("outcome", "WITHDRAW");
                }
            }
            case AWAIT_SUPPLEMENT -> {
                if (dice < 10) {
                    variables.put("outcome", "WITHDRAW");
                }
            }
            case APPROVE -> {
                if (dice < 3) {
                    variables.put("outcome", "REJECT");
                }
            }
            case APOLOGY -> {
                LocalDate today = LocalDate.now(ZONE);
                LocalDate due = task.due() == null ? today : task.due().toInstant().atZone(ZONE).toLocalDate();
                variables.put("newAppointmentDate", (due.isAfter(today) ? due : today).plusDays(7).toString());
            }
            default -> {
            }
        }
        StringBuilder json = new StringBuilder("{\"variables\":{");
        variables.forEach((k, v) -> json.append('"').append(k).append("\":{\"value\":\"").append(v).append("\"},"));
        if (!variables.isEmpty()) {
            json.setLength(json.length() - 1);
        }
        json.append("}}");
        Client.Result r = client.post("/engine-rest/task/" + task.id() + "/complete", Users.memberOf(task.group()),
                json.toString());
        count(r.status());
        if (r.status() == 204) {
            completed.incrementAndGet();
        } else {
            failures.add(new Failure(System.currentTimeMillis() - t0, "complete " + task.step() + " " + task.id(),
                    r.status(), r.body()));
            Db.sleep(200);
        }
    }

    private void count(int status) {
        statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
    }
}
