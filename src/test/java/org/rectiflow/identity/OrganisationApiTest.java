package org.rectiflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.rectiflow.demo.RoundWalkthrough;
import org.rectiflow.inspection.InspectionRoundService;
import org.rectiflow.inspection.RoundRegistration;
import org.rectiflow.ledger.StatusHistory;
import org.rectiflow.measure.MeasureExecutionProcess;
import org.rectiflow.measure.MeasureKind;
import org.rectiflow.measure.MeasureRepository;
import org.rectiflow.support.TestRounds;
import org.rectiflow.support.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The organisation at runtime, through {@code /api/organisation} as the office calls it: a unit, a key group and
 * a person added take effect at once (Camunda groups, memberships, authorizations); a bad change is refused
 * whole, each error keyed by its path; a user created in the engine (as in Admin) is a person of the ledger at
 * once; a unit renamed keeps its measures, a unit with open measures cannot retire until they are transferred
 * (转办), and the transfer moves the ledger row, the history and the open task.
 */
class OrganisationApiTest extends WebTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired IdentityService identityService;
    @Autowired AuthorizationService authorizationService;
    @Autowired TaskService taskService;
    @Autowired OrganisationRepository organisation;
    @Autowired MeasureRepository measures;
    @Autowired StatusHistory history;
    @Autowired InspectionRoundService rounds;
    @Autowired RoundWalkthrough walkthrough;
    @Autowired JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> call(String method, String path, String user, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", basicAuth(user, "demo")).header("Content-Type", "application/json")
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    private void createUser(String id, String lastName, String firstName) {
        User user = identityService.newUser(id);
        user.setFirstName(lastName); // the engine's first name is the family name (identity/PersonNames)
        user.setLastName(firstName);
        user.setPassword("demo");
        identityService.saveUser(user);
    }

    @Test
    void theOfficeReadsTheWholeOrganisationAndAUnitUserMayNot() throws Exception {
        HttpResponse<String> answer = call("GET", "/api/organisation", "officer1", null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.path("roleGroups").findValuesAsText("code")).contains("office", "leadinggroup", "supervision");
        assertThat(body.path("units").findValuesAsText("code")).contains("siming", "inspectorate");
        assertThat(body.path("keyGroups").findValuesAsText("leadUnit")).contains("inspectorate");
        assertThat(body.path("people").toString()).contains("\"userId\":\"simingLiaison\"", "\"role\":\"LIAISON\"");

        assertThat(call("GET", "/api/organisation", TestRounds.LIAISON, null).statusCode()).isEqualTo(403);
        assertThat(call("PUT", "/api/organisation", TestRounds.LIAISON, "{}").statusCode()).isEqualTo(403);
    }

    @Autowired AccessPolicy policy;

    @Test
    void aNewRoleGroupOverseesUntilItIsToldNotTo() throws Exception {
        assertThat(call("PUT", "/api/organisation", "officer1",
            "{\"roleGroups\": [{\"code\": \"audit\", \"name\": \"审计组\"}]}").statusCode()).isEqualTo(200);
        assertThat(policy.oversees(List.of("audit"))).isTrue();
        assertThat(authorizationService.createAuthorizationQuery().groupIdIn("audit").resourceType(Resources.APPLICATION)
            .resourceId("cockpit").count()).isOne();

        assertThat(call("PUT", "/api/organisation", "officer1",
            "{\"roleGroups\": [{\"code\": \"audit\", \"oversees\": false}]}").statusCode()).isEqualTo(200);
        assertThat(policy.oversees(List.of("audit"))).isFalse();
        assertThat(authorizationService.createAuthorizationQuery().groupIdIn("audit").resourceType(Resources.APPLICATION)
            .resourceId("cockpit").count()).isZero();
        assertThat(authorizationService.createAuthorizationQuery().groupIdIn("audit").resourceType(Resources.TASK)
            .count()).isZero();
    }

    @Test
    void whatGetAnswersPutTakesBackUnchanged() throws Exception {
        String whole = call("GET", "/api/organisation", "officer1", null).body();
        HttpResponse<String> again = call("PUT", "/api/organisation", "officer1", whole);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(JSON.readTree(again.body())).isEqualTo(JSON.readTree(whole));
    }

    @Test
    void aUserCreatedInAdminIsAPersonOfTheLedgerAndALeaderARoundMayName() {
        createUser("newDeputy", "周", "新");
        try {
            assertThat(organisation.person("newDeputy")).hasValueSatisfying(p -> assertThat(p.displayName())
                .isEqualTo("周新"));
            identityService.createMembership("newDeputy", RoleGroups.LEADING_GROUP);
            assertThat(organisation.groupMembers(RoleGroups.LEADING_GROUP)).contains("newDeputy");
        } finally {
            identityService.deleteUser("newDeputy");
        }
        assertThat(organisation.person("newDeputy")).as("deleted in Admin: no longer a leader").isEmpty();
        assertThat(organisation.groupMembers(RoleGroups.LEADING_GROUP)).doesNotContain("newDeputy");
    }

    @Test
    void aNewUnitKeyGroupAndPersonTakeEffectAtOnce() throws Exception {
        createUser("harbourLiaison", "海", "港");
        HttpResponse<String> answer = call("PUT", "/api/organisation", "officer1", """
            {"units": [{"code": "harbour", "name": "港口分局"}],
             "keyGroups": [{"code": "harbourSafety", "name": "港口安全", "leadUnit": "harbour"}],
             "people": [{"userId": "harbourLiaison", "title": "科员", "unit": "harbour", "role": "LIAISON",
                         "groups": ["harbourSafety"]}]}""");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(organisation.unit("harbour")).hasValueSatisfying(u -> assertThat(u.name()).isEqualTo("港口分局"));
        assertThat(identityService.createGroupQuery().groupId("harbour").groupType(RoleGroups.TYPE_UNIT).count()).isOne();
        assertThat(identityService.createGroupQuery().groupId("harbourSafety").singleResult().getName())
            .isEqualTo("港口安全重点整改组");
        assertThat(identityService.createUserQuery().memberOfGroup("harbour").userId("harbourLiaison").count()).isOne();
        assertThat(identityService.createUserQuery().memberOfGroup("harbourSafety").userId("harbourLiaison").count())
            .isOne();
        assertThat(organisation.unitMembers("harbour", UsersFile.UnitRole.LIAISON)).containsExactly("harbourLiaison");
        assertThat(authorizationService.createAuthorizationQuery().groupIdIn("harbour")
            .resourceType(Resources.APPLICATION).resourceId("tasklist").hasPermission(Permissions.ACCESS).count())
            .as("the new unit opens the Tasklist").isOne();
        assertThat(call("GET", "/engine-rest/filter?resourceType=Task", "harbourLiaison", null).body())
            .contains(AccessSetup.FILTER_MY_UNIT);
    }

    @Test
    void aBadChangeIsRefusedWholeWithEveryErrorByPath() throws Exception {
        HttpResponse<String> answer = call("PUT", "/api/organisation", "officer1", """
            {"units": [{"code": "goodUnit", "name": "好单位"}, {"code": "bad-code", "name": "坏"},
                       {"code": "office", "name": "与角色组同号"}],
             "keyGroups": [{"code": "lostGroup", "name": "无牵头", "leadUnit": "noSuchUnit"}],
             "people": [{"userId": "nobodyHere", "unit": "siming"}, {"userId": "simingHead", "role": "HEAD"}]}""");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        List<String> errors = new ArrayList<>();
        JSON.readTree(answer.body()).path("errors").forEach(e -> errors.add(e.asText()));
        assertThat(errors).containsExactlyInAnyOrder(
            "units[1].code: 编号「bad-code」只能由英文字母和数字组成（不超过64个）",
            "units[2].code: 编号「office」已是角色组的编号",
            "keyGroups[0].leadUnit: 未知或已撤销的单位「noSuchUnit」",
            "people[0].userId: 用户「nobodyHere」不存在，请先在管理（Admin）中创建并设置密码",
            "people[1].unit: 联络员或负责人须注明所在单位");
        assertThat(organisation.unit("goodUnit")).isEmpty();
        assertThat(identityService.createGroupQuery().groupId("goodUnit").count()).isZero();
    }

    @Test
    void aRenamedUnitKeepsItsMeasuresAndRetiresOnlyOnceTheyAreTransferred() throws Exception {
        assertThat(call("PUT", "/api/organisation", "officer1",
            "{\"units\": [{\"code\": \"ferry\", \"name\": \"轮渡所\"}]}").statusCode()).isEqualTo(200);
        LocalDate today = LocalDate.now(ZONE);
        String round = TestRounds.newCode();
        rounds.register(TestRounds.round(round, today, "ferry", MeasureKind.IMMEDIATE, 30));
        walkthrough.holdMeeting(round, today, "领导小组会议", "班子成员", "部署整改");
        walkthrough.approvePlan(round, "整改方案", "无");
        walkthrough.approveUnitPlans(round);
        String code = RoundRegistration.measureCode(round, 1, 1);

        assertThat(call("PUT", "/api/organisation", "officer1",
            "{\"units\": [{\"code\": \"ferry\", \"name\": \"轮渡管理所\"}]}").statusCode()).isEqualTo(200);
        assertThat(measures.require(code).unitName()).as("renamed: the measure keeps the code, shows the new name")
            .isEqualTo("轮渡管理所");

        HttpResponse<String> retire = call("PUT", "/api/organisation", "officer1",
            "{\"units\": [{\"code\": \"ferry\", \"retired\": true}]}");
        assertThat(retire.statusCode()).as(retire.body()).isEqualTo(400);
        assertThat(retire.body()).contains("units[0].retired: 单位「轮渡管理所」尚有1项未办结的整改措施，请先转办");

        assertThat(call("POST", "/api/measures/" + code + "/transfer", TestRounds.LIAISON,
            "{\"toUnit\": \"siming\", \"reason\": \"职能划转\"}").statusCode()).isEqualTo(403);
        HttpResponse<String> bad = call("POST", "/api/measures/" + code + "/transfer", "officer1",
            "{\"toUnit\": \"noSuchUnit\", \"reason\": \" \"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("toUnit: 未知或已撤销的单位「noSuchUnit」", "reason: 请填写转办理由");
        assertThat(call("POST", "/api/measures/NO-SUCH/transfer", "officer1",
            "{\"toUnit\": \"siming\", \"reason\": \"职能划转\"}").statusCode()).isEqualTo(404);

        HttpResponse<String> moved = call("POST", "/api/measures/" + code + "/transfer", "officer1",
            "{\"toUnit\": \"siming\", \"reason\": \"职能划转至思明分局\"}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(204);

        assertThat(measures.require(code).unitCode()).isEqualTo("siming");
        assertThat(history.of(StatusHistory.Entity.MEASURE, code)).last().satisfies(e -> assertThat(e.reason())
            .isEqualTo("转办：由「轮渡管理所」转至「思明分局」。职能划转至思明分局"));
        assertThat(jdbc.sql("SELECT from_unit_code || '>' || to_unit_code FROM measure_transfer WHERE measure_code = ?")
            .param(code).query(String.class).single()).isEqualTo("ferry>siming");
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(code)
            .taskDefinitionKey(MeasureExecutionProcess.Elements.UNIT_RECTIFIES).singleResult();
        assertThat(taskService.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
            .contains("siming").doesNotContain("ferry");
        assertThat(taskService.createTaskQuery().taskCandidateGroup("siming").taskId(task.getId()).count()).isOne();
        assertThat(call("GET", "/engine-rest/task?processInstanceBusinessKey=" + code, TestRounds.LIAISON, null).body())
            .as("the new unit's liaison sees the task").contains(task.getId());

        HttpResponse<String> retired = call("PUT", "/api/organisation", "officer1",
            "{\"units\": [{\"code\": \"ferry\", \"retired\": true}]}");
        assertThat(retired.statusCode()).as(retired.body()).isEqualTo(200);
        assertThat(organisation.unit("ferry")).as("a retired unit takes no new measure").isEmpty();
        assertThat(retired.body()).contains("{\"code\":\"ferry\",\"name\":\"轮渡管理所\",\"retired\":true}");
    }
}
