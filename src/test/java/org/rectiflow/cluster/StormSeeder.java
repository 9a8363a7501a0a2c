package org.rectiflow.cluster;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.rectiflow.RectiflowApplication;
import org.rectiflow.demo.RoundWalkthrough;
import org.rectiflow.inspection.InspectionRoundService;
import org.rectiflow.inspection.RoundRegistration;
import org.rectiflow.measure.MeasureExecutionProcess;
import org.rectiflow.measure.MeasureKind;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Prepares a timer storm with the application itself, its job executor off: rounds whose measures all wait at
 * the unit's task with the green reminder already due (deadline in 15 days, reminder 20 days before), so the
 * nodes started afterwards find every ladder timer due at once. Public for {@code bench/ClusterBenchmark}.
 */
public final class StormSeeder implements AutoCloseable {

    static final List<String> UNITS = List.of("siming", "haicang", "tongan", "airport", "legal", "personnel",
        "patrol", "trafficPolice", "criminalInvestigation", "exitEntry");
    static final int PER_PROBLEM = 50;

    private final ConfigurableApplicationContext context;

    public StormSeeder(String databaseUrl) {
        List<String> args = new ArrayList<>(ClusterSettings.common(databaseUrl));
        args.add("--camunda.bpm.job-execution.enabled=false");
        args.add("--rectiflow.notification.dispatch-enabled=false");
        args.add("--server.port=0"); // the REST starter needs a servlet context; nobody calls it
        args.add("--server.address=127.0.0.1");
        context = new SpringApplicationBuilder(RectiflowApplication.class).run(args.toArray(String[]::new));
    }

    /** Registers a round of the given number of measures and brings it to execution; returns its code. */
    public String roundWithDueReminders(String code, int measures) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        List<RoundRegistration.Problem> problems = new ArrayList<>();
        int made = 0;
        for (int problem = 1; made < measures; problem++) {
            List<RoundRegistration.Measure> list = new ArrayList<>();
            for (int i = 0; i < PER_PROBLEM && made < measures; i++, made++) {
                list.add(new RoundRegistration.Measure("压力测试整改措施第" + (made + 1) + "项：完善制度并组织培训",
                    UNITS.get(made % UNITS.size()), "chief", today.plusDays(15), MeasureKind.IMMEDIATE));
            }
            problems.add(new RoundRegistration.Problem(problem, "压力测试问题" + problem, "conduct", list));
        }
        InspectionRoundService rounds = context.getBean(InspectionRoundService.class);
        rounds.register(new RoundRegistration(code, "集群测试巡察" + code, "市委第一巡察组", "中共测试委员会", "测试党委",
            today.minusDays(60), today.minusDays(10), today, today,
            List.of(new RoundRegistration.Category(1, "测试方面", problems))));
        RoundWalkthrough walkthrough = context.getBean(RoundWalkthrough.class);
        walkthrough.holdMeeting(code, today, "领导小组会议", "班子成员", "部署整改");
        walkthrough.approvePlan(code, "整改方案", "无");
        walkthrough.approveUnitPlans(code);
        return code;
    }

    /**
     * Suspends the green reminders' timer jobs, so that nodes started now find them waiting; releasing them
     * ({@link ClusterNode#releaseReminders()}) makes all of them due at the same moment, with every node up.
     */
    public void holdReminders() {
        ManagementService management = context.getBean(ManagementService.class);
        for (JobDefinition definition : management.createJobDefinitionQuery()
            .activityIdIn(MeasureExecutionProcess.Elements.GREEN_REMINDER).list()) {
            management.suspendJobDefinitionById(definition.getId(), true);
        }
    }

    /**
     * The seeded database's statistics brought up to date, as autovacuum's analyze does on a site after so many new
     * rows (a server with autovacuum off would otherwise leave the database without any).
     */
    public void analyze() {
        context.getBean(JdbcClient.class).sql("ANALYZE").update();
    }

    @Override
    public void close() {
        context.close();
    }
}
