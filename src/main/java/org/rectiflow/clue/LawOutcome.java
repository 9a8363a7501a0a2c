package org.rectiflow.clue;

/** The outcome of a law-related petition, handled according to law. */
public enum LawOutcome {
    CONCLUDED("已办结"),
    IN_PROGRESS("在办");

    private final String label;

    LawOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
