package org.rectiflow.measure;

import java.time.LocalDate;

import org.rectiflow.identity.RoleGroups;

/**
 * A measure (整改措施) as the ledger holds it, with what a task, a notice or a notification shows of it, and the
 * rules of its life: whether it is closed, which transitions it may take (see {@link MeasureStatus}), what a
 * report, a rejection, a sign-off and a reopening do to it, and which group signs it off. A transition returns
 * the measure as it is afterwards (the repository writes it; {@link MeasureService} records the history) or
 * throws an {@link IllegalStateException} naming the measure and both statuses, so the ledger never takes a step
 * its diagram should not have allowed.
 *
 * @param managedBy         who signs it off: the supervision group, or 从严办 after the hand-over
 * @param processInstanceId the measure-execution instance that runs its work, null before it starts and after
 *                          a reopening
 */
public record Measure(String code, String roundCode, long problemId, int problemSeq, String problemTitle,
                      String keyGroupCode, String leadUnitCode, int seq, String content, String unitCode,
                      String unitName, String leaderUserId, String leaderName, LocalDate deadline, MeasureKind kind,
                      MeasureStatus status, String progress, String completionSummary, ReportStatus reportStatus,
                      int reworkCount, ManagedBy managedBy, String processInstanceId) {

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
     * The unit reports (done, or a long-term measure to be continued): the measure waits for review with the
     * report's texts.
     */
    public Measure report(String progress, String completionSummary, ReportStatus report) {
        if (!accepts(report)) {
            throw new IllegalArgumentException("Measure " + code + " is " + kind + " and cannot be reported as "
                + report);
        }
        return new Measure(code, roundCode, problemId, problemSeq, problemTitle, keyGroupCode, leadUnitCode, seq,
            content, unitCode, unitName, leaderUserId, leaderName, deadline, kind, moveTo(MeasureStatus.REPORTED),
            progress, completionSummary, report, reworkCount, managedBy, processInstanceId);
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

    /** 销号: the measure is done. */
    public Measure signOff() {
        return with(moveTo(MeasureStatus.SIGNED_OFF), reworkCount, deadline, managedBy, processInstanceId);
    }

    /** 转常态: a long-term measure reported as continuing goes on under normal management. */
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

    private Measure with(MeasureStatus status, int reworkCount, LocalDate deadline, ManagedBy managedBy,
                         String processInstanceId) {
        return new Measure(code, roundCode, problemId, problemSeq, problemTitle, keyGroupCode, leadUnitCode, seq,
            content, unitCode, unitName, leaderUserId, leaderName, deadline, kind, status, progress,
            completionSummary, reportStatus, reworkCount, managedBy, processInstanceId);
    }
}
