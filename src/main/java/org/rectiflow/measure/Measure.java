package org.rectiflow.measure;

import java.time.LocalDate;

import org.rectiflow.common.deadline.Outcome;
import org.rectiflow.identity.RoleGroups;

/**
 * A measure (整改措施) as the ledger holds it, with what a task, a notice or a notification shows of it, and the
 * rules of its life: whether it is closed, which transitions it may take (see {@link MeasureStatus}), what a
 * report, a rejection, a sign-off and a reopening do to it, and which group signs it off. A transition returns
 * the measure as it is afterwards (the repository writes it; {@link MeasureService} records the history) or
 * throws an {@link IllegalStateException} naming the measure and both statuses, so the ledger never takes a step
 * its diagram should not have allowed.
 *
 * <p>Besides its status, a measure has an {@link Outcome}, what published reports count (docs/adr/0013): 已完成整改
 * once signed off, 基本完成、持续推进 once handed over as continuing (转常态), 未完成 while the unit's last report said
 * so (with its reason and new planned date) or the office recorded it so in the round's report
 * ({@link #recordNotDone}), 正在推进 otherwise. The transitions set it; nothing else does.
 *
 * @param managedBy         who signs it off: the supervision group, or 从严办 after the hand-over
 * @param processInstanceId the measure-execution instance that runs its work, null before it starts and after
 *                          a reopening
 * @param outcome           what reports count it as
 * @param notDoneReason     why the unit reported it not done (未完成), null otherwise
 * @param plannedDate       the date by which the unit now plans to complete it, with a 未完成 report; null otherwise
 */
