package org.rectiflow.guard;

import java.util.function.Supplier;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;

/**
 * A task that a colleague completed while a user was opening or claiming it is {@link TaskGoneException gone},
 * whichever step of the engine's command noticed it.
 */
final class VanishedTasks {

    private VanishedTasks() {
    }

    /** Inside a command, before the engine's own read and authorization check of the task. */
    static void ensureExists(CommandContext context, String taskId) {
        if (taskId != null && context.getTaskManager().findTaskById(taskId) == null) {
            throw new TaskGoneException(taskId);
        }
    }

    /**
     * The call's answer; a refusal for want of permission is {@link TaskGoneException} when the task no longer exists
     * (the command read the task, then found no grant: they were deleted with it in between).
     */
    static <T> T refusedOrGone(CommandExecutor commands, String taskId, Supplier<T> call) {
        try {
            return call.get();
        } catch (AuthorizationException refused) {
            if (taskId != null && commands.execute(context -> context.getTaskManager().findTaskById(taskId)) == null) {
                TaskGoneException gone = new TaskGoneException(taskId);
                gone.addSuppressed(refused);
                throw gone;
            }
            throw refused;
        }
    }
}
