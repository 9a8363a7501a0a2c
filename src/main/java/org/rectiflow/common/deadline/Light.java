package org.rectiflow.common.deadline;

/**
 * A measure's status light, as {@link Ladder#light} decides it, with one name per meaning: the bulletin's lines,
 * the round summary, the ledger workbook's status cell and the dashboard all show these.
 */
public enum Light {
    /** Open, and its amber date has not come yet. */
    GREEN("绿色"),
    /** Open, its amber date has come, its deadline has not passed ({@code rectiflow.escalation.amber-days-before}). */
    AMBER("黄色"),
    /** Open and past its deadline: overdue. */
    RED("红色"),
    /** Closed (signed off or handed to normal management): no light, whatever its deadline. */
    CLOSED("已办结");

    private final String label;

    Light(String label) {
        this.label = label;
    }

    public String label() {
        return label;
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
