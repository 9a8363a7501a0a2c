package org.rectiflow.inspection;

/**
 * What a work record of a round is (issue 15): the work the inspected organisation does around the rectification,
 * which part 一 of the public report counts and names. The first leading-group meeting, held by its own step right
 * after the feedback, is a {@link #LEADING_GROUP_MEETING} too.
 */
public enum WorkRecordKind {
    /** 整改领导小组会议, the first one included. */
    LEADING_GROUP_MEETING("领导小组会议"),
    /** 专题会议 on one part of the rectification (推进会、会商会). */
    SPECIAL_MEETING("专题会议"),
    /** 培训: trainings for the units' staff. */
    TRAINING("培训"),
    /** 谈心谈话, 提醒谈话. */
    TALK("谈心谈话"),
    /** Any other work the office wants part 一 to name (督办、通报、征求意见…). */
    OTHER("其他工作");

    private final String label;

    WorkRecordKind(String label) {
        this.label = label;
    }

    /** The kind as the form and the report call it. */
    public String label() {
        return label;
    }
}
