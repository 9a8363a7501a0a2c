package org.rectiflow.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.rectiflow.support.WebTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 20: the load run's claim refused with 403 for a task a colleague completed between the engine's read of the
 * task and its authorization check (the task's grants are deleted with it). A refusal is a task gone (404) only when
 * the task no longer exists; otherwise it stays the refusal.
 */
class VanishedTasksTest extends WebTest {

    @Autowired TaskService taskService;
    @Autowired FormService formService;

    @Test
    void theGuardedServicesSayATaskIsGoneWhereTheEngineFailsOnIt() {
        String gone = "00000000-dead-beef-0000-000000000000";

        for (ThrowingCallable call : new ThrowingCallable[] {
            () -> formService.getTaskFormData(gone),
            () -> formService.getDeployedTaskForm(gone),
            () -> formService.getTaskFormVariables(gone),
            () -> taskService.claim(gone, "simingLiaison")}) {
            assertThatThrownBy(call).isInstanceOf(TaskGoneException.class)
                .hasMessage("该任务已办结或已不存在，请刷新任务列表");
        }
    }

    @Test
    void aRefusalForATaskDeletedMeanwhileIsATaskGone() {
        AuthorizationException refusal = new AuthorizationException("simingLiaison", "TASK_WORK", "Task", "42");

        assertThatThrownBy(() -> VanishedTasks.refusedOrGone(commands(), "42", () -> {
            throw refusal;
        })).isInstanceOf(TaskGoneException.class).hasMessage("该任务已办结或已不存在，请刷新任务列表")
            .satisfies(gone -> assertThat(gone.getSuppressed()).containsExactly(refusal));
    }

    @Test
    void aRefusalForATaskThatStillExistsStaysTheRefusal() {
        Task task = taskService.newTask();
        taskService.saveTask(task);
        try {
            AuthorizationException refusal = new AuthorizationException("simingLiaison", "TASK_WORK", "Task",
                task.getId());

            assertThatThrownBy(() -> VanishedTasks.refusedOrGone(commands(), task.getId(), () -> {
                throw refusal;
            })).isSameAs(refusal);
        } finally {
            taskService.deleteTask(task.getId(), true);
        }
    }

    private CommandExecutor commands() {
        return ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
            .getCommandExecutorTxRequired();
    }
}
