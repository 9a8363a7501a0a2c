package org.rectiflow.bottleneck;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.rectiflow.demo.RoundWalkthrough;
import org.rectiflow.inspection.InspectionRoundService;
import org.rectiflow.inspection.RoundRegistration;
import org.rectiflow.measure.MeasureExecutionProcess;
import org.rectiflow.measure.MeasureKind;
import org.rectiflow.support.TestRounds;
import org.rectiflow.support.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code /api/bottlenecks}, as Cockpit's plugin calls it, against a round with known waits (the engine's clock
 * moved day by day). The context is this class's own (its own database), so that a definition's figures count
 * this round's measures only.
 *
 * <p>Day 0 (2 March 2026, 09:00 Shanghai) the round's four measures of 思明分局 start, due in 3, 12, 30 and 60 days.
 * Day 1 the third is reported done; day 2 the fourth; day 3 the second is reported not done (back to the unit);
 * day 4 the lead unit approves the third (to sign-off); day 5 it sends the fourth back (rework). Day 6 09:00: the
 * unit waits on the first (6 days, overdue), the second (3 days, amber) and the fourth (1 day); the supervision
 * group on the third (2 days). Finished reports took 1, 2 and 3 days; reviews 3 and 3 days.
 */
@TestPropertySource(properties = "rectiflow.test.context=bottlenecks")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BottleneckApiTest extends WebTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDate DAY0 = LocalDate.of(2026, 3, 2);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired InspectionRoundService rounds;
    @Autowired RoundWalkthrough walkthrough;
    @Autowired TaskService taskService;
    @Autowired RepositoryService repositoryService;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;

    private final HttpClient http = HttpClient.newHttpClient();
    private String round;
    private String roundInstance;
    private String measureDefinition;

    private String measure(int n) {
        return RoundRegistration.measureCode(round, 1, n);
    }

    private static void setDay(int day) {
        ClockUtil.setCurrentTime(Date.from(DAY0.plusDays(day).atTime(9, 0).atZone(ZONE).toInstant()));
    }

    private Task task(int measure) {
        return taskService.createTaskQuery().processInstanceBusinessKey(measure(measure)).singleResult();
    }

    private void report(int measure, String status) {
        Task task = task(measure);
        assertThat(task.getTaskDefinitionKey()).isEqualTo(MeasureExecutionProcess.Elements.UNIT_RECTIFIES);
        taskService.complete(task.getId(), "NOT_DONE".equals(status)
            ? Map.of("progress", "已完成排查，正在协调市直部门", "reportStatus", "NOT_DONE",
                "notDoneReason", "涉及跨部门协调，需市财政局配合", "plannedDate", "2026-06-30")
            : Map.of("progress", "已按整改方案完成各项工作", "completionSummary", "印发制度1项",
                "evidence", "整改材料汇编", "reportStatus", "COMPLETED"));
    }

    private void review(int measure, String decision) {
        Task task = task(measure);
        assertThat(task.getTaskDefinitionKey()).isEqualTo(MeasureExecutionProcess.Elements.LEAD_UNIT_REVIEW);
        taskService.complete(task.getId(), Map.of("reviewDecision", decision, "reviewComment",
            "APPROVE".equals(decision) ? "审核通过" : "佐证材料不全，缺少检查记录"));
    }

    @BeforeAll
    void knownWaits() {
        setDay(0);
        round = TestRounds.newCode();
        rounds.register(TestRounds.round(round, DAY0, MeasureKind.IMMEDIATE, 3, 12, 30, 60));
        walkthrough.holdMeeting(round, DAY0, "领导小组会议", "班子成员", "部署整改");
        walkthrough.approvePlan(round, "整改方案", "无");
        walkthrough.approveUnitPlans(round);
        setDay(1);
        report(3, "COMPLETED");
        setDay(2);
        report(4, "COMPLETED");
        setDay(3);
        report(2, "NOT_DONE");
        setDay(4);
        review(3, "APPROVE");
        setDay(5);
        review(4, "REJECT");
        setDay(6);
        roundInstance = jdbc.sql("SELECT process_instance_id FROM inspection_round WHERE code = ?").param(round)
            .query(String.class).single();
        measureDefinition = repositoryService.createProcessDefinitionQuery()
            .processDefinitionKey(MeasureExecutionProcess.KEY).latestVersion().singleResult().getId();
    }

    @AfterAll
    void resetClock() {
        ClockUtil.reset();
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (user != null) {
            request.header("Authorization", basicAuth(user, "demo"));
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode ok(String path, String user) throws Exception {
        HttpResponse<String> answer = get(path, user);
        assertThat(answer.statusCode()).as(path + " as " + user + ": " + answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private JsonNode definition(String user) throws Exception {
        return ok("/api/bottlenecks/process-definitions/" + measureDefinition, user);
    }

    private static JsonNode activity(JsonNode answer, String id) {
        for (JsonNode a : answer.get("activities")) {
            if (a.get("activityId").asText().equals(id)) {
                return a;
            }
        }
        throw new AssertionError("no activity " + id + " in " + answer);
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.get(field).isNull() ? null : n.get(field).asText()));
        return values;
    }

    @Test
    void theUnitsStepShowsWhatWaitsThereNowHowLongAndWhatIsLate() throws Exception {
        JsonNode answer = definition("officer1");
        assertThat(answer.get("processName").asText()).isEqualTo("整改措施办理");
        assertThat(answer.get("asOf").asText()).isEqualTo("2026年3月8日 09:00");
        assertThat(answer.get("scope").asText()).isEqualTo("全部实例");
        JsonNode unit = activity(answer, "userTask_unitRectifies");
        assertThat(unit.get("name").asText()).isEqualTo("单位整改并报告");
        assertThat(unit.get("type").asText()).isEqualTo("userTask");
        assertThat(unit.get("waiting").asLong()).isEqualTo(3);
        // waits of 1, 3 and 6 days: nearest-rank median 3 days, 90th percentile 6 days
        assertThat(unit.get("waitMedian").asText()).isEqualTo("3天");
        assertThat(unit.get("waitMedianSeconds").asLong()).isEqualTo(3 * 86_400);
        assertThat(unit.get("waitP90").asText()).isEqualTo("6天");
        assertThat(unit.get("waitP90Seconds").asLong()).isEqualTo(6 * 86_400);
        assertThat(unit.get("overdue").asLong()).as("the first, due on day 3").isEqualTo(1);
        assertThat(unit.get("amber").asLong()).as("the second, due on day 12, amber from day 2").isEqualTo(1);
        assertThat(unit.get("light").asText()).isEqualTo("RED");
        assertThat(unit.get("lightLabel").asText()).isEqualTo("红色");
    }

    @Test
    void finishedStepsCountEveryPassOfAReworkLoop() throws Exception {
        JsonNode answer = definition("officer1");
        JsonNode unit = activity(answer, "userTask_unitRectifies");
        // reports of 1, 2 and 3 days (the third a not-done report the unit got back)
        assertThat(unit.get("finished").asLong()).isEqualTo(3);
        assertThat(unit.get("durationMedian").asText()).isEqualTo("2天");
        assertThat(unit.get("durationP90").asText()).isEqualTo("3天");
        JsonNode review = activity(answer, "userTask_leadUnitReview");
        assertThat(review.get("waiting").asLong()).isZero();
        assertThat(review.get("waitMedian").isNull()).isTrue();
        assertThat(review.get("light").asText()).isEqualTo("NONE");
        assertThat(review.get("lightLabel").asText()).isEqualTo("无待办");
        assertThat(review.get("finished").asLong()).isEqualTo(2);
        assertThat(review.get("durationMedian").asText()).isEqualTo("3天");
        assertThat(review.get("durationP90Seconds").asLong()).isEqualTo(3 * 86_400);
        JsonNode signOff = activity(answer, "userTask_supervisionSignOff");
        assertThat(signOff.get("waiting").asLong()).isEqualTo(1);
        assertThat(signOff.get("waitMedian").asText()).isEqualTo("2天");
        assertThat(signOff.get("light").asText()).as("due on day 30").isEqualTo("GREEN");
        assertThat(signOff.get("finished").asLong()).isZero();
        assertThat(signOff.get("durationMedian").isNull()).isTrue();
    }

    @Test
    void theLedgersHistogramOfFinishedStepsIsWhatTheHistoryHolds() throws Exception {
        List<String> kept = histogram();
        assertThat(kept).containsExactly("userTask_leadUnitReview siming conduct 259200 2",
            "userTask_unitRectifies siming conduct 86400 1", "userTask_unitRectifies siming conduct 172800 1",
            "userTask_unitRectifies siming conduct 259200 1");
        jdbc.sql("DELETE FROM step_duration").update();
        try (Connection connection = dataSource.getConnection()) {
            new StepDurationBackfill().migrate(new Context() {
                @Override
                public Configuration getConfiguration() {
                    return null;
                }

                @Override
                public Connection getConnection() {
                    return connection;
                }
            });
        }
        assertThat(histogram()).as("filled from history as on an upgraded site (ledger V22)").isEqualTo(kept);
    }

    private List<String> histogram() {
        return jdbc.sql("SELECT activity_id, unit_code, key_group_code, bucket_seconds, finished FROM step_duration"
                + " WHERE process_key = 'measure-execution' ORDER BY activity_id, bucket_seconds")
            .query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getLong(4)
                + " " + rs.getLong(5))
            .list();
    }

    @Test
    void activitiesAreRankedByHowLongTheirLongestWaitsAre() throws Exception {
        assertThat(texts(definition("officer1").get("activities"), "activityId")).startsWith(
            "userTask_unitRectifies", "userTask_supervisionSignOff").contains("userTask_leadUnitReview",
            "userTask_leadingGroupInterview").hasSize(4);
    }

    @Test
    void unitsAndKeyGroupsShowOpenOverdueReworksAndTheMedianOfEachStep() throws Exception {
        JsonNode answer = definition("officer1");
        assertThat(answer.get("units")).hasSize(1);
        assertThat(answer.get("unitCount").asInt()).isEqualTo(1);
        assertThat(answer.get("keyGroupCount").asInt()).isEqualTo(1);
        JsonNode unit = answer.get("units").get(0);
        assertThat(unit.get("name").asText()).isEqualTo("思明分局");
        assertThat(unit.get("open").asLong()).isEqualTo(4);
        assertThat(unit.get("overdue").asLong()).isEqualTo(1);
        assertThat(unit.get("amber").asLong()).isEqualTo(1);
        assertThat(unit.get("reworks").asLong()).isEqualTo(1);
        assertThat(unit.get("light").asText()).isEqualTo("RED");
        assertThat(texts(unit.get("steps"), "name")).containsExactly("单位整改并报告", "牵头单位审核", "监督组销号审核");
        assertThat(texts(unit.get("steps"), "median")).containsExactly("2天", "3天", null);
        assertThat(texts(unit.get("steps"), "finished")).containsExactly("3", "2", "0");
        assertThat(unit.get("filter").get("variable").asText()).isEqualTo("unitGroup");
        assertThat(unit.get("filter").get("value").asText()).isEqualTo("siming");

        JsonNode keyGroup = answer.get("keyGroups").get(0);
        assertThat(answer.get("keyGroups")).hasSize(1);
        assertThat(keyGroup.get("name").asText()).isEqualTo("作风转变");
        assertThat(keyGroup.get("leadUnitName").asText()).isEqualTo("督察支队");
        assertThat(keyGroup.get("overdue").asLong()).isEqualTo(1);
        assertThat(texts(keyGroup.get("steps"), "median")).containsExactly("2天", "3天", null);
        assertThat(keyGroup.get("filter").get("variable").asText()).isEqualTo("leadUnitGroup");
        assertThat(keyGroup.get("filter").get("value").asText()).isEqualTo("inspectorate");
    }

    @Test
    void aRoundsInstanceListsItsOpenMeasuresWorstFirstWithWhereTheyWait() throws Exception {
        JsonNode answer = ok("/api/bottlenecks/process-instances/" + roundInstance, "officer1");
        assertThat(answer.get("processName").asText()).isEqualTo("巡察整改");
        JsonNode measures = answer.get("measures");
        assertThat(texts(measures, "code")).containsExactly(measure(1), measure(2), measure(3), measure(4));
        assertThat(texts(measures, "light")).containsExactly("RED", "AMBER", "GREEN", "GREEN");
        assertThat(texts(measures, "activityName")).containsExactly("单位整改并报告", "单位整改并报告", "监督组销号审核",
            "单位整改并报告");
        assertThat(texts(measures, "since")).containsExactly("2026年3月2日 09:00", "2026年3月5日 09:00",
            "2026年3月6日 09:00", "2026年3月7日 09:00");
        assertThat(texts(measures, "waited")).containsExactly("6天", "3天", "2天", "1天");
        assertThat(texts(measures, "deadline")).containsExactly("2026年3月5日", "2026年3月14日", "2026年4月1日",
            "2026年5月1日");
        assertThat(texts(measures, "unitName")).containsOnly("思明分局");
        assertThat(texts(measures, "keyGroupName")).containsOnly("作风转变");

        JsonNode calls = activity(answer, "callActivity_executeMeasures");
        assertThat(calls.get("name").asText()).isEqualTo("各单位落实整改措施");
        assertThat(calls.get("waiting").asLong()).isEqualTo(4);
        assertThat(calls.get("since").asText()).isEqualTo("2026年3月2日 09:00");
        assertThat(calls.get("waited").asText()).isEqualTo("6天");
        assertThat(calls.get("overdue").asLong()).isEqualTo(1);
        assertThat(calls.get("amber").asLong()).isEqualTo(1);
        assertThat(calls.get("light").asText()).isEqualTo("RED");
    }

    @Test
    void aMeasuresInstanceShowsWhereItWaits() throws Exception {
        String instance = task(1).getProcessInstanceId();
        JsonNode answer = ok("/api/bottlenecks/process-instances/" + instance, TestRounds.LIAISON);
        JsonNode unit = activity(answer, "userTask_unitRectifies");
        assertThat(unit.get("waiting").asLong()).isEqualTo(1);
        assertThat(unit.get("since").asText()).isEqualTo("2026年3月2日 09:00");
        assertThat(unit.get("waited").asText()).isEqualTo("6天");
        assertThat(unit.get("light").asText()).isEqualTo("RED");
        assertThat(texts(answer.get("measures"), "code")).containsExactly(measure(1));
    }

    @Test
    void aUnitsUserSeesItsOwnMeasuresAndAnotherUnitsUserNone() throws Exception {
        JsonNode own = definition(TestRounds.LIAISON);
        assertThat(own.get("scope").asText()).isEqualTo("本单位及本单位牵头关键组的整改措施");
        assertThat(activity(own, "userTask_unitRectifies").get("waiting").asLong()).isEqualTo(3);
        assertThat(texts(own.get("units"), "code")).containsExactly("siming");

        JsonNode lead = definition(TestRounds.LEAD_UNIT_LIAISON);
        assertThat(activity(lead, "userTask_unitRectifies").get("waiting").asLong())
            .as("the lead unit of the measures' key group reads them").isEqualTo(3);

        JsonNode other = definition("haicangLiaison");
        assertThat(activity(other, "userTask_unitRectifies").get("waiting").asLong()).isZero();
        assertThat(activity(other, "userTask_unitRectifies").get("finished").asLong()).isZero();
        assertThat(other.get("units")).isEmpty();
        assertThat(other.get("keyGroups")).isEmpty();
    }

    @Test
    void aUnitsUserIsRefusedOtherDiagramsAndOtherUnitsInstancesInChinese() throws Exception {
        String roundDefinition = jdbc.sql("SELECT PROC_DEF_ID_ FROM ACT_HI_PROCINST WHERE ID_ = ?")
            .param(roundInstance).query(String.class).single();
        HttpResponse<String> roundFigures = get("/api/bottlenecks/process-definitions/" + roundDefinition,
            TestRounds.LIAISON);
        assertThat(roundFigures.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(roundFigures.body()).get("message").asText())
            .isEqualTo("您只能查看本单位整改措施的瓶颈情况，这个流程的情况请向整改专班了解");

        HttpResponse<String> roundItself = get("/api/bottlenecks/process-instances/" + roundInstance,
            TestRounds.LIAISON);
        assertThat(roundItself.statusCode()).isEqualTo(403);

        HttpResponse<String> anotherUnits = get("/api/bottlenecks/process-instances/"
            + task(1).getProcessInstanceId(), "haicangLiaison");
        assertThat(anotherUnits.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(anotherUnits.body()).get("message").asText())
            .isEqualTo("您只能查看本单位及本单位牵头关键组的整改措施");
    }

    @Test
    void theOverseersAndTheProcessOwnerSeeEveryInstance() throws Exception {
        for (String user : List.of("supervisor1", "owner1", "demo")) {
            JsonNode answer = definition(user);
            assertThat(answer.get("scope").asText()).as(user).isEqualTo("全部实例");
            assertThat(activity(answer, "userTask_unitRectifies").get("waiting").asLong()).as(user).isEqualTo(3);
        }
    }

    @Test
    void withoutALoginNothingAndAnUnknownIdIsNamedNotFound() throws Exception {
        assertThat(get("/api/bottlenecks/process-definitions/" + measureDefinition, null).statusCode())
            .isEqualTo(401);
        HttpResponse<String> unknown = get("/api/bottlenecks/process-definitions/no-such-definition", "officer1");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).get("message").asText())
            .isEqualTo("没有找到这个流程定义，请从流程列表重新打开");
        HttpResponse<String> gone = get("/api/bottlenecks/process-instances/no-such-instance", "officer1");
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(gone.body()).get("message").asText()).isEqualTo("没有找到这个流程实例，它可能已被删除");
    }
}
