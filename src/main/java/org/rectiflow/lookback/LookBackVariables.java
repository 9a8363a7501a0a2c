package org.rectiflow.lookback;

import org.rectiflow.common.FormField;
import org.rectiflow.common.Variable;

/** The variables of a look-back check in inspection-round.bpmn (local to each sampled measure's instance). */
public final class LookBackVariables {

    /** The element variable of the look-back check: a sampled measure's code. */
    public static final Variable<String> LOOK_BACK_MEASURE = Variable.string("lookBackMeasure");
    public static final Variable<String> MEASURE_CONTENT = Variable.string("measureContent");
    public static final Variable<String> UNIT_NAME = Variable.string("unitName");
    public static final Variable<String> SIGNED_OFF_SUMMARY = Variable.string("signedOffSummary");
    public static final Variable<String> SIGNED_OFF_TEXT = Variable.string("signedOffText");
    // look-back-check.form
    public static final FormField RELAPSE_FINDING = FormField.choice("look-back-check", "relapseFinding", "核查结论");
    public static final FormField LOOK_BACK_FINDINGS =
        FormField.text("look-back-check", "lookBackFindings", "核查情况", 4000);
    public static final Variable<Boolean> RELAPSED = Variable.bool("relapsed");

    private LookBackVariables() {
    }
}
