package org.rectiflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectiflow.support.RoundWorkbookFiles.set;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.rectiflow.demo.RoundWalkthrough;
import org.rectiflow.identity.OrganisationRepository;
import org.rectiflow.identity.RoleGroups;
import org.rectiflow.inspection.InspectionRoundProcess;
import org.rectiflow.inspection.InspectionRoundService;
import org.rectiflow.inspection.RoundRegistration;
import org.rectiflow.measure.MeasureKind;
import org.rectiflow.support.RoundWorkbookFiles;
import org.rectiflow.support.TestRounds;
import org.rectiflow.support.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * A round creates its own units (新增单位, and {@code newUnits} in JSON) in the round's transaction: the units,
 * their Camunda groups and grants exist once the round is registered and its task lists go to them; a round
 * refused for an error anywhere leaves no unit; a new unit's code that names a group already is refused by row.
 */
class RoundNewUnitsTest extends WebTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Autowired OrganisationRepository organisation;
    @Autowired IdentityService identityService;
    @Autowired AuthorizationService authorizationService;
    @Autowired TaskService taskService;
    @Autowired RoundWalkthrough walkthrough;
    @Autowired JdbcClient jdbc;
    @Autowired InspectionRoundService rounds;
    @Autowired PlatformTransactionManager transactions;

    private byte[] template;

    private String office() {
        return basicAuth("officer1", "demo");
    }

    private XSSFWorkbook workbook(String roundCode) throws Exception {
        if (template == null) {
            template = RoundWorkbookFiles.template(port, office());
        }
        return RoundWorkbookFiles.validWorkbook(template, roundCode, TODAY);
    }

    private static byte[] bytes(XSSFWorkbook workbook) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(out);
        workbook.close();
        return out.toByteArray();
    }

    private static List<String> errors(HttpResponse<String> response) throws Exception {
        List<String> errors = new ArrayList<>();
        JSON.readTree(response.body()).path("errors").forEach(e -> errors.add(e.asText()));
        return errors;
    }

    private long unitGroups(String code) {
        return identityService.createGroupQuery().groupId(code).count();
    }

    private long grants(String group) {
        return authorizationService.createAuthorizationQuery().groupIdIn(group).count();
    }

    /** A unit code no test used yet: letters and digits. */
    private static String newUnitCode() {
        return "unit" + TestRounds.newCode();
    }

    @Test
    void aWorkbookWithNewUnitsRegistersTheRoundAndTheUnitsWhoseTaskListGoesToThem() throws Exception {
        String round = TestRounds.newCode();
        String unit = newUnitCode();
        XSSFWorkbook workbook = workbook(round);
        set(workbook, "新增单位", 2, "单位编号", unit);
        set(workbook, "新增单位", 2, "单位名称", "新设派出所" + unit);
        set(workbook, "新增单位", 3, "单位编号", "siming");
        set(workbook, "新增单位", 3, "单位名称", "思明分局");
        set(workbook, "整改措施", 3, "责任单位", "新设派出所" + unit);

        HttpResponse<String> answer = RoundWorkbookFiles.upload(port, office(), bytes(workbook));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        assertThat(organisation.unit(unit)).hasValueSatisfying(u -> assertThat(u.name()).isEqualTo("新设派出所" + unit));
        Group group = identityService.createGroupQuery().groupId(unit).singleResult();
        assertThat(group.getType()).isEqualTo(RoleGroups.TYPE_UNIT);
        assertThat(authorizationService.createAuthorizationQuery().groupIdIn(unit).resourceType(Resources.APPLICATION)
            .resourceId("tasklist").count()).as("the new unit opens the Tasklist").isOne();
        assertThat(jdbc.sql("SELECT unit_code FROM measure WHERE code = ?").param(round + "-01-01")
            .query(String.class).single()).isEqualTo(unit);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM org_unit WHERE code = 'siming'").query(Long.class).single())
            .as("a row naming an existing unit as it is adds nothing").isOne();

        walkthrough.holdMeeting(round, TODAY, "领导小组会议", "班子成员", "部署整改");
        walkthrough.approvePlan(round, "整改方案", "无");
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(round)
            .taskDefinitionKey(InspectionRoundProcess.Elements.DRAFT_UNIT_PLAN).taskCandidateGroup(unit).count())
            .as("the new unit's task list (制定本单位整改方案) goes to its group").isOne();
        // no unit plan left open: security/AccessControlTest, sharing this context, reads 思明分局's first task card
        walkthrough.approveUnitPlans(round);
    }

    @Test
    void anErrorElsewhereInTheWorkbookLeavesNoUnit() throws Exception {
        String round = TestRounds.newCode();
        String unit = newUnitCode();
        XSSFWorkbook workbook = workbook(round);
        set(workbook, "新增单位", 2, "单位编号", unit);
        set(workbook, "新增单位", 2, "单位名称", "新设派出所");
        set(workbook, "整改措施", 3, "责任单位", unit);
        set(workbook, "整改措施", 4, "责任领导", "noSuchLeader");

        HttpResponse<String> answer = RoundWorkbookFiles.upload(port, office(), bytes(workbook));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(errors(answer)).containsExactly("整改措施 第4行 责任领导: 未知责任领导「noSuchLeader」（填用户编号或姓名）");
        assertThat(organisation.unit(unit)).isEmpty();
        assertThat(unitGroups(unit)).isZero();
        assertThat(grants(unit)).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM inspection_round WHERE code = ?").param(round).query(Long.class)
            .single()).isZero();
    }

    @Test
    void aNewUnitWhoseCodeNamesAGroupIsRefusedByRow() throws Exception {
        String adminGroup = "adminMade" + TestRounds.newCode();
        Group made = identityService.newGroup(adminGroup);
        made.setName("管理中新建的组");
        identityService.saveGroup(made);
        String round = TestRounds.newCode();
        String unit = newUnitCode();
        XSSFWorkbook workbook = workbook(round);
        set(workbook, "新增单位", 2, "单位编号", unit);
        set(workbook, "新增单位", 2, "单位名称", "新设派出所");
        set(workbook, "新增单位", 3, "单位编号", "conduct");
        set(workbook, "新增单位", 3, "单位名称", "与重点整改组同号");
        set(workbook, "新增单位", 4, "单位编号", adminGroup);
        set(workbook, "新增单位", 4, "单位名称", "与管理中的组同号");
        set(workbook, "新增单位", 5, "单位编号", "haicang");
        set(workbook, "新增单位", 5, "单位名称", "海沧新区分局");
        set(workbook, "新增单位", 6, "单位编号", "bad-code");
        set(workbook, "新增单位", 6, "单位名称", "坏编号");

        HttpResponse<String> answer = RoundWorkbookFiles.upload(port, office(), bytes(workbook));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(errors(answer)).containsExactly(
            "新增单位 第3行 单位编号: 编号「conduct」已被占用（已有同编号的单位、重点整改组或角色组），请另取编号",
            "新增单位 第4行 单位编号: 编号「" + adminGroup + "」已被占用（已有同编号的单位、重点整改组或角色组），请另取编号",
            "新增单位 第5行 单位编号: 单位 haicang 已存在，名为「海沧分局」；新设单位请另取编号",
            "新增单位 第6行 单位编号: 只能由1至64位英文字母和数字组成，而非「bad-code」");
        assertThat(organisation.unit(unit)).isEmpty();
        assertThat(unitGroups(unit)).isZero();
        identityService.deleteGroup(adminGroup);
    }

    @Test
    void theJsonRegistrationCreatesItsNewUnitsOrNamesTheClashByPath() throws Exception {
        String unit = newUnitCode();
        String round = TestRounds.newCode();
        RoundRegistration base = TestRounds.round(round, TODAY, unit, MeasureKind.IMMEDIATE, 30);
        String withUnits = JSON.writeValueAsString(withNewUnits(base,
            new RoundRegistration.NewUnit(unit, "新设交警中队"), new RoundRegistration.NewUnit("office", "与角色组同号")));

        HttpResponse<String> refused = post(withUnits);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(errors(refused)).containsExactly(
            "newUnits[1].code: 编号「office」已被占用（已有同编号的单位、重点整改组或角色组），请另取编号");
        assertThat(unitGroups(unit)).isZero();

        HttpResponse<String> registered = post(JSON.writeValueAsString(withNewUnits(base,
            new RoundRegistration.NewUnit(unit, "新设交警中队"))));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        assertThat(organisation.unit(unit)).hasValueSatisfying(u -> assertThat(u.name()).isEqualTo("新设交警中队"));
        assertThat(unitGroups(unit)).isOne();
    }

    @Test
    void theNewUnitsAreWrittenInTheRoundsTransactionAndRolledBackWithIt() {
        String unit = newUnitCode();
        String round = TestRounds.newCode();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            rounds.register(withNewUnits(TestRounds.round(round, TODAY, unit, MeasureKind.IMMEDIATE, 30),
                new RoundRegistration.NewUnit(unit, "回滚的单位")));
            assertThat(unitGroups(unit)).as("written in the round's transaction").isOne();
            status.setRollbackOnly(); // whatever fails later in the round's transaction
        });
        assertThat(organisation.unit(unit)).isEmpty();
        assertThat(unitGroups(unit)).isZero();
        assertThat(grants(unit)).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM inspection_round WHERE code = ?").param(round).query(Long.class)
            .single()).isZero();
    }

    private static RoundRegistration withNewUnits(RoundRegistration r, RoundRegistration.NewUnit... units) {
        return new RoundRegistration(r.code(), r.title(), r.inspectionGroup(), r.inspectedOrganisation(),
            r.inspectedShortName(), r.inspectionStart(), r.inspectionEnd(), r.feedbackDate(), r.registeredOn(),
            r.categories(), r.clues(), r.historical(), List.of(units));
    }

    private HttpResponse<String> post(String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/rounds"))
            .header("Authorization", office()).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
            HttpResponse.BodyHandlers.ofString());
    }
}
