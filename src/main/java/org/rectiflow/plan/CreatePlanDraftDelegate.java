package org.rectiflow.plan;

import static org.rectiflow.plan.RectificationPlanProcess.Variables.COMMENT_ROUND;
import static org.rectiflow.plan.RectificationPlanProcess.Variables.COMMENT_ROUNDS;
import static org.rectiflow.plan.RectificationPlanProcess.Variables.PLAN_VERSION;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rectiflow.common.FormValues;
import org.rectiflow.inspection.InspectionRoundProcess;
import org.rectiflow.inspection.RoundRepository;
import org.rectiflow.common.FormText;
import org.springframework.stereotype.Component;

/**
 * 形成方案初稿: version 1 of the plan is the measures as registered; the comment rounds are counted from 0,
 * up to {@code rectiflow.plan.comment-rounds} or a {@code commentRounds} variable the caller passed in.
 */
@Component
public class CreatePlanDraftDelegate implements JavaDelegate {

    /** What errors call a {@code commentRounds} value the caller passed in (no form has such a field). */
    private static final String COMMENT_ROUNDS_LABEL = "征求意见轮数";

    private final PlanService plans;
    private final PlanProperties properties;
    private final RoundRepository rounds;

    public CreatePlanDraftDelegate(PlanService plans, PlanProperties properties, RoundRepository rounds) {
        this.plans = plans;
        this.properties = properties;
        this.rounds = rounds;
    }

    /** The configured count, unless the caller gave the round its own (at least 1). */
    private int commentRounds(DelegateExecution execution) {
        if (!COMMENT_ROUNDS.isSet(execution)) {
            return properties.commentRounds();
        }
        int rounds = FormValues.of(execution).requiredInteger(COMMENT_ROUNDS.name(), COMMENT_ROUNDS_LABEL);
        if (rounds < 1) {
            throw FormValues.invalid(COMMENT_ROUNDS.name(), COMMENT_ROUNDS_LABEL, "至少为1轮，不能为" + rounds);
        }
        return rounds;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String roundCode = RectificationPlanProcess.roundCode(execution);
        PLAN_VERSION.set(execution, plans.createFirstVersion(roundCode));
        COMMENT_ROUND.set(execution, 0);
        COMMENT_ROUNDS.set(execution, commentRounds(execution));
        InspectionRoundProcess.Variables.ROUND_TITLE.set(execution,
            FormText.plain(rounds.requireRound(roundCode).title()));
    }
}
