package org.rectiflow.clue;


import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.rectiflow.notification.NotifyingDelegate;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

/**
 * 向巡察办反馈办理情况 (element template {@code rectiflow.reportClue}): the clue is handled and its outcome goes to
 * the groups of {@code notifyGroups} (the office) for the report, in the words of {@code subject} and {@code body}.
 */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
public class ReportClueDelegate extends NotifyingDelegate {

    /** The placeholders of {@code subject} and {@code body}. */
    public static final Set<String> PLACEHOLDERS = ClueService.REPORT_PLACEHOLDERS;

    private final ClueService clues;

    public ReportClueDelegate(ClueService clues) {
        this.clues = clues;
    }

    @Override
    public void execute(DelegateExecution execution) {
        clues.report(ClueHandlingProcess.clueCode(execution),
            message(execution, ClueService.LEGACY_REPORT_MESSAGE));
    }
}
