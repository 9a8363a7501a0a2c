package org.rectiflow.plan;

import static org.rectiflow.plan.RectificationPlanProcess.Variables.COMMENT_TARGET;
import static org.rectiflow.plan.RectificationPlanProcess.Variables.COMMENT_TEXT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * On the start of each reviewer's instance of the comment round: the comment form's fields become local
 * to it, so that reviewers answering at the same time never write the same variable.
 */
@Component
public class PrepareReviewerListener implements ExecutionListener {

    @Override
    public void notify(DelegateExecution execution) {
        execution.setVariableLocal(COMMENT_TARGET, null);
        execution.setVariableLocal(COMMENT_TEXT, null);
    }
}
