package org.rectiflow.common.deadline;

/**
 * A measure's status light, as {@link Ladder#light} decides it, with one name per meaning: the bulletin's lines,
 * the round summary, the ledger workbook's status cell and the dashboard all show these.
 */
public enum Light {
    /** Open, and its amber date has not come yet. */
    GREEN("绿色", "未到期"),
    /** Open, its amber date has come, its deadline has not passed ({@code rectiflow.escalation.amber-days-before}). */
    AMBER("黄色", "临近时限"),
    /** Open and past its deadline: overdue. */
    RED("红色", "已超期"),
    /** Closed (signed off or handed to normal management): no light, whatever its deadline. */
    CLOSED("已办结", "已办结");

    private final String label;
    private final String deadlineWord;

    Light(String label, String deadlineWord) {
        this.label = label;
        this.deadlineWord = deadlineWord;
    }

    public String label() {
        return label;
    }

    /** What the light says of the deadline, in a word that reads without the colour: 未到期, 临近时限, 已超期, 已办结. */
    public String deadlineWord() {
        return deadlineWord;
    }

    /** The light of a group of open items, from how many are overdue and amber: the worst of theirs, else GREEN. */
    public static Light worstOf(long overdue, long amber) {
        return overdue > 0 ? RED : amber > 0 ? AMBER : GREEN;
    }

    /** The worse of two lights: RED over AMBER over GREEN over CLOSED. */
    public Light worse(Light other) {
        return rank(other) > rank(this) ? other : this;
    }

    private static int rank(Light light) {
        return switch (light) {
            case CLOSED -> 0;
            case GREEN -> 1;
            case AMBER -> 2;
            case RED -> 3;
        };
    }
}
