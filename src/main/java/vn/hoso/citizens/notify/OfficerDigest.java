package vn.hoso.citizens.notify;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.hoso.cases.CaseFile;
import vn.hoso.cases.CaseFiles;
import vn.hoso.citizens.CitizensProperties;
import vn.hoso.identity.Groups;
import vn.hoso.platform.BusinessClock;
import vn.hoso.platform.EngineAsSystem;
import vn.hoso.procedures.Procedure;
import vn.hoso.procedures.ProcedureCatalogue;
import vn.hoso.units.Unit;
import vn.hoso.units.UnitRegistry;

/**
 * The officers' daily digest: per unit, one e-mail listing the unit's open tasks whose case is overdue or due within
 * {@code hoso.citizens.digest.due-within-days}, each linked to the task in Tasklist, to the unit's officers and
 * leaders that have an e-mail address in their Camunda profile. Which unit a task belongs to is its candidate groups
 * ({@code officers.X}, {@code leaders.X}); the case's code and dates come from the case tables. A unit's digest of a
 * day is sent once (table {@code officer_digest}), whichever node and however often it runs.
 */
@Service
public class OfficerDigest {

    private static final Logger LOG = LoggerFactory.getLogger(OfficerDigest.class);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final EngineAsSystem engine;
    private final CaseFiles cases;
    private final ProcedureCatalogue catalogue;
    private final UnitRegistry units;
    private final BusinessClock clock;
    private final CitizensProperties properties;
    private final ObjectProvider<JavaMailSender> mail;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    OfficerDigest(TaskService tasks, RuntimeService runtime, IdentityService identity, EngineAsSystem engine,
                  CaseFiles cases, ProcedureCatalogue catalogue, UnitRegistry units, BusinessClock clock,
                  CitizensProperties properties, ObjectProvider<JavaMailSender> mail, JdbcTemplate jdbc,
                  TransactionTemplate tx) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.identity = identity;
        this.engine = engine;
        this.cases = cases;
        this.catalogue = catalogue;
        this.units = units;
        this.clock = clock;
        this.properties = properties;
        this.mail = mail;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** One line of a digest. */
    record Line(String code, String procedure, String step, LocalDate due, String link) {
    }

    @Scheduled(cron = "${hoso.citizens.digest.cron:0 0 7 * * MON-FRI}", zone = "${hoso.time-zone:Asia/Ho_Chi_Minh}")
    void daily() {
        if (properties.digest().enabled()) {
            try {
                run(clock.today());
            } catch (RuntimeException e) {
                LOG.error("Officers' digest of {} failed: {}", clock.today(), e.getMessage(), e);
            }
        }
    }

