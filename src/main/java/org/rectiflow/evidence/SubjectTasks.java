package org.rectiflow.evidence;

import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Which evidence a task of the round or of a clue shows (for the Tasklist's tab): 制定本单位整改方案 and 审核单位整改方案
 * the unit's plan, 初步核实 and 追责问责 the clue's verification, 核查整改成效 the sampled measure's look-back check; and
 * whether the caller may upload to it now (the unit at its draft, the discipline inspectors at the verification,
 * supervision at the check, each while the task is open). The subject is found from the engine's and the ledger's
 * state (the round or clue whose instance it is, the unit or measure of the task's multi-instance), never from what
 * a completion could set. Reading is checked again by {@link EvidenceService#list(EvidenceSubject)}.
 */
@Component
public class SubjectTasks {

    /** A task's subject, and whether the caller may upload to it (and remove its drafts) now. */
    public record TaskSubject(EvidenceSubject subject, boolean writable) {
    }

    private final OpenSubjectTasks tasks;
    private final EvidenceRepository files;
    private final EvidenceService evidence;

    public SubjectTasks(OpenSubjectTasks tasks, EvidenceRepository files, EvidenceService evidence) {
        this.tasks = tasks;
        this.files = files;
        this.evidence = evidence;
    }

    /**
     * The subject of a task of this package's kinds, if it is one: {@code activityId} the task's definition key,
     * {@code executionOrTaskId} the task's id or its execution's id. Empty for any other task (a measure's tasks are
     * the measure's report) and for a task no longer running.
     */
    public Optional<TaskSubject> ofTask(String processInstanceId, String activityId, String executionOrTaskId) {
        if (processInstanceId == null || activityId == null || executionOrTaskId == null) {
            return Optional.empty();
        }
        Optional<? extends EvidenceSubject> subject = switchOn(processInstanceId, activityId, executionOrTaskId);
        boolean writes = OpenSubjectTasks.DRAFT_UNIT_PLAN.equals(activityId)
            || OpenSubjectTasks.VERIFY_CLUE.equals(activityId) || OpenSubjectTasks.CHECK_FOR_RELAPSE.equals(activityId);
        return subject.map(s -> new TaskSubject(s, writes && evidence.mayWrite(s)));
    }

    private Optional<? extends EvidenceSubject> switchOn(String processInstanceId, String activityId,
                                                         String executionOrTaskId) {
        switch (activityId) {
            case OpenSubjectTasks.DRAFT_UNIT_PLAN, OpenSubjectTasks.REVIEW_UNIT_PLAN -> {
                Optional<String> round = files.roundOfInstance(processInstanceId);
                Optional<String> unit = tasks.execution(executionOrTaskId)
                    .flatMap(execution -> tasks.variable(execution, OpenSubjectTasks.UNIT_CODE));
                if (round.isEmpty() || unit.isEmpty() || files.unitPlan(round.get(), unit.get()).isEmpty()) {
                    return Optional.empty();
                }
                return Optional.of(new EvidenceSubject.UnitPlan(round.get(), unit.get()));
            }
            case OpenSubjectTasks.VERIFY_CLUE, OpenSubjectTasks.RECORD_ACCOUNTABILITY -> {
                return files.clueOfInstance(processInstanceId).map(EvidenceSubject.ClueVerification::new);
            }
            case OpenSubjectTasks.CHECK_FOR_RELAPSE -> {
                Optional<String> round = files.roundOfInstance(processInstanceId);
                Optional<String> measure = tasks.execution(executionOrTaskId)
                    .flatMap(execution -> tasks.variable(execution, OpenSubjectTasks.LOOK_BACK_MEASURE));
                if (round.isEmpty() || measure.isEmpty()) {
                    return Optional.empty();
                }
                return files.lookBackId(round.get(), measure.get()).map(EvidenceSubject.LookBack::new);
            }
            default -> {
                return Optional.empty();
            }
        }
    }
}
