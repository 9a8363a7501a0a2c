package org.rectiflow.plan;

import static org.rectiflow.plan.RectificationPlanProcess.Variables.COMMENT_DUE_AT;
import static org.rectiflow.plan.RectificationPlanProcess.Variables.COMMENT_DUE_TEXT;
import static org.rectiflow.plan.RectificationPlanProcess.Variables.COMMENT_ROUND;
import static org.rectiflow.plan.RectificationPlanProcess.Variables.PLAN_SUMMARY;
import static org.rectiflow.plan.RectificationPlanProcess.Variables.PLAN_SUMMARY_DRAFT;
import static org.rectiflow.plan.RectificationPlanProcess.Variables.PLAN_SUMMARY_TEXT;
import static org.rectiflow.plan.RectificationPlanProcess.Variables.PLAN_MEASURES;
import static org.rectiflow.plan.RectificationPlanProcess.Variables.PLAN_VERSION;
import static org.rectiflow.plan.RectificationPlanProcess.Variables.ROUND_TEXT;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rectiflow.common.EngineClock;
import org.rectiflow.common.FormText;
import org.rectiflow.common.FormValues;
import org.springframework.stereotype.Component;

/**
 * 发起征求意见: the next comment round opens on the newest version, with its deadline. The first round follows
 * the office's draft, whose summary it checks and keeps; later rounds keep that summary. The comment form's
 * context comes from the ledger: the round (code and title) and the version's measures (code, unit, content).
 */
@Component
public class OpenCommentRoundDelegate implements JavaDelegate {

    private final PlanService plans;
    private final PlanDeadlines deadlines;
    private final EngineClock clock;

    public OpenCommentRoundDelegate(PlanService plans, PlanDeadlines deadlines, EngineClock clock) {
        this.plans = plans;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int version = PLAN_VERSION.get(execution, 1);
        String summary = FormValues.of(execution).optionalText(PLAN_SUMMARY);
        if (summary == null) {
            summary = PLAN_SUMMARY_DRAFT.get(execution);
        }
        if (summary == null) {
            throw PLAN_SUMMARY.required();
        }
        String roundCode = RectificationPlanProcess.roundCode(execution);
        plans.saveSummary(roundCode, version, summary);
        ROUND_TEXT.set(execution, FormText.plain(plans.roundText(roundCode)));
        PLAN_MEASURES.setJson(execution, plans.versionMeasuresJson(roundCode, version));
        PLAN_SUMMARY_DRAFT.set(execution, summary);
        PLAN_SUMMARY_TEXT.set(execution, FormText.plain(summary));
        COMMENT_ROUND.set(execution, COMMENT_ROUND.get(execution, 0) + 1);
        Date due = deadlines.commentDueAt();
        COMMENT_DUE_AT.set(execution, due);
        COMMENT_DUE_TEXT.set(execution, EngineClock.chinese(clock.toDate(due)));
    }
}
