package org.rectiflow.supervision;

/** The steps of the escalation ladder, each recorded as a supervision notice (督办提醒单). */
public enum EscalationStep {
    /** 20 days before the deadline: the unit's liaison. */
    GREEN("GREEN", "绿色提醒"),
    /** 10 days before: the liaison and the leader in charge. */
    AMBER("AMBER", "黄色提醒"),
    /** At the deadline, then every 7 days: the unit head and the supervision group. */
    RED("RED", "红色督办提醒单"),
    /** 30 days overdue: an interview (约谈) task for the leading group. */
    INTERVIEW("RED", "提请约谈"),
    /** A rejection at review or sign-off: rework (返工). */
    REWORK("AMBER", "督办提醒单（责成返工）"),
    /** The second and every later rejection: the discipline inspectors. */
    RED_CARD("RED", "红牌警示");

    private final String colour;
    private final String label;

    EscalationStep(String colour, String label) {
        this.colour = colour;
        this.label = label;
    }

    public String colour() {
        return colour;
    }

    public String label() {
        return label;
    }
}
