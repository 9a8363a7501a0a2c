package org.rectiflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rectiflow.demo.RoundWalkthrough;
import org.rectiflow.inspection.InspectionRoundService;
import org.rectiflow.inspection.RoundRegistration;
import org.rectiflow.measure.MeasureExecutionProcess;
import org.rectiflow.measure.MeasureKind;
import org.rectiflow.support.TestRounds;
import org.rectiflow.support.WebTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Tasklist's default filters, as a unit's liaison lists them through the REST API the Tasklist uses:
 * 我的单位待办, 已超期 (due date passed), 临近时限 (follow-up date, the amber reminder, reached) and 我认领的.
 */
class TasklistFiltersTest extends WebTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired InspectionRoundService rounds;
    @Autowired RoundWalkthrough walkthrough;
    @Autowired TaskService taskService;
    @Autowired FilterService filterService;
    @Autowired AccessSetup accessSetup;

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private JsonNode call(String method, String path, String user, String body) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", basicAuth(user, "demo")).header("Content-Type", "application/json")
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(path + ": " + answer.body()).isBetween(200, 204);
        return answer.body().isEmpty() ? null : JSON.readTree(answer.body());
    }

    private String filterId(String user, String name) throws Exception {
        for (JsonNode filter : call("GET", "/engine-rest/filter?resourceType=Task", user, null)) {
            if (filter.get("name").asText().equals(name)) {
                return filter.get("id").asText();
            }
        }
        throw new AssertionError(user + " has no filter " + name);
    }

    private List<String> listed(String user, String filter) throws Exception {
        List<String> ids = new ArrayList<>();
        call("POST", "/engine-rest/filter/" + filterId(user, filter) + "/list?maxResults=1000", user, "{}")
            .forEach(task -> ids.add(task.get("id").asText()));
        return ids;
    }

    private Task unitTask(LocalDate today, int dueInDays) {
        String code = TestRounds.newCode();
        rounds.register(TestRounds.round(code, today, MeasureKind.IMMEDIATE, dueInDays));
        walkthrough.holdMeeting(code, today, "领导小组会议", "班子成员", "部署整改");
        walkthrough.approvePlan(code, "整改方案", "无");
        walkthrough.approveUnitPlans(code);
        return taskService.createTaskQuery().processInstanceBusinessKey(RoundRegistration.measureCode(code, 1, 1))
            .taskDefinitionKey(MeasureExecutionProcess.Elements.UNIT_RECTIFIES).singleResult();
    }

    private static void setDay(LocalDate day) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(9, 0).atZone(ZONE).toInstant()));
    }

    @Test
    void everyUserHasTheFourFilters() throws Exception {
        for (String user : List.of(TestRounds.LIAISON, "supervisor1", "officer1", "chief")) {
            List<String> names = new ArrayList<>();
            call("GET", "/engine-rest/filter?resourceType=Task", user, null).forEach(f -> names.add(f.get("name").asText()));
            assertThat(names).as(user).contains(AccessSetup.FILTER_MY_UNIT, AccessSetup.FILTER_OVERDUE,
                AccessSetup.FILTER_DUE_SOON, AccessSetup.FILTER_MINE);
        }
    }

    @Test
    void aMeasureMovesFromMyUnitToDueSoonToOverdueAndToMineWhenClaimed() throws Exception {
        LocalDate today = LocalDate.now(ZONE);
        setDay(today);
        String task = unitTask(today, 30).getId();

        assertThat(listed(TestRounds.LIAISON, AccessSetup.FILTER_MY_UNIT)).contains(task);
        assertThat(listed(TestRounds.LIAISON, AccessSetup.FILTER_DUE_SOON)).doesNotContain(task);
        assertThat(listed(TestRounds.LIAISON, AccessSetup.FILTER_OVERDUE)).doesNotContain(task);
        assertThat(listed(TestRounds.LIAISON, AccessSetup.FILTER_MINE)).doesNotContain(task);

        setDay(today.plusDays(25)); // the amber date (10 days before) has come: the follow-up date
        assertThat(listed(TestRounds.LIAISON, AccessSetup.FILTER_DUE_SOON)).contains(task);
        assertThat(listed(TestRounds.LIAISON, AccessSetup.FILTER_OVERDUE)).doesNotContain(task);

        setDay(today.plusDays(31));
        assertThat(listed(TestRounds.LIAISON, AccessSetup.FILTER_OVERDUE)).contains(task);
        assertThat(listed(TestRounds.LIAISON, AccessSetup.FILTER_DUE_SOON)).doesNotContain(task);
        assertThat(listed("supervisor1", AccessSetup.FILTER_OVERDUE)).as("supervision sees every unit's").contains(task);
        assertThat(listed("haicangLiaison", AccessSetup.FILTER_OVERDUE)).as("another unit does not").doesNotContain(task);

        call("POST", "/engine-rest/task/" + task + "/claim", TestRounds.LIAISON,
            "{\"userId\":\"" + TestRounds.LIAISON + "\"}");
        assertThat(listed(TestRounds.LIAISON, AccessSetup.FILTER_MINE)).containsExactly(task);
        assertThat(listed(TestRounds.HEAD, AccessSetup.FILTER_MINE)).doesNotContain(task);
    }

    private static final String CARD_VARIABLES = "[{\"name\":\"measureCode\",\"label\":\"措施编号\"},"
        + "{\"name\":\"measureContent\",\"label\":\"整改措施\"},{\"name\":\"problemTitle\",\"label\":\"问题\"},"
        + "{\"name\":\"unitName\",\"label\":\"责任单位\"},{\"name\":\"deadlineText\",\"label\":\"完成时限\"},"
        + "{\"name\":\"roundText\",\"label\":\"巡察轮次\"}]";

    @Test
    void aTasksCardShowsTheMeasuresTextAndProblemBesideItsCodeUnitAndDeadline() throws Exception {
        LocalDate today = LocalDate.now(ZONE);
        setDay(today);
        Task task = unitTask(today, 30);

        for (String name : List.of(AccessSetup.FILTER_MY_UNIT, AccessSetup.FILTER_OVERDUE, AccessSetup.FILTER_DUE_SOON,
                AccessSetup.FILTER_MINE)) {
            JsonNode filter = call("GET", "/engine-rest/filter/" + filterId(TestRounds.LIAISON, name), TestRounds.LIAISON,
                null);
            assertThat(filter.get("properties").get("variables").toString()).as(name).isEqualTo(CARD_VARIABLES);
        }
        // the list as the Tasklist asks for it: each task with the filter's variables embedded
        HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/engine-rest/filter/" + filterId(TestRounds.LIAISON, AccessSetup.FILTER_MY_UNIT) + "/list?maxResults=1000"))
            .header("Authorization", basicAuth(TestRounds.LIAISON, "demo")).header("Accept", "application/hal+json")
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(list.statusCode()).isEqualTo(200);
        Map<String, String> shown = new LinkedHashMap<>();
        for (JsonNode card : JSON.readTree(list.body()).get("_embedded").get("task")) {
            if (card.get("id").asText().equals(task.getId())) {
                card.get("_embedded").get("variable").forEach(v -> shown.put(v.get("name").asText(), v.get("value").asText()));
            }
        }
        String measureCode = taskService.getVariable(task.getId(), "measureCode").toString();
        assertThat(shown).containsEntry("measureCode", measureCode)
            .containsEntry("measureContent", "测试整改措施：完善制度并组织培训（30天）")
            .containsEntry("problemTitle", "1．测试问题")
            .containsEntry("unitName", "思明分局")
            .containsEntry("deadlineText", org.rectiflow.common.EngineClock.chinese(today.plusDays(30)));
    }

    @Test
    void aFilterStillShowingTheEarlierCardVariablesGetsTheNewOnesAndOneAnAdministratorChangedKeepsItsOwn() {
        Filter mine = filterService.createFilterQuery().filterName(AccessSetup.FILTER_MINE).singleResult();
        Filter overdue = filterService.createFilterQuery().filterName(AccessSetup.FILTER_OVERDUE).singleResult();
        Map<String, Object> earlier = new LinkedHashMap<>(mine.getProperties());
        earlier.put("variables", List.of(Map.of("name", "measureCode", "label", "措施编号"),
            Map.of("name", "unitName", "label", "责任单位"), Map.of("name", "deadlineText", "label", "完成时限")));
        filterService.saveFilter(mine.setProperties(earlier));
        Map<String, Object> own = new LinkedHashMap<>(overdue.getProperties());
        own.put("variables", List.of(Map.of("name", "measureCode", "label", "编号")));
        filterService.saveFilter(overdue.setProperties(own));

        accessSetup.grant(List.of(), List.of());

        assertThat(filterService.getFilter(mine.getId()).getProperties().get("variables"))
            .isEqualTo(AccessSetup.CARD_VARIABLES);
        assertThat(filterService.getFilter(overdue.getId()).getProperties().get("variables"))
            .isEqualTo(List.of(Map.of("name", "measureCode", "label", "编号")));
        filterService.saveFilter(filterService.getFilter(overdue.getId()).setProperties(withCardVariables(own)));
    }

    private static Map<String, Object> withCardVariables(Map<String, Object> properties) {
        Map<String, Object> restored = new LinkedHashMap<>(properties);
        restored.put("variables", AccessSetup.CARD_VARIABLES);
        return restored;
    }
}
