package org.rectiflow.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.rectiflow.demo.RoundWalkthrough;
import org.rectiflow.guard.ApplicationCalls;
import org.rectiflow.inspection.InspectionRoundService;
import org.rectiflow.inspection.RoundRegistration;
import org.rectiflow.lookback.LookBackService;
import org.rectiflow.support.MeasureTallies;
import org.rectiflow.support.TestRounds;
import org.rectiflow.support.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger's tally of measures ({@code measure_tally}, which the bottleneck tab ranks units and key groups from)
 * through the ways a measure changes: its work started, a report sent back and signed off, a transfer through
 * {@code POST /api/measures/{code}/transfer}, a reopening by the look-back, and a transaction rolled back. Each test
 * counts what its own round changed in the rows of 作风转变 and its deadlines (other tests' measures share the
 * context), and ends with the whole tally equal to the ledger's measures counted.
 */
class MeasureTallyTest extends WebTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Autowired InspectionRoundService rounds;
    @Autowired RoundWalkthrough walkthrough;
    @Autowired TaskService taskService;
    @Autowired LookBackService lookBacks;
    @Autowired MeasureService measures;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcClient jdbc;

    /** A row of the tally: measures with an instance, open ones, their reworks. */
    record Row(long measures, long open, long reworks) {

        Row minus(Row before) {
            return new Row(measures - before.measures, open - before.open, reworks - before.reworks);
        }
    }

    private Row row(String unit, LocalDate deadline) {
        return jdbc.sql("SELECT measures, open_measures, reworks FROM measure_tally WHERE unit_code = ?"
                + " AND key_group_code = ? AND deadline = ?").params(unit, TestRounds.KEY_GROUP, deadline)
            .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3))).optional()
            .orElse(new Row(0, 0, 0));
    }

    private String startedRound(int... deadlineDays) {
        String round = TestRounds.newCode();
        rounds.register(TestRounds.round(round, TODAY, MeasureKind.IMMEDIATE, deadlineDays));
        walkthrough.holdMeeting(round, TODAY, "领导小组会议", "班子成员", "部署整改");
        walkthrough.approvePlan(round, "整改方案", "无");
        walkthrough.approveUnitPlans(round);
        return round;
    }

    private void complete(String measure, String step, Map<String, Object> variables) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(measure).singleResult();
        assertThat(task.getTaskDefinitionKey()).isEqualTo(step);
        taskService.complete(task.getId(), variables);
    }

    private void reportDone(String measure) {
        complete(measure, MeasureExecutionProcess.Elements.UNIT_RECTIFIES, Map.of("progress", "已按整改方案完成各项工作",
            "completionSummary", "印发制度1项", "evidence", "整改材料汇编", "reportStatus", "COMPLETED"));
    }

    private void review(String measure, String decision) {
        complete(measure, MeasureExecutionProcess.Elements.LEAD_UNIT_REVIEW, Map.of("reviewDecision", decision,
            "reviewComment", "APPROVE".equals(decision) ? "审核通过" : "佐证材料不全，缺少检查记录"));
    }

    private void signOff(String measure) {
        complete(measure, MeasureExecutionProcess.Elements.SUPERVISION_SIGN_OFF, Map.of("signOffDecision", "APPROVE"));
    }

    private void assertTheTallyIsTheLedgerCounted() {
        MeasureTallies.assertIsTheLedgerCounted(jdbc);
    }

    @Test
    void aMeasureCountsOpenInItsUnitsRowOnceItsWorkStarts() {
        Row before = row(TestRounds.UNIT, TODAY.plusDays(41));
        String round = TestRounds.newCode();
        rounds.register(TestRounds.round(round, TODAY, MeasureKind.IMMEDIATE, 41, 41));
        walkthrough.holdMeeting(round, TODAY, "领导小组会议", "班子成员", "部署整改");
        walkthrough.approvePlan(round, "整改方案", "无");
        assertThat(row(TestRounds.UNIT, TODAY.plusDays(41)).minus(before))
            .as("registered, not started: not in the figures").isEqualTo(new Row(0, 0, 0));

        walkthrough.approveUnitPlans(round);

        assertThat(row(TestRounds.UNIT, TODAY.plusDays(41)).minus(before)).isEqualTo(new Row(2, 2, 0));
        assertTheTallyIsTheLedgerCounted();
    }

    @Test
    void aReworkCountsOnceAndASignedOffMeasureIsNoLongerOpen() {
        Row before = row(TestRounds.UNIT, TODAY.plusDays(43));
        String measure = RoundRegistration.measureCode(startedRound(43), 1, 1);

        reportDone(measure);
        review(measure, "REJECT");
        assertThat(row(TestRounds.UNIT, TODAY.plusDays(43)).minus(before)).isEqualTo(new Row(1, 1, 1));
        reportDone(measure);
        review(measure, "APPROVE");
        signOff(measure);

        assertThat(row(TestRounds.UNIT, TODAY.plusDays(43)).minus(before)).isEqualTo(new Row(1, 0, 1));
        assertTheTallyIsTheLedgerCounted();
    }

    @Test
    void aTransferredMeasureCountsInTheNewUnitsRowWithItsReworks() throws Exception {
        Row simingBefore = row(TestRounds.UNIT, TODAY.plusDays(47));
        Row haicangBefore = row("haicang", TODAY.plusDays(47));
        String measure = RoundRegistration.measureCode(startedRound(47), 1, 1);
        reportDone(measure);
        review(measure, "REJECT");

        HttpResponse<String> moved = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/measures/" + measure + "/transfer"))
            .header("Authorization", basicAuth("officer1", "demo")).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"toUnit\": \"haicang\", \"reason\": \"职能调整\"}",
                StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(204);
        assertThat(row(TestRounds.UNIT, TODAY.plusDays(47)).minus(simingBefore)).isEqualTo(new Row(0, 0, 0));
        assertThat(row("haicang", TODAY.plusDays(47)).minus(haicangBefore)).isEqualTo(new Row(1, 1, 1));
        assertTheTallyIsTheLedgerCounted();
    }

    @Test
    void aReopenedMeasureLeavesItsOldDeadlinesRowAndCountsInItsNewOneWhenItsWorkStartsAgain() {
        LocalDate reopenedDeadline = TODAY.plusDays(30); // rectiflow.look-back.reopen-period
        Row oldBefore = row(TestRounds.UNIT, TODAY.plusDays(49));
        Row newBefore = row(TestRounds.UNIT, reopenedDeadline);
        String round = startedRound(49);
        String measure = RoundRegistration.measureCode(round, 1, 1);
        reportDone(measure);
        review(measure, "APPROVE");
        signOff(measure);

        // as the look-back's reopening step calls it, in its transaction
        transactions.executeWithoutResult(status -> ApplicationCalls.run(
            () -> lookBacks.reopen(round, measure, "回头看发现问题反弹")));

        assertThat(measures.require(measure).deadline()).isEqualTo(reopenedDeadline);
        assertThat(row(TestRounds.UNIT, TODAY.plusDays(49)).minus(oldBefore)).isEqualTo(new Row(0, 0, 0));
        assertThat(row(TestRounds.UNIT, reopenedDeadline).minus(newBefore)).isEqualTo(new Row(1, 1, 0));
        assertTheTallyIsTheLedgerCounted();
    }

    @Test
    void aRolledBackTransactionLeavesTheTallyAsItWas() {
        String measure = RoundRegistration.measureCode(startedRound(53), 1, 1);
        reportDone(measure);
        Row before = row(TestRounds.UNIT, TODAY.plusDays(53));

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            measures.sendBack(measures.require(measure), "退回重做");
            throw new IllegalStateException("a later step of the same transaction fails");
        })).hasMessage("a later step of the same transaction fails");

        assertThat(row(TestRounds.UNIT, TODAY.plusDays(53))).isEqualTo(before);
        assertThat(measures.require(measure).reworkCount()).isZero();
        assertTheTallyIsTheLedgerCounted();
    }
}
