package org.rectiflow.clue;

/** How the discipline inspectors dispose of a petition. */
public enum Triage {
    RETURN("退回"),
    ARCHIVE("存档"),
    CONCLUDE("办结"),
    VERIFY("转初核"),
    TRANSFER("转办");

    private final String label;

    Triage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
