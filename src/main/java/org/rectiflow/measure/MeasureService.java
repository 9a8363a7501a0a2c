package org.rectiflow.measure;

import java.sql.Timestamp;
import java.time.LocalDate;

import org.rectiflow.common.CurrentActor;
import org.rectiflow.common.EngineClock;
import org.rectiflow.inspection.RoundRepository;
import org.rectiflow.inspection.RoundRepository.ProblemRow;
import org.rectiflow.ledger.StatusHistory;
import org.rectiflow.measure.MeasureRepository.Archive;
import org.rectiflow.measure.MeasureRepository.Measure;
import org.rectiflow.supervision.NoticeRepository;
import org.springframework.stereotype.Service;

/**
 * The life of a measure in the ledger: started, reported with evidence, reviewed, signed off
 * ("一问题一档案": the archive record) or handed to normal management, and its problem closed when the
 * last of its measures closes. Every change of status is written to the status history.
 */
@Service
public class MeasureService {

    /** What a unit submits when it reports. */
    public record Report(String progress, String completionSummary, String evidence, ReportStatus status) {
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
    private final RoundRepository rounds;
    private final NoticeRepository notices;
    private final StatusHistory history;
    private final EngineClock clock;
    private final CurrentActor actor;

    public MeasureService(MeasureRepository measures, RoundRepository rounds, NoticeRepository notices,
                          StatusHistory history, EngineClock clock, CurrentActor actor) {
        this.measures = measures;
        this.rounds = rounds;
        this.notices = notices;
        this.history = history;
        this.clock = clock;
        this.actor = actor;
    }

    public Measure require(String code) {
        return measures.require(code);
    }

    /**
     * The unit's work begins. Idempotent for its own instance; a second instance for a measure whose work is open
     * in another (a diagram calling measure-execution twice) is refused, so the ledger and the engine never
     * disagree about where the measure stands.
     */
    public Measure start(String code, String processInstanceId) {
        Measure measure = measures.require(code);
        if (measure.processInstanceId() != null && !measure.processInstanceId().equals(processInstanceId)
            && !measure.status().isClosed()) {
            throw new IllegalStateException("Measure " + code + " is already in progress in process instance "
                + measure.processInstanceId() + "; refusing to start it again in " + processInstanceId);
        }
        measures.setProcessInstance(code, processInstanceId);
        if (measure.status() == MeasureStatus.REGISTERED) {
            changeStatus(measure, MeasureStatus.IN_PROGRESS, "下发单位整改");
        }
        return measure;
    }

    /** Writes the unit's report; only a long-term measure may be reported as continuing. */
    public void recordReport(String code, Report report) {
        Measure measure = measures.require(code);
        if (report.status() == ReportStatus.LONG_TERM_CONTINUING && measure.kind() != MeasureKind.LONG_TERM) {
            throw MeasureExecutionProcess.Variables.REPORT_STATUS.invalid(
                "：“长期坚持”只适用于长久立措施，本措施为当下改措施，请在整改完成后报告");
        }
        Timestamp now = clock.nowTimestamp();
        String who = actor.id();
        measures.saveReport(code, report.progress(), report.completionSummary(), report.status(), now);
        measures.insertEvidence(code, measures.evidenceCount(code) + 1, report.evidence(), who, now);
        history.record(StatusHistory.Entity.MEASURE, code, measure.status().name(), MeasureStatus.REPORTED.name(), who,
            report.status() == ReportStatus.COMPLETED ? "单位报告整改完成" : "单位报告长期坚持，申请转常态", now);
    }

    /** A review or sign-off decision. A rejection is recorded by the rework notice that follows. */
    public void recordApproval(String code, Stage stage, String comment) {
        Measure measure = measures.require(code);
        if (stage == Stage.REVIEW) {
            changeStatus(measure, MeasureStatus.REVIEWED, comment == null ? "牵头单位审核通过" : comment);
        }
    }

    /** 销号: the measure is done; its archive record is written and its problem closed if it was the last. */
    public void signOff(String code, String reviewedBy, String reviewComment, String signOffComment) {
        close(code, MeasureStatus.SIGNED_OFF, "SIGNED_OFF", "监督组同意销号", reviewedBy, reviewComment, signOffComment);
    }

    /** 转常态: a long-term measure goes on under normal management. */
    public void handOver(String code, String reviewedBy, String reviewComment, String signOffComment) {
        close(code, MeasureStatus.NORMAL_MANAGEMENT, "HANDED_OVER", "长久立措施移交从严办常态化管理", reviewedBy,
            reviewComment, signOffComment);
    }

