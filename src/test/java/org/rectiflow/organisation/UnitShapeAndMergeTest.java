package org.rectiflow.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.rectiflow.demo.RoundWalkthrough;
import org.rectiflow.identity.OrganisationRepository;
import org.rectiflow.identity.UsersFile;
import org.rectiflow.inspection.InspectionRoundService;
import org.rectiflow.inspection.RoundRegistration;
import org.rectiflow.ledger.StatusHistory;
import org.rectiflow.measure.MeasureExecutionProcess;
import org.rectiflow.measure.MeasureKind;
import org.rectiflow.measure.MeasureRepository;
import org.rectiflow.support.TestRounds;
import org.rectiflow.support.WebTest;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A unit's kind (类别) and parent (上级单位), and a unit merged into another, through {@code PUT /api/organisation}
 * as the office calls it: kind and parent are set, kept and cleared, and refused when the parent is unknown,
 * retired or makes a loop; a merge moves the unit's open measure and its task, the reviews of the key group it
 * leads, its people and its units to the other unit, keeps its closed measure, and retires it, which GET shows.
 */
class UnitShapeAndMergeTest extends WebTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final AtomicInteger NEXT = new AtomicInteger();

    @Autowired IdentityService identityService;
    @Autowired TaskService taskService;
    @Autowired OrganisationRepository organisation;
    @Autowired MeasureRepository measures;
    @Autowired StatusHistory history;
    @Autowired InspectionRoundService rounds;
    @Autowired RoundWalkthrough walkthrough;

    private final HttpClient http = HttpClient.newHttpClient();

    /** A suffix that makes this test's codes its own (the context, and its database, is shared). */
    private static String suffix() {
        return "S" + System.nanoTime() % 1_000_000 + "x" + NEXT.incrementAndGet();
    }

    private HttpResponse<String> put(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/organisation"))
            .header("Authorization", basicAuth("officer1", "demo")).header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode unitOf(HttpResponse<String> answer, String code) throws Exception {
        for (JsonNode unit : JSON.readTree(answer.body()).path("units")) {
            if (unit.path("code").asText().equals(code)) {
                return unit;
            }
        }
        throw new AssertionError("no unit " + code + " in " + answer.body());
    }

    private static List<String> errors(HttpResponse<String> answer) throws Exception {
        List<String> errors = new ArrayList<>();
        JSON.readTree(answer.body()).path("errors").forEach(e -> errors.add(e.asText()));
        return errors;
    }

    @Test
    void aUnitsKindAndParentAreSetKeptAndCleared() throws Exception {
        String s = suffix();
        HttpResponse<String> set = put("""
            {"units": [{"code": "station%1$s", "name": "派出所%1$s", "kind": "派出所", "parent": "bureau%1$s"},
                       {"code": "bureau%1$s", "name": "分局%1$s", "kind": "分局"}]}""".formatted(s));

        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(unitOf(set, "station" + s).toString()).isEqualTo(
            "{\"code\":\"station%1$s\",\"name\":\"派出所%1$s\",\"kind\":\"派出所\",\"parent\":\"bureau%1$s\",\"retired\":false}"
                .formatted(s));
        assertThat(unitOf(set, "bureau" + s).toString()).isEqualTo(
            "{\"code\":\"bureau%1$s\",\"name\":\"分局%1$s\",\"kind\":\"分局\",\"retired\":false}".formatted(s));

        HttpResponse<String> renamed = put("{\"units\": [{\"code\": \"station%s\", \"name\": \"新派出所\"}]}"
            .formatted(s));
        assertThat(unitOf(renamed, "station" + s).path("kind").asText()).as("left out: kept").isEqualTo("派出所");
        assertThat(unitOf(renamed, "station" + s).path("parent").asText()).isEqualTo("bureau" + s);

        HttpResponse<String> cleared = put("{\"units\": [{\"code\": \"station%s\", \"kind\": \"\", \"parent\": \"\"}]}"
            .formatted(s));
        assertThat(cleared.statusCode()).as(cleared.body()).isEqualTo(200);
        assertThat(unitOf(cleared, "station" + s).has("kind")).as("\"\": cleared").isFalse();
        assertThat(unitOf(cleared, "station" + s).has("parent")).isFalse();
    }

    @Test
    void aParentUnknownRetiredOrMakingALoopIsRefusedAndNothingChanges() throws Exception {
        String s = suffix();
        assertThat(put("""
            {"units": [{"code": "top%1$s", "name": "上级%1$s"}, {"code": "mid%1$s", "name": "中间%1$s", "parent": "top%1$s"},
                       {"code": "low%1$s", "name": "下级%1$s", "parent": "mid%1$s"},
                       {"code": "gone%1$s", "name": "已撤%1$s", "retired": true}]}""".formatted(s)).statusCode())
            .isEqualTo(200);

        HttpResponse<String> refused = put("""
            {"units": [{"code": "mid%1$s", "parent": "nowhere%1$s"}, {"code": "low%1$s", "parent": "gone%1$s"},
                       {"code": "lone%1$s", "name": "孤%1$s", "parent": "lone%1$s"},
                       {"code": "new%1$s", "name": "新%1$s", "kind": "一个超过二十个字的类别名称一个超过二十个字的类别"}]}"""
            .formatted(s));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(errors(refused)).containsExactlyInAnyOrder(
            "units[3].kind: 类别不得超过20个字",
            "units[0].parent: 未知的单位「nowhere%s」".formatted(s),
            "units[1].parent: 单位「gone%s」已撤销或正在并入其他单位，不能作为上级单位".formatted(s),
            "units[2].parent: 上级单位不能是本单位");
        HttpResponse<String> loop = put("{\"units\": [{\"code\": \"top%1$s\", \"parent\": \"low%1$s\"}]}".formatted(s));
        assertThat(loop.statusCode()).as(loop.body()).isEqualTo(400);
        assertThat(errors(loop)).containsExactly(
            "units[0].parent: 上级单位形成循环（top%1$s→low%1$s→mid%1$s→top%1$s）".formatted(s));
        assertThat(organisation.unit("lone" + s)).isEmpty();
        assertThat(organisation.allUnits()).filteredOn(u -> u.code().equals("top" + s))
            .singleElement().satisfies(u -> assertThat(u.parentCode()).isNull());
    }

    @Test
    void aMergedUnitHandsOverItsOpenWorkItsLeadItsPeopleAndItsUnitsAndKeepsItsPast() throws Exception {
        String s = suffix();
        String from = "old" + s;
        String into = "new" + s;
        String group = "kg" + s;
        String liaison = "liaison" + s;
        User user = identityService.newUser(liaison);
        user.setFirstName("合");
        user.setLastName("并");
        user.setPassword("demo");
        identityService.saveUser(user);
        HttpResponse<String> created = put("""
            {"units": [{"code": "%1$s", "name": "老单位%4$s", "kind": "直属单位"}, {"code": "%2$s", "name": "新单位%4$s"},
                       {"code": "child%4$s", "name": "下属%4$s", "parent": "%1$s"}],
             "keyGroups": [{"code": "%3$s", "name": "合并测试%4$s", "leadUnit": "%1$s"}],
             "people": [{"userId": "%5$s", "title": "科员", "unit": "%1$s", "role": "LIAISON"}]}"""
            .formatted(from, into, group, s, liaison));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);

        LocalDate today = LocalDate.now(ZONE);
        String round = TestRounds.newCode();
        List<RoundRegistration.Measure> list = List.of(
            new RoundRegistration.Measure("已办结的措施", from, TestRounds.LEADER, today.plusDays(30), MeasureKind.IMMEDIATE),
            new RoundRegistration.Measure("未办结的措施", from, TestRounds.LEADER, today.plusDays(30), MeasureKind.IMMEDIATE),
            new RoundRegistration.Measure("待牵头单位审核的措施", into, TestRounds.LEADER, today.plusDays(30),
                MeasureKind.IMMEDIATE));
        rounds.register(new RoundRegistration(round, "合并测试巡察", "市委第一巡察组", "中共测试委员会", "测试党委",
            today.minusDays(60), today.minusDays(10), today, today, List.of(new RoundRegistration.Category(1, "测试方面",
                List.of(new RoundRegistration.Problem(1, "测试问题", group, list))))));
        walkthrough.holdMeeting(round, today, "领导小组会议", "班子成员", "部署整改");
        walkthrough.approvePlan(round, "整改方案", "无");
        walkthrough.approveUnitPlans(round);
        String closed = RoundRegistration.measureCode(round, 1, 1);
        String open = RoundRegistration.measureCode(round, 1, 2);
        String reviewed = RoundRegistration.measureCode(round, 1, 3);
        complete(closed, MeasureExecutionProcess.Elements.UNIT_RECTIFIES);
        complete(closed, MeasureExecutionProcess.Elements.LEAD_UNIT_REVIEW);
        complete(closed, MeasureExecutionProcess.Elements.SUPERVISION_SIGN_OFF);
        complete(reviewed, MeasureExecutionProcess.Elements.UNIT_RECTIFIES);
        assertThat(measures.require(closed).status().isClosed()).isTrue();
        assertThat(candidates(reviewed, MeasureExecutionProcess.Elements.LEAD_UNIT_REVIEW)).containsExactly(from);

        HttpResponse<String> merged = put("{\"units\": [{\"code\": \"%s\", \"mergedInto\": \"%s\"}]}".formatted(from, into));

        assertThat(merged.statusCode()).as(merged.body()).isEqualTo(200);
        assertThat(unitOf(merged, from).toString()).isEqualTo(("{\"code\":\"%1$s\",\"name\":\"老单位%2$s\",\"kind\":\"直属单位\","
            + "\"retired\":true,\"mergedInto\":\"%3$s\"}").formatted(from, s, into));
        assertThat(unitOf(merged, "child" + s).path("parent").asText()).isEqualTo(into);
        assertThat(organisation.unit(from)).as("retired: no new measure").isEmpty();

        assertThat(measures.require(open).unitCode()).isEqualTo(into);
        assertThat(history.of(StatusHistory.Entity.MEASURE, open)).last().satisfies(e -> assertThat(e.reason())
            .isEqualTo("转办：由「老单位%1$s」转至「新单位%1$s」。单位合并：并入「新单位%1$s」".formatted(s)));
        assertThat(candidates(open, MeasureExecutionProcess.Elements.UNIT_RECTIFIES)).containsExactly(into);
        assertThat(measures.require(closed).unitCode()).as("the past measure keeps its unit").isEqualTo(from);
        assertThat(measures.require(closed).unitName()).isEqualTo("老单位" + s);

        assertThat(organisation.keyGroup(group)).hasValueSatisfying(k -> assertThat(k.leadUnitCode()).isEqualTo(into));
        assertThat(candidates(reviewed, MeasureExecutionProcess.Elements.LEAD_UNIT_REVIEW)).containsExactly(into);

        assertThat(identityService.createUserQuery().memberOfGroup(into).userId(liaison).count()).isOne();
        assertThat(identityService.createUserQuery().memberOfGroup(from).userId(liaison).count()).isZero();
        assertThat(organisation.unitMembers(into, UsersFile.UnitRole.LIAISON)).containsExactly(liaison);
        assertThat(call("GET", "/engine-rest/task?processInstanceBusinessKey=" + open, liaison).body())
            .as("the moved liaison sees the moved task")
            .contains(taskService.createTaskQuery().processInstanceBusinessKey(open).singleResult().getId());

        HttpResponse<String> again = put("{\"units\": [{\"code\": \"%s\", \"mergedInto\": \"%s\"}]}".formatted(from, into));
        assertThat(again.statusCode()).as("the merge recorded, sent again: nothing to do").isEqualTo(200);
    }

    @Test
    void aMergeThatCannotBeDoneIsRefusedSayingWhatToFix() throws Exception {
        String s = suffix();
        assertThat(put("""
            {"units": [{"code": "a%1$s", "name": "甲%1$s"}, {"code": "b%1$s", "name": "乙%1$s"},
                       {"code": "c%1$s", "name": "丙%1$s", "retired": true}]}""".formatted(s)).statusCode()).isEqualTo(200);

        HttpResponse<String> refused = put("""
            {"units": [{"code": "a%1$s", "mergedInto": "a%1$s"}, {"code": "b%1$s", "mergedInto": "c%1$s"},
                       {"code": "c%1$s", "mergedInto": "a%1$s"}, {"code": "d%1$s", "name": "丁%1$s", "mergedInto": "a%1$s"}]}"""
            .formatted(s));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(errors(refused)).containsExactlyInAnyOrder(
            "units[0].mergedInto: 单位不能并入自身",
            "units[1].mergedInto: 未知、已撤销或正在并入其他单位的单位「c%s」".formatted(s),
            "units[2].mergedInto: 单位「丙%s」已撤销，不能再并入其他单位".formatted(s),
            "units[3].mergedInto: 新单位不能并入其他单位");
        assertThat(organisation.unit("a" + s)).isPresent();
        assertThat(organisation.unit("b" + s)).isPresent();
    }

    private void complete(String measure, String task) {
        Task open = taskService.createTaskQuery().processInstanceBusinessKey(measure).taskDefinitionKey(task)
            .singleResult();
        assertThat(open).as(measure + " waits at " + task).isNotNull();
        taskService.complete(open.getId(), switch (task) {
            case MeasureExecutionProcess.Elements.UNIT_RECTIFIES -> Map.of("progress", "已按整改方案完成各项工作",
                "completionSummary", "已完成整改", "evidence", "整改材料汇编", "reportStatus", "COMPLETED");
            case MeasureExecutionProcess.Elements.LEAD_UNIT_REVIEW -> Map.of("reviewDecision", "APPROVE",
                "reviewComment", "审核通过");
            default -> Map.of("signOffDecision", "APPROVE", "signOffComment", "同意销号");
        });
    }

    private List<String> candidates(String measure, String task) {
        Task open = taskService.createTaskQuery().processInstanceBusinessKey(measure).taskDefinitionKey(task)
            .singleResult();
        assertThat(open).as(measure + " waits at " + task).isNotNull();
        return taskService.getIdentityLinksForTask(open.getId()).stream().map(IdentityLink::getGroupId)
            .filter(g -> g != null).toList();
    }

    private HttpResponse<String> call(String method, String path, String user) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", basicAuth(user, "demo")).method(method, HttpRequest.BodyPublishers.noBody())
            .build(), HttpResponse.BodyHandlers.ofString());
    }
}