    /** Sends the digests of {@code day} not sent yet; how many units got one. */
    public int run(LocalDate day) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            LOG.info("Officers' digest of {}: no mail sender configured (spring.mail.host)", day);
            return 0;
        }
        Map<String, List<Line>> byUnit = linesByUnit(day);
        int sent = 0;
        for (var unit : byUnit.entrySet()) {
            List<String> to = recipients(unit.getKey());
            if (to.isEmpty()) {
                continue;
            }
            String unitName = units.unitOn(unit.getKey(), day).map(Unit::name).orElse(unit.getKey());
            Boolean done = tx.execute(status -> {
                int fresh = jdbc.update("""
                        insert into officer_digest (unit_code, day, tasks, recipients) values (?, ?, ?, ?)
                        on conflict (unit_code, day) do nothing""", unit.getKey(), day, unit.getValue().size(),
                        to.size());
                if (fresh == 0) {
                    return false;
                }
                send(sender, to, unitName, day, unit.getValue());
                return true;
            });
            if (Boolean.TRUE.equals(done)) {
                sent++;
            }
        }
        LOG.info("Officers' digest of {}: sent to {} of {} units with tasks due", day, sent, byUnit.size());
        return sent;
    }

    private Map<String, List<Line>> linesByUnit(LocalDate day) {
        ZoneId zone = clock.zone();
        Date before = Date.from(day.plusDays(properties.digest().dueWithinDays() + 1L).atStartOfDay(zone).toInstant());
        List<Task> due = engine.call(() -> tasks.createTaskQuery().active().dueBefore(before).list());
        Set<String> instanceIds = due.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
        Map<String, String> caseOfInstance = instanceIds.isEmpty() ? Map.of() : engine.call(() -> runtime
                .createProcessInstanceQuery().processInstanceIds(instanceIds).list().stream()
                .filter(p -> p.getBusinessKey() != null)
                .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey)));
        Map<String, List<Line>> byUnit = new TreeMap<>();
        for (Task task : due) {
            String caseId = caseOfInstance.get(task.getProcessInstanceId());
            CaseFile file = caseId == null ? null : cases.find(UUID.fromString(caseId)).orElse(null);
            if (file == null || (!properties.digest().overdue() && file.dueDate().isBefore(day))) {
                continue;
            }
            String link = properties.digest().tasklistUrl() + "#/?task=" + task.getId();
            Line line = new Line(file.code(), catalogue.find(file.procedureCode()).map(Procedure::name)
                    .orElse(file.procedureCode()), task.getName(), file.dueDate(), link);
            Set<String> taskUnits = new LinkedHashSet<>();
            for (IdentityLink l : engine.call(() -> tasks.getIdentityLinksForTask(task.getId()))) {
                if ("candidate".equals(l.getType()) && l.getGroupId() != null && Groups.unitOf(l.getGroupId()) != null) {
                    taskUnits.add(Groups.unitOf(l.getGroupId()));
                }
            }
            taskUnits.forEach(u -> byUnit.computeIfAbsent(u, k -> new ArrayList<>()).add(line));
        }
        byUnit.values().forEach(l -> l.sort(Comparator.comparing(Line::due).thenComparing(Line::code)));
        return byUnit;
    }

    private List<String> recipients(String unitCode) {
        Set<String> addresses = new LinkedHashSet<>();
        for (String group : List.of(Groups.officers(unitCode), Groups.leaders(unitCode))) {
            engine.call(() -> identity.createUserQuery().memberOfGroup(group).list()).stream()
                    .map(User::getEmail).filter(e -> e != null && !e.isBlank()).forEach(addresses::add);
        }
        return List.copyOf(addresses);
    }

    private void send(JavaMailSender sender, List<String> to, String unitName, LocalDate day, List<Line> lines) {
        List<Line> late = lines.stream().filter(l -> l.due().isBefore(day)).toList();
        List<Line> soon = lines.stream().filter(l -> !l.due().isBefore(day)).toList();
        StringBuilder body = new StringBuilder("Kính gửi cán bộ, lãnh đạo ").append(unitName).append(",\n\n")
                .append("Tình hình hồ sơ của đơn vị ngày ").append(DATE.format(day)).append(":\n");
        section(body, "Quá hạn", late);
        section(body, "Đến hạn trong " + (properties.digest().dueWithinDays() + 1) + " ngày tới (kể cả hôm nay)", soon);
        body.append("\nMở từng việc trong Tasklist theo đường dẫn bên cạnh. Thư tự động của hệ thống Hồ sơ.\n");
        try {
            MimeMessage mime = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, false, StandardCharsets.UTF_8.name());
            helper.setFrom(properties.messages().mailFrom());
            helper.setTo(to.toArray(String[]::new));
            helper.setSubject("Hồ sơ quá hạn và đến hạn – " + unitName + " – " + DATE.format(day) + " ("
                    + late.size() + " quá hạn, " + soon.size() + " đến hạn)");
            helper.setText(body.toString(), false);
            sender.send(mime);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException("digest of " + unitName + ": " + e.getMessage(), e);
        }
    }

    private static void section(StringBuilder body, String title, List<Line> lines) {
        body.append("\n").append(title).append(" (").append(lines.size()).append("):\n");
        if (lines.isEmpty()) {
            body.append("  (không có)\n");
        }
        for (Line l : lines) {
            body.append("  - ").append(l.code()).append(" · ").append(l.procedure()).append(" · ").append(l.step())
                    .append(" · hạn ").append(DATE.format(l.due())).append("\n    ").append(l.link()).append("\n");
        }
    }
}
