package org.rectiflow.common.deadline;

/**
 * How a set of measures stands, counted from their {@linkplain Ladder#light lights}: the bulletin's totals and
 * lines and the round summary count with this, so that "closed", "overdue", the completion rate and a line's
 * light mean the same everywhere.
 *
 * @param total   all measures
 * @param closed  the CLOSED ones (signed off or handed to normal management)
 * @param overdue the RED ones: open and past their deadline
 * @param amber   the AMBER ones: open, their amber date come, their deadline not passed
 */
public record Outcomes(int total, int closed, int overdue, int amber) {

    public static final Outcomes NONE = new Outcomes(0, 0, 0, 0);

    /** These outcomes and one more measure of this light. */
    public Outcomes add(Light light) {
        return new Outcomes(total + 1, closed + (light == Light.CLOSED ? 1 : 0), overdue + (light == Light.RED ? 1 : 0),
            amber + (light == Light.AMBER ? 1 : 0));
    }

    public static Outcomes of(Iterable<Light> lights) {
        Outcomes outcomes = NONE;
        for (Light light : lights) {
            outcomes = outcomes.add(light);
        }
        return outcomes;
    }

    /** Measures not closed. */
    public int open() {
        return total - closed;
    }

    /** Closed over total, rounded to three decimals; 0 when there is no measure. */
    public double completionRate() {
        return total == 0 ? 0 : Math.round(1000.0 * closed / total) / 1000.0;
    }

    /** The light of a line: the worst of its open measures' (GREEN when none is open). */
    public Light light() {
        return overdue > 0 ? Light.RED : amber > 0 ? Light.AMBER : Light.GREEN;
    }
}
