package org.rectiflow.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.camunda.bpm.engine.ProcessEngine;
import org.rectiflow.RectiflowApplication;
import org.rectiflow.support.DefaultEngine;
import org.rectiflow.support.PostgresTestDatabase;
import org.rectiflow.support.WebTest;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A new office's first round under {@code prod}, on PostgreSQL, with no demo data, through HTTP only: the
 * administrator creates the people with their own passwords (the engine's REST user API, as Admin does) and sets
 * up the organisation ({@code PUT /api/organisation}); the office registers a round ({@code POST /api/rounds});
 * the office, the leading group, the unit and the lead unit drive it through the Tasklist's REST calls until the
 * supervision group signs its measure off.
 */
@Tag("postgres")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProductionRoundTest {

    private static final String ADMIN = "xcadmin";
    private static final String ADMIN_PASSWORD = "Zhenggai#2026";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Each person with a password of their own, as an administrator sets it in Admin. */
    private static final Map<String, String> PASSWORDS = new LinkedHashMap<>();

    static {
        PASSWORDS.put("clerkQian", "Lanting-Xu-3391!");
        PASSWORDS.put("bossSun", "Pine-Valley-8812#");
        PASSWORDS.put("checkerLi", "Copper-Kettle-47x");
        PASSWORDS.put("dockLiaison", "Amber-Heron-2290");
        PASSWORDS.put("portLiaison", "Quiet-Lantern-615");
    }

    private ConfigurableApplicationContext application;
    private int port;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void startTheProductionProfile() {
        List<String> arguments = new ArrayList<>(List.of("--spring.profiles.active=prod", "--server.port=0",
            "--rectiflow.admin.user=" + ADMIN, "--rectiflow.admin.password=" + ADMIN_PASSWORD,
            "--rectiflow.node-id=prod-round-test"));
        arguments.addAll(PostgresTestDatabase.datasourceArguments(PostgresTestDatabase.newDatabase()));
        application = new SpringApplicationBuilder(RectiflowApplication.class).run(arguments.toArray(String[]::new));
        port = ((WebServerApplicationContext) application).getWebServer().getPort();
    }

    @BeforeEach
    void callThisEngine() {
        DefaultEngine.use(application.getBean(ProcessEngine.class));
    }

    @AfterAll
    void stop() {
        application.close();
    }

    private HttpResponse<String> call(String method, String path, String user, String body) throws Exception {
        String password = ADMIN.equals(user) ? ADMIN_PASSWORD : PASSWORDS.get(user);
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", WebTest.basicAuth(user, password)).header("Content-Type", "application/json")
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode ok(String method, String path, String user, Object body) throws Exception {
        HttpResponse<String> answer = call(method, path, user,
            body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body));
        assertThat(answer.statusCode()).as(method + " " + path + " as " + user + ": " + answer.body())
            .isBetween(200, 204);
        return answer.body().isEmpty() ? null : JSON.readTree(answer.body());
    }

    /** The open tasks of this kind in an instance (by its business key) that are the user's or their group's. */
    private List<String> tasks(String user, String businessKey, String taskKey) throws Exception {
        List<String> ids = new ArrayList<>();
        ok("GET", "/engine-rest/task?processInstanceBusinessKey=" + businessKey + "&taskDefinitionKey=" + taskKey
            + "&candidateUser=" + user, user, null).forEach(t -> ids.add(t.get("id").asText()));
        return ids;
    }

    private void complete(String user, String taskId, Map<String, Object> values) throws Exception {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        ok("POST", "/engine-rest/task/" + taskId + "/complete", user, Map.of("variables", variables));
    }

    private void completeOne(String user, String businessKey, String taskKey, Map<String, Object> values)
        throws Exception {
        List<String> open = tasks(user, businessKey, taskKey);
        assertThat(open).as(user + " at " + taskKey).hasSize(1);
        complete(user, open.get(0), values);
    }

    @Test
    void aNewOfficeSetsUpItsOrganisationAndSignsOffItsFirstRoundsMeasure() throws Exception {
        // no demo data: the role groups of the initial import and nothing else
        JsonNode initial = ok("GET", "/api/organisation", ADMIN, null);
        assertThat(initial.path("units")).isEmpty();
        assertThat(initial.path("roleGroups").findValuesAsText("code")).contains("office", "leadinggroup",
            "supervision");

        // the administrator creates the people, each with a password of their own (the policy is on)
        String[][] people = {{"clerkQian", "钱", "文"}, {"bossSun", "孙", "正"}, {"checkerLi", "李", "督"},
            {"dockLiaison", "杜", "港"}, {"portLiaison", "蒲", "航"}};
        for (String[] person : people) {
            ok("POST", "/engine-rest/user/create", ADMIN, Map.of(
                "profile", Map.of("id", person[0], "firstName", person[1], "lastName", person[2]),
                "credentials", Map.of("password", PASSWORDS.get(person[0]))));
        }

        // … and sets up the organisation: two units, a key group, the people in their places
        ok("PUT", "/api/organisation", ADMIN, """
            {"units": [{"code": "dock", "name": "码头管理处"}, {"code": "port", "name": "港务局"}],
             "keyGroups": [{"code": "safety", "name": "安全生产", "leadUnit": "port"}],
             "people": [{"userId": "clerkQian", "groups": ["office"]},
                        {"userId": "bossSun", "title": "党组书记", "groups": ["leadinggroup"]},
                        {"userId": "checkerLi", "groups": ["supervision"]},
                        {"userId": "dockLiaison", "unit": "dock", "role": "LIAISON"},
                        {"userId": "portLiaison", "unit": "port", "role": "LIAISON", "groups": ["safety"]}]}""");

        // the office registers the round, the leader being the one created in Admin
        LocalDate today = LocalDate.now(ZONE);
        String round = "P" + System.nanoTime() % 100000;
        Map<String, Object> measure = Map.of("content", "建立安全生产检查台账并每月通报", "unit", "dock",
            "leader", "bossSun", "deadline", today.plusDays(40).toString(), "kind", "IMMEDIATE");
        Map<String, Object> registration = new LinkedHashMap<>();
        registration.put("code", round);
        registration.put("title", "港务系统巡察");
        registration.put("inspectionGroup", "市委第二巡察组");
        registration.put("inspectedOrganisation", "中共港务局党组");
        registration.put("inspectedShortName", "局党组");
        registration.put("inspectionStart", today.minusDays(60).toString());
        registration.put("inspectionEnd", today.minusDays(20).toString());
        registration.put("feedbackDate", today.toString());
        registration.put("categories", List.of(Map.of("seq", 1, "title", "安全生产方面", "problems",
            List.of(Map.of("seq", 1, "title", "安全检查不到位", "keyGroup", "safety", "measures", List.of(measure))))));
        ok("POST", "/api/rounds", "clerkQian", registration);

        // the leading group meets, the plan is drafted, commented, revised and approved
        completeOne("clerkQian", round, "userTask_leadingGroupMeeting", Map.of("meetingDate", today.toString(),
            "meetingTitle", "巡察整改领导小组会议", "attendees", "领导小组成员", "meetingDecisions", "部署整改"));
        completeOne("clerkQian", round, "userTask_draftPlan", Map.of("planSummary", "整改方案初稿"));
        for (int rounds = 0; rounds < 5 && tasks("bossSun", round, "userTask_approvePlan").isEmpty(); rounds++) {
            for (String reviewer : List.of("bossSun", "dockLiaison")) {
                for (String task : tasks(reviewer, round, "userTask_commentOnPlan")) {
                    complete(reviewer, task, Map.of("commentText", "无"));
                }
            }
            completeOne("clerkQian", round, "userTask_revisePlan", Map.of("revisionNotes", "根据意见完善"));
        }
        String approval = tasks("bossSun", round, "userTask_approvePlan").get(0);
        int version = ok("GET", "/engine-rest/task/" + approval + "/variables/planVersion", "bossSun", null)
            .get("value").asInt();
        complete("bossSun", approval, Map.of("approvedVersion", version, "planDecision", "APPROVE"));

        // the unit's implementation plan, approved by the office: the measure starts
        completeOne("dockLiaison", round, "userTask_draftUnitPlan", Map.of("unitPlan", "逐项明确责任人和时限"));
        completeOne("clerkQian", round, "userTask_reviewUnitPlan", Map.of("unitPlanDecision", "APPROVE"));

        // the unit reports, the key group's lead unit reviews, the supervision group signs off
        String code = round + "-01-01";
        assertThat(tasks("portLiaison", code, "userTask_unitRectifies")).as("another unit's task").isEmpty();
        completeOne("dockLiaison", code, "userTask_unitRectifies", Map.of("progress", "已建立台账",
            "completionSummary", "已建立安全生产检查台账，每月通报", "evidence", "台账及通报文件", "reportStatus", "COMPLETED"));
        completeOne("portLiaison", code, "userTask_leadUnitReview", Map.of("reviewDecision", "APPROVE",
            "reviewComment", "审核通过"));
        completeOne("checkerLi", code, "userTask_supervisionSignOff", Map.of("signOffDecision", "APPROVE",
            "signOffComment", "同意销号"));

        JdbcClient jdbc = application.getBean(JdbcClient.class);
        assertThat(jdbc.sql("SELECT status FROM measure WHERE code = ?").param(code).query(String.class).single())
            .isEqualTo("SIGNED_OFF");
        assertThat(jdbc.sql("SELECT display_name FROM org_user WHERE user_id = 'bossSun'").query(String.class).single())
            .as("the leader created in Admin, followed by the ledger").isEqualTo("孙正");
        JsonNode summary = ok("GET", "/api/rounds/" + round + "/summary", "clerkQian", null);
        assertThat(summary.toString()).contains("码头管理处");
    }
}
