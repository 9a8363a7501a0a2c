package org.rectiflow.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.rectiflow.common.EngineClock;
import org.rectiflow.guard.ApplicationCalls;
import org.rectiflow.supervision.EscalationLadder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bare engine doing the engine work of a piece of the product's ({@link EngineWork}): as many instances
 * started, user tasks created and completed, and measures' instances started in as many transactions. A
 * measure's instance is {@link BareShape} (its user task and four timers); every other instance is a step
 * process ({@link #STEP_KEY}: a user task that comes {@code steps} times, one after another), whose tasks are
 * completed one per transaction, as people complete the product's. The instances that stay open at the end of the
 * product's work are the ones left waiting here (their last task not completed); the others end with their last
 * task. (A completion carries no variable: the application refuses variables on a task without a form.)
 */
final class BareWork {

    static final String STEP_KEY = "bench-bare-step";
    private static final String STEP_TASK = "userTask_step";

    private BareWork() {
    }

    /** The step process: a user task for the office, {@code steps} times one after another. */
    static BpmnModelInstance stepModel() {
        return Bpmn.createExecutableProcess(STEP_KEY).camundaHistoryTimeToLive(1825)
            .startEvent("startEvent_step")
            .userTask(STEP_TASK).name("办理").camundaCandidateGroups("office")
            .multiInstance().sequential().cardinality("${steps}").multiInstanceDone()
            .endEvent("endEvent_step")
            .done();
    }

    /**
     * Does {@code work}: the other instances and their tasks, then the measures' instances ({@code prefix-n}, the
     * units in turn, the ladder's dates for a deadline on {@code deadlineDay}).
     */
    static void run(ConfigurableApplicationContext context, EngineWork work, String prefix, LocalDate deadlineDay) {
        RuntimeService runtime = context.getBean(RuntimeService.class);
        TaskService tasks = context.getBean(TaskService.class);
        TransactionTemplate transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));

        // the other instances: those left waiting first, then those that end with their last task
        int others = (int) work.otherInstances();
        int waiting = (int) Math.max(0, Math.min(others, work.otherTasksWaiting()));
        int ending = others - waiting;
        long completions = work.tasksCompleted();
        // each ending instance completes one task; the rest of the completions go to the first instance
        long[] completing = new long[others];
        for (int i = waiting; i < others; i++) {
            completing[i] = 1;
        }
        if (others > 0) {
            completing[0] += Math.max(0, completions - ending);
        }
        List<String> instances = new ArrayList<>();
        for (int i = 0; i < others; i++) {
            int n = i;
            // a waiting instance has one task more than it completes
            long steps = completing[i] + (i < waiting ? 1 : 0);
            instances.add(transaction.execute(status -> ApplicationCalls.call(() -> runtime.startProcessInstanceByKey(
                STEP_KEY, prefix + "-step-" + n, Map.of("steps", steps)).getId())));
        }
        for (int i = 0; i < others; i++) {
            for (long c = 0; c < completing[i]; c++) {
                Task task = tasks.createTaskQuery().processInstanceId(instances.get(i)).singleResult();
                tasks.complete(task.getId());
            }
        }

        // the measures' instances, in as many transactions as the product started them in
        EngineClock clock = context.getBean(EngineClock.class);
        EscalationLadder ladder = context.getBean(EscalationLadder.class);
        Date deadline = clock.deadlineInstant(deadlineDay);
        int batches = Math.max(1, work.measureTransactions());
        long started = 0;
        for (int b = 0; b < batches; b++) {
            long upTo = work.measures() * (b + 1) / batches;
            long from = started;
            transaction.executeWithoutResult(status -> {
                for (long n = from; n < upTo; n++) {
                    String unit = BenchRun.UNITS.get((int) (n % BenchRun.UNITS.size()));
                    String key = prefix + "-" + n;
                    ApplicationCalls.call(() -> runtime.startProcessInstanceByKey(BareShape.KEY, key,
                        BareShape.variables(unit, ladder.greenAt(deadline), ladder.amberAt(deadline), deadline,
                            ladder.overdueCycle(deadline), ladder.interviewAt(deadline))));
                }
            });
            started = upTo;
        }
    }
}
