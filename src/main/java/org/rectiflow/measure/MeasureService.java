package org.rectiflow.measure;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.rectiflow.common.CurrentActor;
import org.rectiflow.common.EngineClock;
import org.rectiflow.common.FormField;
import org.rectiflow.evidence.EvidenceService;
import org.rectiflow.identity.OrganisationRepository;
import org.rectiflow.ledger.StatusHistory;
import org.rectiflow.measure.MeasureRepository.Archive;
import org.rectiflow.measure.MeasureRepository.Problem;
import org.rectiflow.mechanism.MechanismDraft;
import org.rectiflow.mechanism.MechanismException;
import org.rectiflow.mechanism.MechanismService;
import org.springframework.stereotype.Service;

/**
 * The life of a measure in the ledger: started, reported with evidence, reviewed, sent back for rework, signed
 * off ("一问题一档案": the archive record) or handed to normal management, reopened by the look-back, and its
 * problem closed when the last of its measures closes. {@link Measure} decides each step (and refuses one its
 * status does not allow); this service writes it, with its status history, in the engine's transaction.
 */
@Service
public class MeasureService {

    /**
     * What a unit submits when it reports; a 未完成 report ({@link ReportStatus#NOT_DONE}) has its reason and
     * planned date, and may leave the completion summary and evidence empty.
     */
    public record Report(String progress, String completionSummary, String evidence, ReportStatus status,
                         String notDoneReason, LocalDate plannedDate) {

        public Report(String progress, String completionSummary, String evidence, ReportStatus status) {
            this(progress, completionSummary, evidence, status, null, null);
        }
    }

    public enum Stage {
        REVIEW("牵头单位审核"),
        SIGN_OFF("监督组销号审核");

        private final String label;

