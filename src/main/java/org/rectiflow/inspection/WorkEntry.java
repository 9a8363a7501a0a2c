package org.rectiflow.inspection;

/**
 * What the office enters through the standing 登记工作记录 task (work-record.form's 登记事项): a work record of one
 * of the {@link WorkRecordKind kinds}, or {@link #REPORT_TEXT} — its own text for the public report (part 四, the
 * contact lines, the issuing body), which it may write at any stage of the round.
 */
public enum WorkEntry {
    LEADING_GROUP_MEETING(WorkRecordKind.LEADING_GROUP_MEETING),
    SPECIAL_MEETING(WorkRecordKind.SPECIAL_MEETING),
    TRAINING(WorkRecordKind.TRAINING),
    TALK(WorkRecordKind.TALK),
    OTHER(WorkRecordKind.OTHER),
    REPORT_TEXT(null);

    private final WorkRecordKind kind;

    WorkEntry(WorkRecordKind kind) {
        this.kind = kind;
    }

    /** The work record's kind; null for {@link #REPORT_TEXT}. */
    public WorkRecordKind kind() {
        return kind;
    }
}
