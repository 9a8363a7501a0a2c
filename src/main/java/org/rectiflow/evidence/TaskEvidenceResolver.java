package org.rectiflow.evidence;

import java.util.Optional;

import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Which evidence a task shows (the Tasklist's tab 佐证材料): the one place that maps a task to its subject, by the
 * task's diagram and activity id and the ledger row found by the task's process instance id — never by a process
 * variable, which a task completion could have set. measure-execution's tasks show the measure's reports' files;
 * the round's and the clues' tasks (a unit's plan, a clue's verification, a look-back check) their subject as
 * {@link SubjectTasks} finds it.
 */
@Component
public class TaskEvidenceResolver {

    /**
     * measure-execution's ids, written out because this package may not depend on {@code measure} (which depends on
     * it); {@code TaskEvidenceTest} checks them against {@code measure/MeasureExecutionProcess}.
     */
    static final String MEASURE_EXECUTION = "measure-execution";
    static final String UNIT_RECTIFIES = "userTask_unitRectifies";
    static final String LEAD_UNIT_REVIEW = "userTask_leadUnitReview";
    static final String SUPERVISION_SIGN_OFF = "userTask_supervisionSignOff";
    static final String LEADING_GROUP_INTERVIEW = "userTask_leadingGroupInterview";

    /**
     * A task's evidence subject.
     *
     * @param kind       what the files belong to
     * @param code       its ledger code (a measure's code); null for another subject
     * @param collecting true where the task's own work gathers the files (its unit uploads and removes drafts);
     *                   false where the task reviews what was submitted (read-only)
     * @param other      the subject of a task outside measure-execution, with whether the caller may upload now
     */
    public record Subject(Kind kind, String code, boolean collecting, SubjectTasks.TaskSubject other) {

        public enum Kind {
            /** A measure's reports' files ({@code /api/measures/{code}/evidence}). */
            MEASURE,
            /** A unit's plan, a clue's verification or a look-back check ({@link SubjectTasks}). */
            OTHER
        }
    }

    private final TaskEvidenceRepository ledger;
    private final SubjectTasks subjects;

    public TaskEvidenceResolver(TaskEvidenceRepository ledger, SubjectTasks subjects) {
        this.ledger = ledger;
        this.subjects = subjects;
    }

    /** The task's subject; empty for a task without evidence (the tab hides itself). */
    public Optional<Subject> resolve(Task task) {
        if (task.getProcessInstanceId() == null) {
            return Optional.empty();
        }
        String process = definitionKey(task.getProcessDefinitionId());
        String activity = task.getTaskDefinitionKey() == null ? "" : task.getTaskDefinitionKey();
        if (MEASURE_EXECUTION.equals(process)) {
            return switch (activity) {
                case UNIT_RECTIFIES -> measure(task, true);
                case LEAD_UNIT_REVIEW, SUPERVISION_SIGN_OFF, LEADING_GROUP_INTERVIEW -> measure(task, false);
                default -> Optional.empty();
            };
        }
        return subjects.ofTask(task.getProcessInstanceId(), activity, task.getId())
            .map(other -> new Subject(Subject.Kind.OTHER, null, other.writable(), other));
    }

    private Optional<Subject> measure(Task task, boolean collecting) {
        return ledger.measureOfInstance(task.getProcessInstanceId())
            .map(code -> new Subject(Subject.Kind.MEASURE, code, collecting, null));
    }

    /** {@code measure-execution:3:…} → {@code measure-execution}. */
    private static String definitionKey(String processDefinitionId) {
        if (processDefinitionId == null) {
            return "";
        }
        int colon = processDefinitionId.indexOf(':');
        return colon < 0 ? processDefinitionId : processDefinitionId.substring(0, colon);
    }
}
