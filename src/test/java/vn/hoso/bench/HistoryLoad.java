package vn.hoso.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark 8's data: finished cases in Camunda's history tables, loaded by copying every history row of a few real
 * cases that the engine ran to the end (the templates) N times with SQL ({@code INSERT … SELECT … FROM
 * generate_series}), with fresh instance ids. The column lists come from {@code information_schema}, so the copy
 * follows the engine's schema version.
 *
 * <p>Which rows: every row of every {@code act_hi_*} table, and of {@code act_ge_bytearray} (byte array variables,
 * exception stacks of the history), whose {@code root_proc_inst_id_} is one of the templates' root process instances:
 * the root {@code hoso-case} instance and its called {@code hoso-segment} instances, their activity instances, tasks,
 * variables and their details, identity links, operation log, and whatever else the engine wrote for them. Runtime
 * tables ({@code act_ru_*}) are not touched: finished instances have no runtime rows.
 *
 * <p>How a row is copied: every varchar column whose name ends in {@code id_} is an <em>instance</em> id and gets the
 * copy's suffix {@code -g<n>} (so the references within one copy stay consistent: process instance, root, super
 * instance, execution, activity instance, parent activity instance, task, variable, byte array, job, operation ids),
 * except the references to definitions, deployments, users, groups, tenants, activities, clauses and batches
 * ({@link #KEEP}), which stay as they are; the business key gets the same suffix; every timestamp column is moved
 * back by the same 1–365 days per copy, so the copies spread over the year before the engine day (removal times move
 * with their end times). Everything else (names, states, values, durations, sequence counters) is the template's.
 */
final class HistoryLoad {

    /** Columns ending in {@code id_} that name definitions, users, groups, tenants, activities (kept as they are). */
    static final Set<String> KEEP = Set.of("proc_def_id_", "process_def_id_", "case_def_id_", "dec_def_id_",
            "dec_req_id_", "deployment_id_", "tenant_id_", "user_id_", "group_id_", "start_user_id_",
            "create_user_id_", "assigner_id_", "worker_id_", "act_id_", "start_act_id_", "end_act_id_", "activity_id_",
            "failed_activity_id_", "failed_act_id_", "case_act_id_", "job_def_id_", "seed_job_def_id_",
            "monitor_job_def_id_", "batch_job_def_id_", "batch_id_", "clause_id_", "rule_id_");

    /** One table's copy: its insert statement (parameters: first copy, last copy, template roots) and columns. */
    record Table(String name, String insert, List<String> suffixed, long templateRows) {
    }

    private final JdbcTemplate jdbc;
    private final String roots; // comma-separated, for any(string_to_array(?, ','))
    final List<Table> tables = new ArrayList<>();

    /** @param roots the templates: root process instance ids of finished cases */
    HistoryLoad(JdbcTemplate jdbc, List<String> roots) {
        this.jdbc = jdbc;
        this.roots = String.join(",", roots);
        long open = jdbc.queryForObject("select count(*) from act_hi_procinst where root_proc_inst_id_ = "
                + "any(string_to_array(?, ',')) and end_time_ is null", Long.class, this.roots);
        assertThat(open).as("open process instances among the templates").isZero();
        List<String> names = jdbc.queryForList("""
                select c.table_name from information_schema.columns c
                where c.table_schema = current_schema() and c.column_name = 'root_proc_inst_id_'
                  and (c.table_name like 'act\\_hi\\_%' or c.table_name = 'act_ge_bytearray')
                order by c.table_name""", String.class);
        assertThat(names).as("history tables").contains("act_hi_procinst", "act_hi_actinst", "act_hi_taskinst",
                "act_hi_varinst", "act_ge_bytearray");
        for (String name : names) {
            long rows = jdbc.queryForObject("select count(*) from " + name + " where root_proc_inst_id_ = "
                    + "any(string_to_array(?, ','))", Long.class, this.roots);
            if (rows > 0) {
                tables.add(table(name, rows));
            }
        }
    }

    private Table table(String name, long templateRows) {
        List<String> select = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        List<String> suffixed = new ArrayList<>();
        for (Map<String, Object> c : jdbc.queryForList("""
                select column_name, data_type from information_schema.columns
                where table_schema = current_schema() and table_name = ? order by ordinal_position""", name)) {
            String column = (String) c.get("column_name");
            String type = (String) c.get("data_type");
            columns.add(column);
            if (type.equals("character varying") && column.endsWith("id_") && !KEEP.contains(column)
                    || column.equals("business_key_")) {
                select.add("t." + column + " || '-g' || g.n");
                suffixed.add(column);
            } else if (type.startsWith("timestamp")) {
                select.add("t." + column + " - make_interval(days => 1 + g.n % 365)");
            } else {
                select.add("t." + column);
            }
        }
        assertThat(suffixed).as("%s: instance ids", name).contains("id_", "root_proc_inst_id_");
        String insert = "insert into " + name + " (" + String.join(", ", columns) + ") select "
                + String.join(", ", select) + " from " + name + " t cross join generate_series(?, ?) g(n) "
                + "where t.root_proc_inst_id_ = any(string_to_array(?, ','))";
        return new Table(name, insert, suffixed, templateRows);
    }

    /** Copies the templates' history rows {@code [first, last]} times (copy numbers first … last). */
    void copy(int first, int last) {
        for (Table t : tables) {
            int inserted = jdbc.update(t.insert(), first, last, roots);
            assertThat((long) inserted).as("%s rows of copies %d–%d", t.name(), first, last)
                    .isEqualTo(t.templateRows() * (last - first + 1));
        }
    }

    /** Row counts of the tables copied. */
    Map<String, Long> counts() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (Table t : tables) {
            m.put(t.name(), jdbc.queryForObject("select count(*) from " + t.name(), Long.class));
        }
        return m;
    }

    /** The columns that got the copy's suffix, over all tables. */
    Set<String> suffixedColumns() {
        Set<String> all = new TreeSet<>();
        tables.forEach(t -> all.addAll(t.suffixed()));
        return all;
    }

    /**
     * References within copy {@code n} that point nowhere (0 if the suffixing kept every copy consistent): activity
     * instances of unknown process instances or parents, tasks of unknown activity instances, variables of unknown
     * process instances, segments of unknown super instances.
     */
    Map<String, Long> danglingReferences(int n) {
        String s = "%-g" + n;
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("actinst.proc_inst_id_", jdbc.queryForObject("""
                select count(*) from act_hi_actinst a where a.root_proc_inst_id_ like ?
                  and not exists (select 1 from act_hi_procinst p where p.proc_inst_id_ = a.proc_inst_id_)""",
                Long.class, s));
        m.put("actinst.parent_act_inst_id_", jdbc.queryForObject("""
                select count(*) from act_hi_actinst a where a.root_proc_inst_id_ like ?
                  and not exists (select 1 from act_hi_actinst b where b.id_ = a.parent_act_inst_id_)
                  and a.parent_act_inst_id_ <> a.proc_inst_id_""", Long.class, s));
        m.put("taskinst.act_inst_id_", jdbc.queryForObject("""
                select count(*) from act_hi_taskinst t where t.root_proc_inst_id_ like ?
                  and not exists (select 1 from act_hi_actinst a where a.id_ = t.act_inst_id_ and a.task_id_ = t.id_)""",
                Long.class, s));
        m.put("varinst.proc_inst_id_", jdbc.queryForObject("""
                select count(*) from act_hi_varinst v where v.root_proc_inst_id_ like ?
                  and not exists (select 1 from act_hi_procinst p where p.proc_inst_id_ = v.proc_inst_id_)""",
                Long.class, s));
        m.put("procinst.super_process_instance_id_", jdbc.queryForObject("""
                select count(*) from act_hi_procinst p where p.root_proc_inst_id_ like ?
                  and p.super_process_instance_id_ is not null
                  and not exists (select 1 from act_hi_procinst q where q.proc_inst_id_ = p.super_process_instance_id_)""",
                Long.class, s));
        return m;
    }
}