public record Measure(String code, String roundCode, long problemId, int problemSeq, String problemTitle,
                      String keyGroupCode, String leadUnitCode, int seq, String content, String unitCode,
                      String unitName, String leaderUserId, String leaderName, LocalDate deadline, MeasureKind kind,
                      MeasureStatus status, String progress, String completionSummary, ReportStatus reportStatus,
                      int reworkCount, ManagedBy managedBy, String processInstanceId, Outcome outcome,
                      String notDoneReason, LocalDate plannedDate) {

    /** Who holds a measure for its sign-off (the ledger's {@code managed_by}). */
    public enum ManagedBy {
        /** 整改监督组, during the centralised rectification. */
        SUPERVISION(RoleGroups.SUPERVISION),
        /** 从严办: a long-term measure that went on under normal management when the centralised period ended. */
        NORMAL_MANAGEMENT(RoleGroups.NORMAL_MANAGEMENT);

        private final String signOffGroup;

        ManagedBy(String signOffGroup) {
            this.signOffGroup = signOffGroup;
        }

        /** The Camunda group that signs off the measures it holds. */
        public String signOffGroup() {
            return signOffGroup;
        }
    }

    /**
     * How the status history names the measure's problem: {@code <round code>-<problem no.>}, the measure's code
     * without its measure number, so padded as wide as the round's codes ({@code inspection/RoundRegistration.Codes}).
     */
    public String problemRef() {
        return code.substring(0, code.lastIndexOf('-'));
    }

    public boolean isClosed() {
        return status.isClosed();
    }

    public boolean isOpen() {
        return status.isOpen();
    }

    /**
     * The group that signs the measure off (销号), asked when the sign-off task is created
     * ({@code ${measureRouting.signOffGroup(execution)}}): the supervision group, or 从严办 once the centralised
     * period has handed the measure to normal management.
     */
    public String signOffGroup() {
        return managedBy.signOffGroup();
    }

    /**
     * The unit's work begins in {@code processInstanceId}: a registered measure goes in progress, an open one
     * (rework, a reopened measure, the same instance retried) keeps its status. Refused when another instance runs
     * the measure's work (a diagram calling measure-execution twice), so the ledger and the engine never disagree
     * about where it stands, and when the measure is closed: only the look-back reopens a closed measure.
     */
    public Measure start(String processInstanceId) {
        if (this.processInstanceId != null && !this.processInstanceId.equals(processInstanceId) && isOpen()) {
            throw new IllegalStateException("Measure " + code + " is already in progress in process instance "
                + this.processInstanceId + "; refusing to start it again in " + processInstanceId);
        }
        if (isClosed()) {
            throw new IllegalStateException("Measure " + code + " is " + status + " (" + status.label()
                + "); refusing to start its work in " + processInstanceId + ": a closed measure is reopened first");
        }
        MeasureStatus next = status == MeasureStatus.REGISTERED ? moveTo(MeasureStatus.IN_PROGRESS) : status;
        return with(next, reworkCount, deadline, managedBy, processInstanceId);
    }

    /** Whether the unit may report the measure so: only a long-term measure may be reported as continuing. */
    public boolean accepts(ReportStatus report) {
        return report != ReportStatus.LONG_TERM_CONTINUING || kind == MeasureKind.LONG_TERM;
    }

    /**
     * The unit reports (done, or a long-term measure basically done and continuing): the measure waits for review
     * with the report's texts, 正在推进 until the reviewers decide (an earlier 未完成 and its date are over).
     */
    public Measure report(String progress, String completionSummary, ReportStatus report) {
        if (report == ReportStatus.NOT_DONE) {
            throw new IllegalArgumentException("Measure " + code + ": a 未完成 report is reportNotDone, with its reason"
                + " and planned date");
        }
        if (!accepts(report)) {
            throw new IllegalArgumentException("Measure " + code + " is " + kind + " and cannot be reported as "
                + report);
        }
        return new Measure(code, roundCode, problemId, problemSeq, problemTitle, keyGroupCode, leadUnitCode, seq,
            content, unitCode, unitName, leaderUserId, leaderName, deadline, kind, moveTo(MeasureStatus.REPORTED),
            progress, completionSummary, report, reworkCount, managedBy, processInstanceId, Outcome.IN_PROGRESS,
            null, null);
    }

    /**
     * 未完成: the unit reports the measure not done, why, and by when it now plans to complete it. The work stays
     * with the unit (its status does not move; the deadline, and so the ladder, stay as they were); the measure
     * counts as 未完成 until the unit reports it done. Refused for a measure not in the unit's hands, without a
     * reason, or with a planned date before {@code today}.
     */
    public Measure reportNotDone(String progress, String reason, LocalDate plannedDate, LocalDate today) {
        if (status != MeasureStatus.IN_PROGRESS && status != MeasureStatus.REWORK) {
            throw new IllegalStateException("Measure " + code + " is " + status + " (" + status.label()
                + "); only a measure in the unit's hands is reported not done");
        }
        if (reason == null || reason.isBlank() || plannedDate == null) {
            throw new IllegalArgumentException("Measure " + code + ": a 未完成 report needs its reason and planned date");
        }
        if (plannedDate.isBefore(today)) {
            throw new IllegalArgumentException("Measure " + code + ": the planned date " + plannedDate
                + " is before " + today);
        }
        return new Measure(code, roundCode, problemId, problemSeq, problemTitle, keyGroupCode, leadUnitCode, seq,
            content, unitCode, unitName, leaderUserId, leaderName, deadline, kind, status, progress,
            completionSummary, ReportStatus.NOT_DONE, reworkCount, managedBy, processInstanceId, Outcome.NOT_DONE,
            reason, plannedDate);
    }

    /**
     * 未完成 recorded by the office in the round's report (整改情况报告): the open measure counts as 未完成 with the
     * reason and the date by which it is now planned, and stays where it is (its status, unit, task, deadline and
     * the unit's own report texts do not move). Like a unit's 未完成 it lasts until the measure moves on (reported
     * done, reviewed, signed off). Refused for a closed measure, without a reason, or with a planned date before
     * {@code today}.
     */
    public Measure recordNotDone(String reason, LocalDate plannedDate, LocalDate today) {
        if (isClosed()) {
            throw new IllegalStateException("Measure " + code + " is " + status + " (" + status.label()
                + "); only an open measure is recorded not done");
        }
        if (reason == null || reason.isBlank() || plannedDate == null) {
            throw new IllegalArgumentException("Measure " + code + ": 未完成 needs its reason and planned date");
        }
        if (plannedDate.isBefore(today)) {
            throw new IllegalArgumentException("Measure " + code + ": the planned date " + plannedDate
                + " is before " + today);
        }
        return new Measure(code, roundCode, problemId, problemSeq, problemTitle, keyGroupCode, leadUnitCode, seq,
            content, unitCode, unitName, leaderUserId, leaderName, deadline, kind, status, progress,
            completionSummary, reportStatus, reworkCount, managedBy, processInstanceId, Outcome.NOT_DONE,
            reason, plannedDate);
    }

    /** The key group's lead unit approves the report: the measure waits for its sign-off. */
    public Measure approveReview() {
        return with(moveTo(MeasureStatus.REVIEWED), reworkCount, deadline, managedBy, processInstanceId);
    }

    /**
     * Rejected at review or sign-off (返工): one more rejection counted, the work back with the unit. The count
     * is what the repeated-rejection gateway ({@code reworkCount >= 2}: red card) and the rework notice's key
     * read.
     */
    public Measure sendBack() {
        return with(moveTo(MeasureStatus.REWORK), nextRework(), deadline, managedBy, processInstanceId);
    }

    /** The number the next rejection gets (1 for the first): its rework notice is keyed by it. */
    public int nextRework() {
        return reworkCount + 1;
    }

    /** 销号: the measure is done: 已完成整改. */
    public Measure signOff() {
        return with(moveTo(MeasureStatus.SIGNED_OFF), reworkCount, deadline, managedBy, processInstanceId);
    }

    /**
     * 转常态: a long-term measure reported as continuing goes on under normal management: 基本完成、持续推进, the
     * reviewers having accepted it as done in substance.
     */
    public Measure handOver() {
        return with(moveTo(MeasureStatus.NORMAL_MANAGEMENT), reworkCount, deadline, managedBy, processInstanceId);
    }

    /**
     * 集中整改期结束: an open long-term measure passes to 从严办, which signs it off from now on; its status stays.
     */
    public Measure toNormalManagement() {
        if (kind != MeasureKind.LONG_TERM || isClosed()) {
            throw new IllegalStateException("Measure " + code + " (" + kind + ", " + status
                + ") cannot pass to normal management: only an open long-term measure does");
        }
        return with(status, reworkCount, deadline, ManagedBy.NORMAL_MANAGEMENT, processInstanceId);
    }

    /**
     * 回头看 found a relapse: the closed measure is open again with a new deadline, its work to be started by a
     * new instance.
     */
    public Measure reopen(LocalDate newDeadline) {
        if (isOpen()) {
            throw illegal(MeasureStatus.IN_PROGRESS); // a registered measure starts, it is not reopened
        }
        return with(moveTo(MeasureStatus.IN_PROGRESS), reworkCount, newDeadline, managedBy, null);
    }

    /** The status after a move to {@code next}, or the refusal naming the measure and both statuses. */
    private MeasureStatus moveTo(MeasureStatus next) {
        if (!status.canBecome(next)) {
            throw illegal(next);
        }
        return next;
    }

    private IllegalStateException illegal(MeasureStatus next) {
        return new IllegalStateException("Measure " + code + " cannot go from " + status + " (" + status.label()
            + ") to " + next + " (" + next.label() + ")");
    }

    /**
     * The measure after a transition. Its outcome follows a move: a closed status gives its outcome
     * ({@link #outcomeOf}); a move between open statuses (rework, a reopening) makes it 正在推进 again; no move
     * keeps it (and a 未完成 its reason and date).
     */
    private Measure with(MeasureStatus status, int reworkCount, LocalDate deadline, ManagedBy managedBy,
                         String processInstanceId) {
        boolean moved = status != this.status;
        Outcome next = moved ? outcomeOf(status) : outcome;
        return new Measure(code, roundCode, problemId, problemSeq, problemTitle, keyGroupCode, leadUnitCode, seq,
            content, unitCode, unitName, leaderUserId, leaderName, deadline, kind, status, progress,
            completionSummary, reportStatus, reworkCount, managedBy, processInstanceId, next,
            moved ? null : notDoneReason, moved ? null : plannedDate);
    }

    /**
     * The outcome a measure has on entering a status: 已完成整改 when signed off, 基本完成、持续推进 when handed over
     * (转常态), 正在推进 in any open status (未完成 is only ever reported or recorded, see {@link #reportNotDone} and
     * {@link #recordNotDone}).
     */
    public static Outcome outcomeOf(MeasureStatus status) {
        return switch (status) {
            case SIGNED_OFF -> Outcome.RECTIFIED;
            case NORMAL_MANAGEMENT -> Outcome.BASICALLY_DONE;
            default -> Outcome.IN_PROGRESS;
        };
    }
}