    private void close(String code, MeasureStatus status, String outcome, String reason, String reviewedBy,
                       String reviewComment, String signOffComment) {
        Measure measure = measures.require(code);
        ProblemRow problem = rounds.lockProblem(measure.problemId());
        if (measure.status().isClosed()) {
            return;
        }
        Timestamp now = clock.nowTimestamp();
        String who = actor.id();
        measures.close(code, status, now);
        history.record(StatusHistory.Entity.MEASURE, code, measure.status().name(), status.name(), who, reason, now);
        measures.insertArchive(new Archive(code, outcome, measure.completionSummary(), measures.evidenceCount(code),
            notices.count(code), measure.reworkCount(), reviewedBy, who), reviewComment, signOffComment, now);
        if (problem.status() == RoundRepository.ProblemStatus.OPEN && measures.allClosed(problem.id())) {
            rounds.closeProblem(problem.id(), now);
            history.record(StatusHistory.Entity.PROBLEM, problem.ref(),
                RoundRepository.ProblemStatus.OPEN.name(), RoundRepository.ProblemStatus.CLOSED.name(), who,
                "问题的全部整改措施已销号或转常态", now);
        }
    }

    /**
     * 集中整改期结束: the round's open long-term measures go on under normal management (从严办): their
     * sign-off passes to that group. Returns the measures handed over.
     */
    public java.util.List<String> handOverLongTermMeasures(String roundCode) {
        java.util.List<String> codes = measures.openLongTerm(roundCode);
        Timestamp now = clock.nowTimestamp();
        for (String code : codes) {
            measures.setManagedBy(code, MeasureRepository.MANAGED_BY_NORMAL_MANAGEMENT);
            Measure measure = measures.require(code);
            history.record(StatusHistory.Entity.MEASURE, code, measure.status().name(), measure.status().name(),
                actor.id(), "集中整改期结束，长久立措施转从严办常态化管理", now);
        }
        return codes;
    }

    /** The group that signs the measure off: the supervision group, or 从严办 under normal management. */
    public String signOffGroup(String code) {
        return signOffGroup(measures.require(code));
    }

    private String signOffGroup(Measure measure) {
        return MeasureRepository.MANAGED_BY_NORMAL_MANAGEMENT.equals(measure.managedBy())
            ? org.rectiflow.identity.RoleGroups.NORMAL_MANAGEMENT : org.rectiflow.identity.RoleGroups.SUPERVISION;
    }

    /** 回头看 found a relapse: the measure is open again with a new deadline, and so is its problem. */
    public void reopen(String code, String reason, LocalDate newDeadline) {
        Measure measure = measures.require(code);
        ProblemRow problem = rounds.lockProblem(measure.problemId());
        Timestamp now = clock.nowTimestamp();
        String who = actor.id();
        measures.reopen(code, newDeadline);
        history.record(StatusHistory.Entity.MEASURE, code, measure.status().name(), MeasureStatus.IN_PROGRESS.name(),
            who, "回头看发现问题反弹，重新整改（新完成时限" + newDeadline + "）：" + reason, now);
        if (problem.status() == RoundRepository.ProblemStatus.CLOSED) {
            rounds.reopenProblem(problem.id());
            history.record(StatusHistory.Entity.PROBLEM, problem.ref(), RoundRepository.ProblemStatus.CLOSED.name(),
                RoundRepository.ProblemStatus.OPEN.name(), who, "措施" + code + "回头看发现反弹", now);
        }
    }

    public void recordInterview(String code, LocalDate heldOn, String interviewee, String record) {
        measures.insertInterview(code, heldOn, interviewee, record, actor.id(), clock.nowTimestamp());
    }

    /** Sends the measure back to its unit after a rejection; returns the new rework count. */
    public int sendBack(Measure measure, String reason) {
        int count = measures.incrementRework(measure.code());
        history.record(StatusHistory.Entity.MEASURE, measure.code(), measure.status().name(),
            MeasureStatus.REWORK.name(), actor.id(), reason, clock.nowTimestamp());
        return count;
    }

    private void changeStatus(Measure measure, MeasureStatus to, String reason) {
        measures.setStatus(measure.code(), to);
        history.record(StatusHistory.Entity.MEASURE, measure.code(), measure.status().name(), to.name(), actor.id(),
            reason, clock.nowTimestamp());
    }
}
