package org.rectiflow.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.rectiflow.demo.RoundWalkthrough;
import org.rectiflow.inspection.InspectionRoundService;
import org.rectiflow.inspection.RoundRegistration;
import org.rectiflow.measure.MeasureExecutionProcess.Elements;
import org.rectiflow.measure.MeasureKind;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The bottleneck benchmark's data (PostgreSQL). A base round of {@link #baseMeasures} measures is driven through
 * the product (registered, brought to execution, then the engine's clock moved day by day while tasks are
 * completed and the due timer jobs run), so that its measures sit at every step; then the base round is copied in
 * bulk SQL ({@code INSERT … SELECT … CROSS JOIN generate_series}), engine rows and ledger rows with new ids, until
 * the ledger holds the wanted number of measures, spread over about 1,000 units.
 */
final class BottleneckData {

    /** The base round's measures, problems of ten measures (full: 100; smoke: 20). */
    final int baseMeasures;
    /** Day 0 of the base round; "now" is day {@link #LAST_DAY} 09:00 (Shanghai). */
    static final LocalDate DAY0 = LocalDate.of(2026, 3, 2);
    static final int LAST_DAY = 45;
    /** The base round's units (each has a liaison among the demo users), a measure's unit by its position. */
    static final List<String> UNITS = BenchRun.UNITS;
    /** The key groups of the base round's problems (problem n: the (n mod 5)th). */
    static final List<String> KEY_GROUPS = List.of("conduct", "crimeFighting", "teamBuilding", "lawEnforcement",
        "partyBuilding");
    /** Each copy n of a unit's measure goes to unit {@code codeU(n mod 100)} (the unit itself when 0;
     *  a unit's code holds only letters and digits). */
    static final int UNIT_COPIES = 100;
    /** A copy's ledger ids (problem, category) are the base's plus n × this. */
    private static final long ID_OFFSET = 1_000_000L;

    /** The engine's id columns: mapped to a new id per copy (md5 of the id and the copy's number: consistent). */
    private static final List<String> ENGINE_IDS = List.of("id_", "proc_inst_id_", "execution_id_", "parent_id_",
        "super_exec_", "root_proc_inst_id_", "call_proc_inst_id_", "parent_act_inst_id_", "task_id_",
        "super_process_instance_id_", "act_inst_id_", "parent_task_id_");

    /**
     * What measure i of the base round (by i mod 10) does, day by day: its deadline (days from day 0) and its
     * actions. Day 45: 0 at the unit, overdue since day 10, and at the leading group's interview (due day 40);
     * 1 at the unit, amber; 2 at review since day 5; 3 at sign-off since day 8; 4 closed; 5 at review after a
     * rework (rejected day 9); 6 back at the unit after a not-done report, overdue; 7 closed after a rework;
     * 8 at the unit since day 0, overdue; 9 at review since day 30.
     */
    private static final int[] DEADLINES = {10, 52, 90, 90, 60, 90, 30, 60, 20, 90};

    private record Step(int day, int measure, String action) {
    }

    private static List<Step> plan(int measure) {
        int p = measure % 10;
        List<Step> steps = new ArrayList<>();
        switch (p) {
            case 2 -> steps.add(new Step(5, measure, "report"));
            case 3 -> {
                steps.add(new Step(3, measure, "report"));
                steps.add(new Step(8, measure, "approve"));
            }
            case 4 -> {
                steps.add(new Step(2, measure, "report"));
                steps.add(new Step(6, measure, "approve"));
                steps.add(new Step(12, measure, "signOff"));
            }
            case 5 -> {
                steps.add(new Step(4, measure, "report"));
                steps.add(new Step(9, measure, "reject"));
                steps.add(new Step(20, measure, "report"));
            }
            case 6 -> steps.add(new Step(7, measure, "notDone"));
            case 7 -> {
                steps.add(new Step(3, measure, "report"));
                steps.add(new Step(6, measure, "reject"));
                steps.add(new Step(15, measure, "report"));
                steps.add(new Step(18, measure, "approve"));
                steps.add(new Step(25, measure, "signOff"));
            }
            case 9 -> steps.add(new Step(30, measure, "report"));
            default -> {
            }
        }
        return steps;
    }

    private final ConfigurableApplicationContext context;
    private final JdbcClient jdbc;
    private final TaskService tasks;
    private final ManagementService management;
    /** The base round's code and its instance, once made. */
    String round;
    String roundInstance;
    /** An open measure of the base round (at the unit, overdue) and its instance. */
    String measureInstance;
    private List<String> measures;

    BottleneckData(ConfigurableApplicationContext context, int baseMeasures) {
        this.context = context;
        this.baseMeasures = baseMeasures;
        this.jdbc = context.getBean(JdbcClient.class);
        this.tasks = context.getBean(TaskService.class);
        this.management = context.getBean(ManagementService.class);
    }

