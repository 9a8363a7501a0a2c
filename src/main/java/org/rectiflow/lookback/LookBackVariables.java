package org.rectiflow.lookback;

/** The variables of a look-back check in inspection-round.bpmn (local to each sampled measure's instance). */
public final class LookBackVariables {

    /** The element variable of the look-back check: a sampled measure's code. */
    public static final String LOOK_BACK_MEASURE = "lookBackMeasure";
    public static final String MEASURE_CONTENT = "measureContent";
    public static final String UNIT_NAME = "unitName";
    public static final String SIGNED_OFF_SUMMARY = "signedOffSummary";
    public static final String SIGNED_OFF_TEXT = "signedOffText";
    // look-back-check.form
    public static final String RELAPSE_FINDING = "relapseFinding";
    public static final String LOOK_BACK_FINDINGS = "lookBackFindings";
    public static final String RELAPSED = "relapsed";

    private LookBackVariables() {
    }
}
