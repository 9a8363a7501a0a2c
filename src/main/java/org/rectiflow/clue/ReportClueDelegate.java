package org.rectiflow.clue;

import static org.rectiflow.clue.ClueHandlingProcess.Variables.CLUE_CODE;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rectiflow.common.DelegateFields;
import org.rectiflow.common.TypedVariables;
import org.rectiflow.notification.MessageSettings;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

/**
 * 向巡察办反馈办理情况 (element template {@code rectiflow.reportClue}): the clue is handled and its outcome goes to
 * the groups of {@code notifyGroups} (the office) for the report, in the words of {@code subject} and {@code body}.
 */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
public class ReportClueDelegate implements JavaDelegate {

    /** The placeholders of {@code subject} and {@code body}. */
    public static final Set<String> PLACEHOLDERS = ClueService.REPORT_PLACEHOLDERS;

    private final ClueService clues;

    private Expression notifyGroups;
    private Expression subject;
    private Expression body;

    public ReportClueDelegate(ClueService clues) {
        this.clues = clues;
    }

    public void setNotifyGroups(Expression notifyGroups) {
        this.notifyGroups = notifyGroups;
    }

    public void setSubject(Expression subject) {
        this.subject = subject;
    }

    public void setBody(Expression body) {
        this.body = body;
    }

    @Override
    public void execute(DelegateExecution execution) {
        clues.report(TypedVariables.string(execution, CLUE_CODE),
            MessageSettings.of(null, DelegateFields.text(notifyGroups, execution),
                DelegateFields.text(subject, execution), DelegateFields.text(body, execution),
                ClueService.LEGACY_REPORT_MESSAGE));
    }
}