    static void setDay(int day) {
        ClockUtil.setCurrentTime(Date.from(DAY0.plusDays(day).atTime(9, 0).atZone(BenchRun.ZONE).toInstant()));
    }

    /** The base round, driven through the product to day {@link #LAST_DAY}; the clock is left there. */
    void baseRound() {
        setDay(0);
        round = "BNECK";
        context.getBean(InspectionRoundService.class).register(registration(round));
        RoundWalkthrough walkthrough = context.getBean(RoundWalkthrough.class);
        walkthrough.holdMeeting(round, DAY0, "领导小组会议", "班子成员", "部署整改");
        walkthrough.approvePlan(round, "整改方案", "无");
        walkthrough.approveUnitPlans(round);
        measures = jdbc.sql("""
                SELECT m.code FROM measure m JOIN problem p ON p.id = m.problem_id
                WHERE m.round_code = ? ORDER BY p.seq, m.seq""").param(round).query(String.class).list();
        if (measures.size() != baseMeasures) {
            throw new IllegalStateException("the base round has " + measures.size() + " measures");
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < measures.size(); i++) {
            steps.addAll(plan(i));
        }
        Map<Integer, List<Step>> byDay = steps.stream().collect(Collectors.groupingBy(Step::day));
        for (int day = 1; day <= LAST_DAY; day++) {
            setDay(day);
            runDueJobs();
            for (Step step : byDay.getOrDefault(day, List.of()).stream()
                .sorted(Comparator.comparingInt(Step::measure)).toList()) {
                act(step);
            }
        }
        roundInstance = jdbc.sql("SELECT process_instance_id FROM inspection_round WHERE code = ?").param(round)
            .query(String.class).single();
        measureInstance = jdbc.sql("SELECT process_instance_id FROM measure WHERE code = ?").param(measures.get(0))
            .query(String.class).single();
    }

    private RoundRegistration registration(String code) {
        List<RoundRegistration.Problem> problems = new ArrayList<>();
        for (int problem = 0; problem < baseMeasures / 10; problem++) {
            List<RoundRegistration.Measure> list = new ArrayList<>();
            for (int k = 0; k < 10; k++) {
                int i = problem * 10 + k;
                list.add(new RoundRegistration.Measure("瓶颈基准整改措施第" + (i + 1) + "项：完善制度并组织培训",
                    UNITS.get((i + problem) % UNITS.size()), "chief", DAY0.plusDays(DEADLINES[i % 10]),
                    MeasureKind.IMMEDIATE));
            }
            problems.add(new RoundRegistration.Problem(problem + 1, "瓶颈基准问题" + (problem + 1),
                KEY_GROUPS.get(problem % KEY_GROUPS.size()), list));
        }
        return new RoundRegistration(code, "瓶颈基准巡察", "市委第一巡察组", "中共测试委员会", "测试党委",
            DAY0.minusDays(60), DAY0.minusDays(10), DAY0, DAY0,
            List.of(new RoundRegistration.Category(1, "测试方面", problems)), List.of(), false, List.of());
    }

    /** The timer jobs due by the engine's clock (reminders, overdue notices, interviews), run one by one. */
    private void runDueJobs() {
        for (int pass = 0; pass < 20; pass++) {
            List<Job> due = management.createJobQuery().executable().list();
            if (due.isEmpty()) {
                return;
            }
            for (Job job : due) {
                management.executeJob(job.getId());
            }
        }
    }

    private void act(Step step) {
        String code = measures.get(step.measure());
        String expected = switch (step.action()) {
            case "report", "notDone" -> Elements.UNIT_RECTIFIES;
            case "approve", "reject" -> Elements.LEAD_UNIT_REVIEW;
            default -> Elements.SUPERVISION_SIGN_OFF;
        };
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey(expected)
            .singleResult();
        if (task == null) {
            throw new IllegalStateException(code + " does not wait at " + expected + " on " + step);
        }
        Map<String, Object> variables = switch (step.action()) {
            case "report" -> Map.of("progress", "已按整改方案完成各项工作", "completionSummary", "印发制度1项",
                "evidence", "整改材料汇编", "reportStatus", "COMPLETED");
            case "notDone" -> Map.of("progress", "已完成排查，正在协调市直部门", "reportStatus", "NOT_DONE",
                "notDoneReason", "涉及跨部门协调，需市财政局配合", "plannedDate", "2026-06-30");
            case "approve" -> Map.of("reviewDecision", "APPROVE", "reviewComment", "审核通过");
            case "reject" -> Map.of("reviewDecision", "REJECT", "reviewComment", "佐证材料不全，缺少检查记录");
            default -> Map.of("signOffDecision", "APPROVE", "signOffComment", "同意销号");
        };
        tasks.complete(task.getId(), variables);
    }

