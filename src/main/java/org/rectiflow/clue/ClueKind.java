package org.rectiflow.clue;

/** A petition (信访件) or a law-related petition (涉法涉诉信访件), which has its own outcome. */
public enum ClueKind {
    PETITION("信访件"),
    LAW_RELATED("涉法涉诉信访件");

    private final String label;

    ClueKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
