package org.rectiflow.guard;

import org.camunda.bpm.engine.exception.NotFoundException;

/**
 * A task asked for by a user no longer exists: most often a colleague has just completed it. The engine's
 * commands would answer with a {@code NullPointerException} (opening its deployed form), a
 * {@code NullValueException} (claiming it) or, when the task vanished between their read and their authorization
 * check, an {@code AuthorizationException}; the guarded services answer this instead. Its message is the advice
 * the user reads; the REST APIs answer it with 404 (the engine's REST API itself for a deployed form,
 * {@code security/EngineConflictAnswers} elsewhere), and the engine logs it at DEBUG, like any bad request.
 */
public class TaskGoneException extends NotFoundException {

    public static final String MESSAGE = "该任务已办结或已不存在，请刷新任务列表";

    private final String taskId;

    TaskGoneException(String taskId) {
        super(MESSAGE);
        this.taskId = taskId;
    }

    public String getTaskId() {
        return taskId;
    }
}