    /**
     * The base round copied {@code copies} times in bulk SQL: its engine rows (every row whose root instance is
     * the round's, with every id column mapped to {@code md5(id || '/' || n)}, business keys to {@code key~n})
     * and its ledger rows (round, categories, problems, measures; codes {@code code~n}, ids plus n × 1,000,000),
     * copy n's measures going to unit {@code unitU(n mod 100)}, which is added to {@code org_unit}.
     */
    void copy(int copies) {
        if (copies <= 0) {
            return;
        }
        List<String> baseUnits = jdbc.sql("SELECT DISTINCT unit_code FROM measure WHERE round_code = ?").param(round)
            .query(String.class).list();
        jdbc.sql(insert("org_unit", Map.of(
                "code", "t.code || 'U' || c.n",
                "name", "t.name || c.n",
                "sort_order", "t.sort_order + 1000 * c.n"),
            "CROSS JOIN generate_series(1, " + (UNIT_COPIES - 1) + ") AS c(n) WHERE t.code IN (:units)"))
            .param("units", baseUnits).update();
        String series = "CROSS JOIN generate_series(1, " + copies + ") AS c(n) ";
        String unit = "CASE WHEN c.n % " + UNIT_COPIES + " = 0 THEN t.unit_code ELSE t.unit_code || 'U' || (c.n % "
            + UNIT_COPIES + ") END";
        copyTable("inspection_round", Map.of("code", code("t.code"), "process_instance_id",
            id("t.process_instance_id")), series + "WHERE t.code = :round");
        copyTable("problem_category", Map.of("id", "t.id + " + ID_OFFSET + " * c.n", "round_code",
            code("t.round_code")), series + "WHERE t.round_code = :round");
        copyTable("problem", Map.of("id", "t.id + " + ID_OFFSET + " * c.n", "round_code", code("t.round_code"),
            "category_id", "t.category_id + " + ID_OFFSET + " * c.n"), series + "WHERE t.round_code = :round");
        copyTable("measure", Map.of("code", code("t.code"), "round_code", code("t.round_code"), "problem_id",
            "t.problem_id + " + ID_OFFSET + " * c.n", "process_instance_id", id("t.process_instance_id"),
            "unit_code", unit), series + "WHERE t.round_code = :round");
        // the runtime's child executions have no root instance id: the runtime rows by their instance
        String instances = "(SELECT h.proc_inst_id_ FROM act_hi_procinst h WHERE h.root_proc_inst_id_ = :root)";
        for (String table : List.of("act_ru_execution", "act_ru_task")) {
            copyTable(table, engineMapping(table), series + "WHERE t.proc_inst_id_ IN " + instances);
        }
        for (String table : List.of("act_hi_procinst", "act_hi_actinst", "act_hi_taskinst")) {
            copyTable(table, engineMapping(table), series + "WHERE t.root_proc_inst_id_ = :root");
        }
    }

    private void copyTable(String table, Map<String, String> mapping, String from) {
        long start = System.nanoTime();
        String sql = insert(table, mapping, from);
        int rows = jdbc.sql(sql).paramSource(Map.of("round", round, "root", roundInstance)).update();
        System.out.printf("[bench] bottlenecks: %s +%,d rows in %.1f s%n", table, rows,
            (System.nanoTime() - start) / 1e9);
    }

    private Map<String, String> engineMapping(String table) {
        Map<String, String> mapping = new java.util.HashMap<>();
        for (String column : columns(table)) {
            if (ENGINE_IDS.contains(column)) {
                mapping.put(column, id("t." + column));
            } else if (column.equals("business_key_")) {
                mapping.put(column, "CASE WHEN t.business_key_ IS NULL THEN NULL ELSE " + code("t.business_key_")
                    + " END");
            }
        }
        return mapping;
    }

    /** INSERT INTO table (every column) SELECT (the mapped ones mapped, the others as they are) FROM table t …. */
    private String insert(String table, Map<String, String> mapping, String from) {
        List<String> columns = columns(table);
        for (String mapped : mapping.keySet()) {
            if (!columns.contains(mapped)) {
                throw new IllegalStateException(table + " has no column " + mapped);
            }
        }
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT "
            + columns.stream().map(c -> mapping.getOrDefault(c, "t." + c)).collect(Collectors.joining(", "))
            + " FROM " + table + " t " + from;
    }

    private List<String> columns(String table) {
        return jdbc.sql("""
                SELECT column_name FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position""")
            .param(table).query(String.class).list();
    }

    private static String id(String column) {
        return "CASE WHEN " + column + " IS NULL THEN NULL ELSE md5(" + column + " || '/' || c.n) END";
    }

    private static String code(String column) {
        return column + " || '~' || c.n";
    }
}
