package vn.hoso.cases;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.awaitility.Awaitility.await;

/**
 * Everything an attack on a case could change, read straight from the tables and the engine: the case row and its
 * segments, its open tasks with who may work them, its event log with the chain head and how far the relay has
 * sent it to Kafka, and its rows in the rollup read model. Two snapshots are equal when nothing changed.
 */
record CaseSnapshot(List<Map<String, Object>> caseFile, List<Map<String, Object>> segments, List<String> tasks,
                    List<Map<String, Object>> events, List<Map<String, Object>> chainHead,
                    List<Map<String, Object>> relayed, List<Map<String, Object>> rollup) {

    /**
     * The case once the relay has sent its whole log to Kafka and the rollup consumer has taken in every event, so
     * that two snapshots differ only by what happened to the case in between.
     */
    static CaseSnapshot settled(String caseId, JdbcTemplate jdbc, TaskService taskService) {
        await().atMost(Duration.ofSeconds(30)).until(() -> Boolean.TRUE.equals(jdbc.queryForObject("""
                select coalesce((select sent_seq from case_event_relay where case_id = ?), 0)
                           = coalesce((select last_seq from case_event_stream where case_id = ?), 0)
                       and not exists (select 1 from case_event e where e.case_id = ?
                                          and not exists (select 1 from rollup_case_position p
                                                           where p.case_id = e.case_id
                                                             and p.applied_seq >= e.seq))""",
                Boolean.class, caseId, caseId, caseId)));
        return of(caseId, jdbc, taskService);
    }

    static CaseSnapshot of(String caseId, JdbcTemplate jdbc, TaskService taskService) {
        List<String> tasks = taskService.createTaskQuery().processInstanceBusinessKey(caseId).list().stream()
                .map(t -> t.getTaskDefinitionKey() + " assignee=" + t.getAssignee() + " due=" + t.getDueDate()
                        + " candidates=" + taskService.getIdentityLinksForTask(t.getId()).stream()
                        .map(CaseSnapshot::link).sorted().toList())
                .sorted().toList();
        return new CaseSnapshot(
                rows(jdbc, "select * from case_file where case_id = ?::uuid", caseId),
                rows(jdbc, "select * from case_segment where case_id = ?::uuid order by segment_no", caseId),
                tasks,
                rows(jdbc, "select seq, type, source, data::text, hash from case_event where case_id = ? order by seq",
                        caseId),
                rows(jdbc, "select last_seq, last_hash from case_event_stream where case_id = ?", caseId),
                rows(jdbc, "select sent_seq from case_event_relay where case_id = ?", caseId),
                rows(jdbc, "select 'segment' as kind, to_jsonb(s)::text as row from rollup_segment s "
                        + "where s.case_id = ? union all select 'case', to_jsonb(c)::text from rollup_case c "
                        + "where c.case_id = ? order by 1, 2", caseId, caseId));
    }

    private static String link(IdentityLink l) {
        return l.getType() + ":" + (l.getGroupId() != null ? "group " + l.getGroupId() : "user " + l.getUserId());
    }

    private static List<Map<String, Object>> rows(JdbcTemplate jdbc, String sql, Object... args) {
        return jdbc.queryForList(sql, args);
    }
}
