package org.rectiflow.bottleneck;

import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps the ledger's histogram of finished steps ({@link StepDurationRepository}) as the engine finishes them: a
 * history event handler beside the engine's own, called in the same transaction. A completed user task and an ended
 * call activity each add one to their class; a task deleted with its instance is not a finished step.
 */
@Component
public class StepDurationPlugin extends AbstractProcessEnginePlugin {

    private static final String CALL_ACTIVITY = "callActivity";

    private final StepDurationRepository durations;

    public StepDurationPlugin(StepDurationRepository durations) {
        this.durations = durations;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.getCustomHistoryEventHandlers().add(new Handler());
    }

    private final class Handler implements HistoryEventHandler {

        @Override
        public void handleEvent(HistoryEvent event) {
            if (event instanceof HistoricTaskInstanceEventEntity task
                && HistoryEventTypes.TASK_INSTANCE_COMPLETE.getEventName().equals(task.getEventType())
                && task.getProcessDefinitionKey() != null && task.getTaskDefinitionKey() != null
                && task.getDurationInMillis() != null) {
                durations.add(task.getProcessDefinitionKey(), task.getTaskDefinitionKey(),
                    task.getProcessInstanceId(), task.getDurationInMillis());
            } else if (event instanceof HistoricActivityInstanceEventEntity activity
                && HistoryEventTypes.ACTIVITY_INSTANCE_END.getEventName().equals(activity.getEventType())
                && CALL_ACTIVITY.equals(activity.getActivityType()) && activity.getProcessDefinitionKey() != null
                && activity.getDurationInMillis() != null) {
                durations.add(activity.getProcessDefinitionKey(), activity.getActivityId(),
                    activity.getProcessInstanceId(), activity.getDurationInMillis());
            }
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            events.forEach(this::handleEvent);
        }
    }
}