        Stage(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final MeasureRepository measures;
    private final StatusHistory history;
    private final EngineClock clock;
    private final CurrentActor actor;
    private final MechanismService mechanisms;
    private final EvidenceService evidence;
    private final OrganisationRepository people;
    private final MeasureTally tally;

    public MeasureService(MeasureRepository measures, StatusHistory history, EngineClock clock, CurrentActor actor,
                          MechanismService mechanisms, EvidenceService evidence, OrganisationRepository people,
                          MeasureTally tally) {
        this.measures = measures;
        this.tally = tally;
        this.history = history;
        this.clock = clock;
        this.actor = actor;
        this.mechanisms = mechanisms;
        this.evidence = evidence;
        this.people = people;
    }

    public Measure require(String code) {
        return measures.require(code);
    }

    /**
     * The unit's work begins in the instance (see {@link Measure#start}); returns the measure as it is now.
     * Idempotent for its own instance; a second instance for a measure whose work is open in another is refused.
     */
    public Measure start(String code, String processInstanceId) {
        Measure measure = measures.require(code);
        Measure started = measure.start(processInstanceId);
        measures.setProcessInstance(code, processInstanceId);
        tally.changed(measure, started);
        if (started.status() != measure.status()) {
            changeStatus(measure, started.status(), "下发单位整改");
        }
        return started;
    }

    /**
     * Writes the unit's report and its evidence; only a long-term measure may be reported as continuing. A 未完成
     * report writes its reason and planned date (see {@link Measure#reportNotDone}), and its evidence if given.
     */
    public void recordReport(String code, Report report) {
        recordReport(code, report, List.of());
    }

    /** What the reviewers' forms show of a recorded report, read back from the ledger. */
    public record Recorded(String mechanisms, String evidenceFiles) {
    }

    /**
     * Writes the report, then the mechanisms (制度机制) it names, which replace those an earlier report of the
     * measure recorded, and binds the evidence files uploaded as drafts until now to this report; returns the
     * reviewers' texts of both, read back from the ledger. A bad mechanism refuses the whole report: an error naming
     * its row and field (「制度机制第2条：请填写名称」), thrown in the task's transaction, which then binds no file.
     */
    public Recorded recordReport(String code, Report report, List<MechanismDraft> drafts) {
        writeReport(code, report);
        try {
            mechanisms.recordWithReport(code, drafts);
        } catch (MechanismException e) {
            FormField list = MeasureExecutionProcess.Variables.MECHANISMS;
            throw new FormFieldValidationException(list.key(), e.formMessage(list.name()));
        }
        String files = evidence.bindDrafts(code);
        return new Recorded(mechanisms.reviewText(code), files);
    }

    private void writeReport(String code, Report report) {
        Measure measure = measures.require(code);
        if (report.status() == ReportStatus.NOT_DONE) {
            recordNotDone(measure, report);
            return;
        }
        if (!measure.accepts(report.status())) {
            throw MeasureExecutionProcess.Variables.REPORT_STATUS.invalid(
                "选“长期坚持”只适用于长久立措施，本措施为当下改措施，请在整改完成后报告");
        }
        Measure reported = measure.report(report.progress(), report.completionSummary(), report.status());
        Timestamp now = clock.nowTimestamp();
        String who = actor.id();
        measures.saveReport(reported, now);
        tally.changed(measure, reported);
        measures.insertEvidence(code, measures.evidenceCount(code) + 1, report.evidence(), who, now);
        history.record(StatusHistory.Entity.MEASURE, code, measure.status().name(), reported.status().name(), who,
            report.status() == ReportStatus.COMPLETED ? "单位报告整改完成" : "单位报告长期坚持，申请转常态", now);
    }

    private void recordNotDone(Measure measure, Report report) {
        LocalDate today = clock.today();
        if (report.plannedDate() != null && report.plannedDate().isBefore(today)) {
            throw MeasureExecutionProcess.Variables.PLANNED_DATE.invalid("不能早于今天");
        }
        Measure notDone = measure.reportNotDone(report.progress(), report.notDoneReason(), report.plannedDate(), today);
        Timestamp now = clock.nowTimestamp();
        String who = actor.id();
        measures.saveReport(notDone, now);
        tally.changed(measure, notDone);
        if (report.evidence() != null) {
            measures.insertEvidence(measure.code(), measures.evidenceCount(measure.code()) + 1, report.evidence(), who,
                now);
        }
        history.record(StatusHistory.Entity.MEASURE, measure.code(), measure.status().name(), notDone.status().name(),
            who, "单位报告未完成（计划" + report.plannedDate() + "前完成）：" + report.notDoneReason(), now);
    }

    /** A review or sign-off decision. A rejection is recorded by the rework notice that follows. */
    public void recordApproval(String code, Stage stage, String comment) {
        if (stage == Stage.REVIEW) {
            Measure measure = measures.require(code);
            Measure reviewed = measure.approveReview();
            changeStatus(measure, reviewed.status(), comment == null ? "牵头单位审核通过" : comment);
            tally.changed(measure, reviewed);
        }
    }

    /**
     * The lead unit's approval as the sign-off form shows it (牵头单位审核意见): the decision in words, who (姓名, from
     * the ledger, never from a variable) and when, then the comment: 「审核通过（审核人：徐启明，2026年3月2日 09:00）
     * 意见说明：材料齐全」. Called in the approving step's transaction, with that step's user and time.
     */
    public String approvalText(String comment) {
        return "审核通过（审核人：" + nameOf(actor.id()) + "，" + clock.chinese(clock.nowTimestamp()) + "）\n意见说明："
            + (comment == null ? "无" : comment);
    }

    /**
     * The measure's rework history (返工记录) as the review forms show it, from its status history: each return of a
     * report, numbered, with when, by whom (姓名) and why (the reason names the stage: 「牵头单位审核退回：…」); 「无」
     * when no report was returned.
     */
    public String reworkHistoryText(String code) {
        List<StatusHistory.Entry> returns = history.of(StatusHistory.Entity.MEASURE, code).stream()
            .filter(e -> MeasureStatus.REWORK.name().equals(e.toStatus())).toList();
        if (returns.isEmpty()) {
            return "无";
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < returns.size(); i++) {
            StatusHistory.Entry entry = returns.get(i);
            text.append(i == 0 ? "" : "\n").append("第").append(i + 1).append("次退回：")
                .append(clock.chinese(entry.changedAt())).append("，").append(nameOf(entry.actor())).append("，")
                .append(entry.reason());
        }
        return text.toString();
    }

    /** A person's name as the ledger writes it (姓名), 「系统」 for a job, the id of someone the ledger does not know. */
    private String nameOf(String userId) {
        if (CurrentActor.SYSTEM.equals(userId)) {
            return "系统";
        }
        return people.displayName(userId).filter(name -> !name.isBlank()).orElse(userId);
    }

    /**
     * 返工: sends the measure back to its unit after a rejection (see {@link Measure#sendBack}); returns the new
     * rework count. The supervision group's rework notice calls it once the notice is written, so a retried step
     * counts a rejection once; the count starts from the ledger's, not from the caller's copy.
     */
    public int sendBack(Measure measure, String reason) {
        Measure current = measures.require(measure.code());
        Measure sentBack = current.sendBack();
        measures.saveRework(sentBack);
        tally.changed(current, sentBack);
        history.record(StatusHistory.Entity.MEASURE, current.code(), current.status().name(),
            sentBack.status().name(), actor.id(), reason, clock.nowTimestamp());
        return sentBack.reworkCount();
    }

    /** 销号: the measure is done; its archive record is written and its problem closed if it was the last. */
    public void signOff(String code, String reviewedBy, String reviewComment, String signOffComment) {
        close(code, Measure::signOff, "SIGNED_OFF", "监督组同意销号", reviewedBy, reviewComment, signOffComment);
    }

    /** 转常态: a long-term measure goes on under normal management. */
    public void handOver(String code, String reviewedBy, String reviewComment, String signOffComment) {
        close(code, Measure::handOver, "HANDED_OVER", "长久立措施移交从严办常态化管理", reviewedBy, reviewComment,
            signOffComment);
    }

    /** Closes the measure once: a retried closing step finds it closed and writes nothing. */
    private void close(String code, UnaryOperator<Measure> transition, String outcome,
                       String reason, String reviewedBy, String reviewComment, String signOffComment) {
        Measure measure = measures.require(code);
        Problem problem = measures.lockProblem(measure.problemId());
        if (measure.isClosed()) {
            return;
        }
        Measure closed = transition.apply(measure);
        MeasureStatus status = closed.status();
        Timestamp now = clock.nowTimestamp();
        String who = actor.id();
        measures.close(closed, now);
        tally.changed(measure, closed);
        history.record(StatusHistory.Entity.MEASURE, code, measure.status().name(), status.name(), who, reason, now);
        measures.insertArchive(new Archive(code, outcome, measure.completionSummary(), measures.evidenceCount(code),
            measures.noticeCount(code), measure.reworkCount(), reviewedBy, who), reviewComment, signOffComment, now);
        if (!problem.closed() && measures.allClosed(problem.id())) {
            measures.closeProblem(problem.id(), now);
            history.record(StatusHistory.Entity.PROBLEM, measure.problemRef(), MeasureRepository.PROBLEM_OPEN,
                MeasureRepository.PROBLEM_CLOSED, who, "问题的全部整改措施已销号或转常态", now);
        }
    }

    /**
     * 集中整改期结束: the round's open long-term measures go on under normal management (从严办): their
     * sign-off passes to that group. Returns the measures handed over.
     */
    public List<String> handOverLongTermMeasures(String roundCode) {
        List<String> codes = measures.openLongTerm(roundCode);
        Timestamp now = clock.nowTimestamp();
        for (String code : codes) {
            Measure measure = measures.require(code).toNormalManagement();
            measures.setManagedBy(code, measure.managedBy());
            history.record(StatusHistory.Entity.MEASURE, code, measure.status().name(), measure.status().name(),
                actor.id(), "集中整改期结束，长久立措施转从严办常态化管理", now);
        }
        return codes;
    }

    /**
     * The group that signs the measure off, read from the ledger when the sign-off task is created (see
     * {@link Measure#signOffGroup()}).
     */
    public String signOffGroup(String code) {
        return measures.require(code).signOffGroup();
    }

    /** 回头看 found a relapse: the measure is open again with a new deadline, and so is its problem. */
    public void reopen(String code, String reason, LocalDate newDeadline) {
        Measure measure = measures.require(code);
        Problem problem = measures.lockProblem(measure.problemId());
        Measure reopened = measure.reopen(newDeadline);
        Timestamp now = clock.nowTimestamp();
        String who = actor.id();
        measures.reopen(reopened);
        tally.changed(measure, reopened);
        history.record(StatusHistory.Entity.MEASURE, code, measure.status().name(), reopened.status().name(),
            who, "回头看发现问题反弹，重新整改（新完成时限" + newDeadline + "）：" + reason, now);
        if (problem.closed()) {
            measures.reopenProblem(problem.id());
            history.record(StatusHistory.Entity.PROBLEM, measure.problemRef(), MeasureRepository.PROBLEM_CLOSED,
                MeasureRepository.PROBLEM_OPEN, who, "措施" + code + "回头看发现反弹", now);
        }
    }

    public void recordInterview(String code, LocalDate heldOn, String interviewee, String record) {
        measures.insertInterview(code, heldOn, interviewee, record, actor.id(), clock.nowTimestamp());
    }

    private void changeStatus(Measure measure, MeasureStatus to, String reason) {
        measures.setStatus(measure.code(), to);
        history.record(StatusHistory.Entity.MEASURE, measure.code(), measure.status().name(), to.name(), actor.id(),
            reason, clock.nowTimestamp());
    }
}
