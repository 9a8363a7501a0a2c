package org.rectiflow.bulletin;

/** A bulletin line's status light, the worst of its open measures. */
public enum BulletinColour {
    /** No open measure is overdue or due soon. */
    GREEN("绿色"),
    /** An open measure falls due within the amber window ({@code rectiflow.escalation.amber-days-before}). */
    AMBER("黄色"),
    /** An open measure is past its deadline. */
    RED("红色");

    private final String label;

    BulletinColour(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
