package org.rectiflow.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rectiflow.clue.ClueHandlingProcess;
import org.rectiflow.clue.ClueKind;
import org.rectiflow.demo.RoundWalkthrough;
import org.rectiflow.identity.Scope;
import org.rectiflow.inspection.InspectionRoundProcess;
import org.rectiflow.inspection.InspectionRoundService;
import org.rectiflow.inspection.RoundRegistration;
import org.rectiflow.measure.MeasureExecutionProcess;
import org.rectiflow.mechanism.MechanismDraft;
import org.rectiflow.mechanism.MechanismService;
import org.rectiflow.support.TestRounds;
import org.rectiflow.support.EvidenceUploads;
import org.rectiflow.support.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Evidence files of the subjects besides a measure's report, over HTTP as their users reach them: a unit's plan
 * ({@code /api/rounds/{code}/units/{unit}/plan/evidence}), a clue's verification ({@code /api/clues/{code}/evidence}),
 * a look-back check ({@code /api/rounds/{code}/look-backs/{measure}/evidence}) and a mechanism's documents
 * ({@code /api/mechanisms/{id}/evidence}): uploaded while the task is open and refused when not, refused to other
 * units and groups, bound by the recording step in the completion's transaction, read by their readers; and
 * {@link SubjectTasks#ofTask} mapping each task to its subject.
 */
class SubjectEvidenceTest extends WebTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired InspectionRoundService rounds;
    @Autowired RoundWalkthrough walkthrough;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired IdentityService identityService;
    @Autowired SubjectTasks subjectTasks;
    @Autowired MechanismService mechanisms;
    @Autowired PlatformTransactionManager transactions;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    // --- HTTP ---

    private HttpResponse<String> upload(String path, String user, String name, byte[] content, String description)
        throws Exception {
        return EvidenceUploads.upload(port, path, user, name, content, description);
    }

    private HttpResponse<byte[]> call(String method, String path, String user) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", basicAuth(user, "demo"))
            .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private long uploaded(String path, String user, String name, int size, String description) throws Exception {
        HttpResponse<String> response = upload(path, user, name, EvidenceTest.pdf(size), description);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("id").asLong();
    }

    private JsonNode list(String path, String user) throws Exception {
        HttpResponse<byte[]> response = call("GET", path, user);
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String error(HttpResponse<?> response) throws Exception {
        Object body = response.body();
        String text = body instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : (String) body;
        return JSON.readTree(text).get("errors").get(0).asText();
    }

    private HttpResponse<byte[]> submit(Task task, String user, Map<String, Object> values) throws Exception {
        Map<String, Object> variables = new java.util.LinkedHashMap<>();
        values.forEach((k, v) -> variables.put(k, Map.of("value", v, "type", "String")));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/engine-rest/task/" + task.getId() + "/submit-form"))
            .header("Authorization", basicAuth(user, "demo")).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("variables", variables)),
                StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** {@link SubjectTasks#ofTask} as the user sees it (the groups the login gives). */
    private Optional<SubjectTasks.TaskSubject> ofTask(Task task, String user, String... groups) {
        identityService.setAuthentication(user, List.of(groups));
        try {
            return subjectTasks.ofTask(task.getProcessInstanceId(), task.getTaskDefinitionKey(), task.getId());
        } finally {
            identityService.clearAuthentication();
        }
    }

    // --- the engine ---

    private String roundInstance(String round) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(InspectionRoundProcess.KEY)
            .processInstanceBusinessKey(round).singleResult().getId();
    }

    private Task unitTask(String round, String key, String unit) {
        return taskService.createTaskQuery().processInstanceId(roundInstance(round)).taskDefinitionKey(key)
            .list().stream().filter(t -> unit.equals(taskService.getVariable(t.getId(), "unitCode"))).findFirst()
            .orElse(null);
    }

    private void fire(String instance, String activityId) {
        Job job = managementService.createJobQuery().processInstanceId(instance).activityId(activityId).singleResult();
        assertThat(job).as("timer " + activityId).isNotNull();
        if (job.getDuedate().getTime() + 60_000 > ClockUtil.getCurrentTime().getTime()) {
            ClockUtil.setCurrentTime(new Date(job.getDuedate().getTime() + 60_000));
        }
        managementService.executeJob(job.getId());
    }

    private Task measureTask(String measure, String key) {
        return taskService.createTaskQuery().processInstanceBusinessKey(measure).taskDefinitionKey(key).singleResult();
    }

    /** 思明分局's measure reported, reviewed and signed off. */
    private void signOff(String measure) {
        taskService.complete(measureTask(measure, MeasureExecutionProcess.Elements.UNIT_RECTIFIES).getId(),
            Map.of("progress", "已完成", "completionSummary", "已完成整改", "evidence", "会议纪要", "reportStatus",
                "COMPLETED"));
        taskService.complete(measureTask(measure, MeasureExecutionProcess.Elements.LEAD_UNIT_REVIEW).getId(),
            Map.of("reviewDecision", "APPROVE"));
        taskService.complete(measureTask(measure, MeasureExecutionProcess.Elements.SUPERVISION_SIGN_OFF).getId(),
            Map.of("signOffDecision", "APPROVE"));
    }

    /** Runs a completion in a transaction that is rolled back, after checking that it bound the file inside. */
    private void rolledBack(Runnable completion, long file) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            completion.run();
            assertThat(jdbc.sql("SELECT report_no FROM evidence_file WHERE id = ?").param(file).query(Integer.class)
                .single()).as("bound inside the completion").isEqualTo(1);
            status.setRollbackOnly();
        });
    }

    // --- the unit plan ---

    /** A round of 思明分局 and 海沧分局 brought to the units' plans. */
    private String roundAtUnitPlans() {
        String code = TestRounds.newCode();
        rounds.register(TestRounds.twoUnits(code, LocalDate.now()));
        walkthrough.holdMeeting(code, LocalDate.now(), "领导小组会议", "班子成员", "部署整改");
        walkthrough.approvePlan(code, "整改方案", "无");
        return code;
    }

    /**
     * The units' plans approved: the test classes sharing this context (security/AccessControlTest) read a unit's
     * Tasklist and expect measure tasks there.
     */
    private void leaveNoUnitPlanOpen(String round) {
        walkthrough.approveUnitPlans(round);
    }

    private static String planPath(String round, String unit) {
        return "/api/rounds/" + round + "/units/" + unit + "/plan/evidence";
    }

    @Test
    void theUnitUploadsItsPlansFilesWhileDraftingAndTheSubmissionBindsThemForTheOffice() throws Exception {
        String round = roundAtUnitPlans();
        String path = planPath(round, "siming");
        long first = uploaded(path, "simingLiaison", "实施方案.pdf", 1024, "本单位整改实施方案");
        long removed = uploaded(path, "simingLiaison", "草稿.pdf", 2048, null);
        assertThat(call("DELETE", path + "/" + removed, "simingLiaison").statusCode()).isEqualTo(204);

        JsonNode files = list(path, "officer1");
        assertThat(files.findValuesAsText("id")).containsExactly(String.valueOf(first));
        assertThat(files.get(0).get("subject").asText()).isEqualTo("UNIT_PLAN");
        assertThat(files.get(0).get("measureCode").isNull()).isTrue();
        assertThat(files.get(0).get("report").asText()).isEqualTo("draft");
        assertThat(list(path, "simingHead")).hasSize(1);
        assertThat(list(path, "chief")).hasSize(1);

        Task draft = unitTask(round, InspectionRoundProcess.Elements.DRAFT_UNIT_PLAN, "siming");
        assertThat(ofTask(draft, "simingLiaison", "siming")).contains(new SubjectTasks.TaskSubject(
            new EvidenceSubject.UnitPlan(round, "siming"), true));
        assertThat(ofTask(draft, "officer1", "office")).contains(new SubjectTasks.TaskSubject(
            new EvidenceSubject.UnitPlan(round, "siming"), false));

        HttpResponse<byte[]> submitted = submit(draft, "simingLiaison", Map.of("unitPlan", "逐项明确责任人和时限"));
        assertThat(submitted.statusCode()).as(new String(submitted.body(), StandardCharsets.UTF_8)).isEqualTo(204);
        assertThat(list(path, "officer1").findValuesAsText("report")).containsExactly("1");
        Task review = unitTask(round, InspectionRoundProcess.Elements.REVIEW_UNIT_PLAN, "siming");
        assertThat(taskService.getVariable(review.getId(), "unitPlanEvidenceFiles"))
            .isEqualTo("1\\. 实施方案\\.pdf（1KB）：本单位整改实施方案");
        assertThat(ofTask(review, "officer1", "office")).contains(new SubjectTasks.TaskSubject(
            new EvidenceSubject.UnitPlan(round, "siming"), false));

        // submitted: no upload, no removal
        HttpResponse<String> late = upload(path, "simingLiaison", "补充.pdf", EvidenceTest.pdf(1024), null);
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(error(late)).isEqualTo("思明分局的「制定本单位整改方案」任务不在办理中，不能上传佐证材料");

        // returned: the bound file stays the first submission's, the new one is the second's
        HttpResponse<byte[]> returned = submit(review, "officer1", Map.of("unitPlanDecision", "RETURN",
            "unitPlanComment", "时限不明确"));
        assertThat(returned.statusCode()).as(new String(returned.body(), StandardCharsets.UTF_8)).isEqualTo(204);
        HttpResponse<byte[]> kept = call("DELETE", path + "/" + first, "simingLiaison");
        assertThat(kept.statusCode()).isEqualTo(409);
        assertThat(error(kept)).isEqualTo("文件「实施方案.pdf」已随第1次提交的整改方案提交，不能删除");
        long second = uploaded(path, "simingLiaison", "修改后方案.pdf", 1536, null);
        Task redraft = unitTask(round, InspectionRoundProcess.Elements.DRAFT_UNIT_PLAN, "siming");
        assertThat(submit(redraft, "simingLiaison", Map.of("unitPlan", "逐项明确责任人和完成时限")).statusCode())
            .isEqualTo(204);
        JsonNode both = list(path, "simingLiaison");
        assertThat(both.findValuesAsText("id")).containsExactly(String.valueOf(first), String.valueOf(second));
        assertThat(both.findValuesAsText("report")).containsExactly("1", "2");
        assertThat(taskService.getVariable(unitTask(round, InspectionRoundProcess.Elements.REVIEW_UNIT_PLAN, "siming")
            .getId(), "unitPlanEvidenceFiles")).isEqualTo("1\\. 修改后方案\\.pdf（1\\.5KB）");
        leaveNoUnitPlanOpen(round);
    }

    @Test
    void theTasklistsTabShowsAUnitPlansFilesAtItsDraftForUploadAndAtItsReviewReadOnly() throws Exception {
        String round = roundAtUnitPlans();
        String path = planPath(round, "siming");
        long draftFile = uploaded(path, "simingLiaison", "实施方案.pdf", 1024, "本单位整改实施方案");
        Task draft = unitTask(round, InspectionRoundProcess.Elements.DRAFT_UNIT_PLAN, "siming");

        JsonNode atDraft = list("/api/tasks/" + draft.getId() + "/evidence", "simingLiaison");
        assertThat(atDraft.get("title").asText()).isEqualTo("单位整改方案的佐证材料");
        assertThat(atDraft.get("writable").asBoolean()).isTrue();
        assertThat(atDraft.get("uploadUrl").asText()).isEqualTo(path);
        assertThat(atDraft.get("files").findValuesAsText("name")).containsExactly("实施方案.pdf");
        assertThat(atDraft.get("files").get(0).get("report").isNull()).isTrue();
        assertThat(atDraft.get("files").get(0).get("deleteUrl").asText()).isEqualTo(path + "/" + draftFile);
        assertThat(atDraft.get("files").get(0).get("uploadedBy").asText()).isEqualTo("苏国栋");

        assertThat(submit(draft, "simingLiaison", Map.of("unitPlan", "逐项明确责任人和时限")).statusCode()).isEqualTo(204);
        Task review = unitTask(round, InspectionRoundProcess.Elements.REVIEW_UNIT_PLAN, "siming");
        JsonNode atReview = list("/api/tasks/" + review.getId() + "/evidence", "officer1");
        assertThat(atReview.get("writable").asBoolean()).isFalse();
        assertThat(atReview.get("uploadUrl").isNull()).isTrue();
        assertThat(atReview.get("files").findValuesAsText("report")).containsExactly("第1次提交");
        assertThat(atReview.get("files").get(0).get("deleteUrl").isNull()).isTrue();
        leaveNoUnitPlanOpen(round);
    }

    @Test
    void anotherUnitAndTheOfficeCannotUploadAUnitsPlanFilesAndOtherUnitsCannotReadThem() throws Exception {
        String round = roundAtUnitPlans();
        String path = planPath(round, "siming");
        long id = uploaded(path, "simingLiaison", "实施方案.pdf", 1024, null);
        HttpResponse<String> other = upload(path, "haicangLiaison", "实施方案.pdf", EvidenceTest.pdf(1024), null);
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(error(other)).isEqualTo("只有思明分局可以上传本单位整改方案的佐证材料");
        assertThat(upload(path, "officer1", "实施方案.pdf", EvidenceTest.pdf(1024), null).statusCode()).isEqualTo(403);
        for (String reader : List.of("haicangLiaison", "inspectorateLiaison")) {
            HttpResponse<byte[]> refused = call("GET", path, reader);
            assertThat(refused.statusCode()).as(reader).isEqualTo(403);
            assertThat(error(refused)).isEqualTo("无权查看思明分局整改方案的佐证材料");
            assertThat(call("GET", path + "/" + id, reader).statusCode()).as(reader).isEqualTo(403);
        }
        assertThat(call("DELETE", path + "/" + id, "haicangLiaison").statusCode()).isEqualTo(403);
        HttpResponse<byte[]> unknown = call("GET", planPath(round, "nosuchunit"), "officer1");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(error(unknown)).isEqualTo("巡察" + round + "中没有该单位的整改任务");
        HttpResponse<byte[]> download = call("GET", path + "/" + id, "officer1");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(EvidenceTest.pdf(1024));
        assertThat(download.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("inline");
        leaveNoUnitPlanOpen(round);
    }

    @Test
    void aRefusedOrRolledBackSubmissionLeavesThePlansDraftsAsDrafts() throws Exception {
        String round = roundAtUnitPlans();
        String path = planPath(round, "siming");
        long draft = uploaded(path, "simingLiaison", "实施方案.pdf", 1024, null);
        Task task = unitTask(round, InspectionRoundProcess.Elements.DRAFT_UNIT_PLAN, "siming");

        // refused: the plan's text is missing
        HttpResponse<byte[]> refused = submit(task, "simingLiaison", Map.of("unitPlan", " "));
        assertThat(refused.statusCode()).isNotEqualTo(204);
        assertThat(list(path, "simingLiaison").findValuesAsText("report")).containsExactly("draft");

        // completed, then rolled back: the binding goes with the completion
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            taskService.complete(task.getId(), Map.of("unitPlan", "逐项明确责任人和时限"));
            assertThat(jdbc.sql("SELECT report_no FROM evidence_file WHERE id = ?").param(draft).query(Integer.class)
                .single()).as("bound inside the completion").isEqualTo(1);
            status.setRollbackOnly();
        });
        assertThat(unitTask(round, InspectionRoundProcess.Elements.DRAFT_UNIT_PLAN, "siming")).isNotNull();
        assertThat(list(path, "simingLiaison").findValuesAsText("report")).containsExactly("draft");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM unit_plan WHERE round_code = ?").param(round).query(Integer.class)
            .single()).isZero();
        assertThat(call("DELETE", path + "/" + draft, "simingLiaison").statusCode()).isEqualTo(204);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM evidence_content WHERE file_id = ?").param(draft)
            .query(Integer.class).single()).isZero();
        leaveNoUnitPlanOpen(round);
    }

    // --- the clue's verification ---

    private String clueOf(String round) {
        return jdbc.sql("SELECT code FROM clue WHERE round_code = ?").param(round).query(String.class).single();
    }

    private Task clueTask(String clue, String key) {
        String instance = jdbc.sql("SELECT process_instance_id FROM clue WHERE code = ?").param(clue)
            .query(String.class).single();
        return taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).singleResult();
    }

    @Test
    void theDisciplineInspectorsUploadWhileVerifyingAndOnlyTheOverseersReadTheClueFiles() throws Exception {
        String round = TestRounds.newCode();
        rounds.register(TestRounds.roundWithClues(round, LocalDate.now(),
            new RoundRegistration.Clue("XF-1", ClueKind.PETITION, "反映民警违规收费", LocalDate.now().minusDays(3))));
        walkthrough.holdMeeting(round, LocalDate.now(), "领导小组会议", "班子成员", "部署整改");
        String clue = clueOf(round);
        String path = "/api/clues/" + clue + "/evidence";

        // at the triage, not yet
        HttpResponse<String> early = upload(path, "inspector1", "谈话笔录.pdf", EvidenceTest.pdf(1024), null);
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(error(early)).isEqualTo("线索" + clue + "的「初步核实」任务不在办理中，不能上传核实材料");
        taskService.complete(clueTask(clue, ClueHandlingProcess.Elements.TRIAGE_CLUE).getId(),
            Map.of("triage", "VERIFY", "triageReason", "线索具体，转初核"));

        long id = uploaded(path, "inspector1", "谈话笔录.pdf", 1024, "核实谈话笔录");
        HttpResponse<String> unit = upload(path, "simingLiaison", "说明.pdf", EvidenceTest.pdf(1024), null);
        assertThat(unit.statusCode()).isEqualTo(403);
        assertThat(error(unit)).isEqualTo("只有纪检监察组可以上传线索" + clue + "的核实材料");
        assertThat(upload(path, "officer1", "说明.pdf", EvidenceTest.pdf(1024), null).statusCode()).isEqualTo(403);
        for (String reader : List.of("inspector1", "officer1", "chief", "supervisor1")) {
            assertThat(list(path, reader)).as(reader).hasSize(1);
        }
        for (String outsider : List.of("simingLiaison", "inspectorateLiaison", "owner1")) {
            HttpResponse<byte[]> refused = call("GET", path, outsider);
            assertThat(refused.statusCode()).as(outsider).isEqualTo(403);
            assertThat(error(refused)).isEqualTo("无权查看线索" + clue + "的核实材料");
            assertThat(call("GET", path + "/" + id, outsider).statusCode()).as(outsider).isEqualTo(403);
        }
        Task verify = clueTask(clue, ClueHandlingProcess.Elements.VERIFY_CLUE);
        assertThat(ofTask(verify, "inspector1", "discipline")).contains(new SubjectTasks.TaskSubject(
            new EvidenceSubject.ClueVerification(clue), true));

        // completed, then rolled back: the binding goes with the completion
        rolledBack(() -> taskService.complete(verify.getId(), Map.of("verificationResult", "TRUE", "findings", "属实")),
            id);
        assertThat(jdbc.sql("SELECT verification_result FROM clue WHERE code = ?").param(clue).query(String.class)
            .optional()).isEmpty();
        assertThat(list(path, "inspector1").findValuesAsText("report")).containsExactly("draft");

        HttpResponse<byte[]> verified = submit(verify, "inspector1", Map.of("verificationResult", "TRUE",
            "findings", "反映问题属实"));
        assertThat(verified.statusCode()).as(new String(verified.body(), StandardCharsets.UTF_8)).isEqualTo(204);
        assertThat(list(path, "inspector1").findValuesAsText("report")).containsExactly("1");
        Task accountability = clueTask(clue, ClueHandlingProcess.Elements.RECORD_ACCOUNTABILITY);
        assertThat(ofTask(accountability, "inspector1", "discipline")).contains(new SubjectTasks.TaskSubject(
            new EvidenceSubject.ClueVerification(clue), false));
        HttpResponse<byte[]> bound = call("DELETE", path + "/" + id, "inspector1");
        assertThat(bound.statusCode()).isEqualTo(409);
        assertThat(upload(path, "inspector1", "补充.pdf", EvidenceTest.pdf(1024), null).statusCode()).isEqualTo(409);
        assertThat(call("GET", "/api/clues/NOSUCHCLUE/evidence", "officer1").statusCode()).isEqualTo(404);
    }

    // --- the look-back check and the mechanism's documents ---

    /** A one-measure round of 思明分局, signed off, reported and published, at its look-back. */
    private String roundAtLookBack() {
        String round = TestRounds.newCode();
        rounds.register(TestRounds.round(round, LocalDate.now(), org.rectiflow.measure.MeasureKind.IMMEDIATE, 60));
        walkthrough.holdMeeting(round, LocalDate.now(), "领导小组会议", "班子成员", "部署整改");
        walkthrough.approvePlan(round, "整改方案", "无");
        walkthrough.approveUnitPlans(round);
        signOff(round + "-01-01");
        String instance = roundInstance(round);
        if (taskService.createTaskQuery().processInstanceId(instance)
            .taskDefinitionKey(InspectionRoundProcess.Elements.SUBMIT_REPORT).count() == 0) {
            fire(instance, InspectionRoundProcess.Elements.REPORT_DUE);
        }
        complete(instance, InspectionRoundProcess.Elements.SUBMIT_REPORT, Map.of("reportDate",
            LocalDate.now().toString(), "reportReference", "厦公党〔2026〕5号", "reportSummary", "已完成集中整改阶段任务"));
        fire(instance, InspectionRoundProcess.Elements.CENTRALISED_PERIOD_ENDS);
        complete(instance, InspectionRoundProcess.Elements.DRAFT_PUBLIC_NOTE, Map.of("publicNote", "整改进展情况"));
        complete(instance, InspectionRoundProcess.Elements.APPROVE_PUBLIC_NOTE, Map.of("publicNoteDecision", "APPROVE"));
        fire(instance, InspectionRoundProcess.Elements.LOOK_BACK_DUE);
        return round;
    }

    private void complete(String instance, String key, Map<String, Object> values) {
        Task task = taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).singleResult();
        assertThat(task).as("open task " + key).isNotNull();
        taskService.complete(task.getId(), values);
    }

    @Test
    void supervisionUploadsWhileCheckingTheLookBackAndTheMeasuresReadersReadTheFiles() throws Exception {
        String round = roundAtLookBack();
        String measure = round + "-01-01";
        String path = "/api/rounds/" + round + "/look-backs/" + measure + "/evidence";
        long id = uploaded(path, "supervisor1", "现场照片.pdf", 1024, "回访现场");
        HttpResponse<String> unit = upload(path, "simingLiaison", "说明.pdf", EvidenceTest.pdf(1024), null);
        assertThat(unit.statusCode()).isEqualTo(403);
        assertThat(error(unit)).isEqualTo("只有监督组可以上传措施" + measure + "回头看核查的佐证材料");
        for (String reader : List.of("supervisor1", "simingLiaison", "inspectorateLiaison", "officer1")) {
            assertThat(list(path, reader)).as(reader).hasSize(1);
        }
        HttpResponse<byte[]> other = call("GET", path + "/" + id, "haicangLiaison");
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(error(other)).isEqualTo("无权查看措施" + measure + "回头看核查的佐证材料");
        assertThat(call("GET", "/api/rounds/" + round + "/look-backs/" + round + "-01-09/evidence", "officer1")
            .statusCode()).isEqualTo(404);

        Task check = taskService.createTaskQuery().processInstanceId(roundInstance(round))
            .taskDefinitionKey(InspectionRoundProcess.Elements.CHECK_FOR_RELAPSE).singleResult();
        long lookBack = jdbc.sql("SELECT id FROM look_back WHERE round_code = ?").param(round).query(Long.class)
            .single();
        assertThat(ofTask(check, "supervisor1", "supervision")).contains(new SubjectTasks.TaskSubject(
            new EvidenceSubject.LookBack(lookBack), true));
        assertThat(ofTask(check, "simingLiaison", "siming")).contains(new SubjectTasks.TaskSubject(
            new EvidenceSubject.LookBack(lookBack), false));

        rolledBack(() -> taskService.complete(check.getId(), Map.of("relapseFinding", "NO_RELAPSE",
            "lookBackFindings", "整改成效巩固")), id);
        assertThat(jdbc.sql("SELECT checked_at FROM look_back WHERE id = ?").param(lookBack)
            .query(java.sql.Timestamp.class).optional()).isEmpty();
        assertThat(list(path, "officer1").findValuesAsText("report")).containsExactly("draft");

        HttpResponse<byte[]> checked = submit(check, "supervisor1", Map.of("relapseFinding", "NO_RELAPSE",
            "lookBackFindings", "整改成效巩固"));
        assertThat(checked.statusCode()).as(new String(checked.body(), StandardCharsets.UTF_8)).isEqualTo(204);
        assertThat(list(path, "officer1").findValuesAsText("report")).containsExactly("1");
        HttpResponse<String> late = upload(path, "supervisor1", "补充.pdf", EvidenceTest.pdf(1024), null);
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(error(late)).isEqualTo("措施" + measure + "的「核查整改成效」任务不在办理中，不能上传佐证材料");
        HttpResponse<byte[]> bound = call("DELETE", path + "/" + id, "supervisor1");
        assertThat(bound.statusCode()).isEqualTo(409);
        assertThat(error(bound)).isEqualTo("措施" + measure + "的「核查整改成效」任务不在办理中，不能删除佐证材料");

        // the problem's archive holds the check's files in the measure's folder 回头看/
        HttpResponse<byte[]> archive = call("GET", "/api/rounds/" + round + "/problems/" + round + "-01/archive.zip",
            "officer1");
        assertThat(archive.statusCode()).isEqualTo(200);
        List<String> entries = new java.util.ArrayList<>();
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(
            new java.io.ByteArrayInputStream(archive.body()), StandardCharsets.UTF_8)) {
            for (java.util.zip.ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.add(e.getName());
            }
        }
        assertThat(entries).containsExactly("封面与目录.docx", measure + "/回头看/现场照片.pdf", "清单.csv");
    }

    private long mechanism(String round, String title) {
        mechanisms.importAll(round, List.of(new MechanismDraft(title, "思公〔2026〕1号", "思明分局",
            LocalDate.now().toString(), "NEW", null, List.of(round + "-01-01"))),
            new MechanismService.Importer(true, Scope.allUnits()));
        return jdbc.sql("SELECT id FROM mechanism WHERE round_code = ? AND title = ?").params(round, title)
            .query(Long.class).single();
    }

    @Test
    void theMechanismsUnitOrTheOfficeUploadItsDocumentsUntilItsProblemsArchiveIsFinal() throws Exception {
        String round = TestRounds.newCode();
        rounds.register(TestRounds.twoUnits(round, LocalDate.now()));
        walkthrough.holdMeeting(round, LocalDate.now(), "领导小组会议", "班子成员", "部署整改");
        walkthrough.approvePlan(round, "整改方案", "无");
        walkthrough.approveUnitPlans(round);
        long id = mechanism(round, "民警执法规范化管理办法");
        String path = "/api/mechanisms/" + id + "/evidence";

        long unitFile = uploaded(path, "simingLiaison", "管理办法.pdf", 1024, "印发稿");
        long officeFile = uploaded(path, "officer1", "发文通知.pdf", 1024, null);
        JsonNode files = list(path, "simingHead");
        assertThat(files.findValuesAsText("id")).containsExactly(String.valueOf(unitFile), String.valueOf(officeFile));
        assertThat(files.findValuesAsText("report")).containsExactly("1", "1");
        assertThat(files.findValuesAsText("subject")).containsExactly("MECHANISM", "MECHANISM");
        HttpResponse<String> other = upload(path, "haicangLiaison", "办法.pdf", EvidenceTest.pdf(1024), null);
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(error(other)).isEqualTo("只有制度机制的责任单位或整改专班可以上传制度机制「民警执法规范化管理办法」的制度文件");
        assertThat(list(path, "inspectorateLiaison")).hasSize(2);
        HttpResponse<byte[]> refused = call("GET", path, "haicangLiaison");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(error(refused)).isEqualTo("无权查看制度机制「民警执法规范化管理办法」的制度文件");
        assertThat(call("DELETE", path + "/" + officeFile, "officer1").statusCode()).isEqualTo(204);

        // the problem closes (海沧分局's measure too) and its archive is produced whole: final
        signOff(round + "-01-01");
        signOff(round + "-01-02");
        HttpResponse<byte[]> archive = call("GET", "/api/rounds/" + round + "/problems/" + round + "-01/archive.zip",
            "officer1");
        assertThat(archive.statusCode()).isEqualTo(200);
        HttpResponse<String> late = upload(path, "simingLiaison", "修订稿.pdf", EvidenceTest.pdf(1024), null);
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(error(late)).isEqualTo("制度机制「民警执法规范化管理办法」所对应问题的档案均已定稿，不能上传制度文件");
        HttpResponse<byte[]> kept = call("DELETE", path + "/" + unitFile, "simingLiaison");
        assertThat(kept.statusCode()).isEqualTo(409);
        assertThat(call("GET", "/api/mechanisms/999999999/evidence", "officer1").statusCode()).isEqualTo(404);
    }

    @Test
    void theSubjectTasksElementIdsAreTheDiagrams() {
        assertThat(OpenSubjectTasks.DRAFT_UNIT_PLAN).isEqualTo(InspectionRoundProcess.Elements.DRAFT_UNIT_PLAN);
        assertThat(OpenSubjectTasks.REVIEW_UNIT_PLAN).isEqualTo(InspectionRoundProcess.Elements.REVIEW_UNIT_PLAN);
        assertThat(OpenSubjectTasks.CHECK_FOR_RELAPSE).isEqualTo(InspectionRoundProcess.Elements.CHECK_FOR_RELAPSE);
        assertThat(OpenSubjectTasks.VERIFY_CLUE).isEqualTo(ClueHandlingProcess.Elements.VERIFY_CLUE);
        assertThat(OpenSubjectTasks.RECORD_ACCOUNTABILITY).isEqualTo(ClueHandlingProcess.Elements.RECORD_ACCOUNTABILITY);
        assertThat(OpenSubjectTasks.UNIT_CODE).isEqualTo(org.rectiflow.plan.UnitPlanVariables.UNIT_CODE.name());
        assertThat(OpenSubjectTasks.LOOK_BACK_MEASURE)
            .isEqualTo(org.rectiflow.lookback.LookBackVariables.LOOK_BACK_MEASURE.name());
    }
}
