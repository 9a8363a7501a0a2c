package org.rectiflow.measure;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.rectiflow.evidence.OpenReportTask;
import org.springframework.stereotype.Component;

/**
 * Whether a measure's instance has its 单位整改并报告 task open (evidence files are uploaded and removed only then),
 * asked of the engine without the caller's authorizations: the answer decides, the caller sees no task.
 */
@Component
public class UnitReportTask implements OpenReportTask {

    private final TaskService taskService;
    private final IdentityService identityService;

    public UnitReportTask(TaskService taskService, IdentityService identityService) {
        this.taskService = taskService;
        this.identityService = identityService;
    }

    @Override
    public boolean isOpen(String processInstanceId) {
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return taskService.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(MeasureExecutionProcess.Elements.UNIT_RECTIFIES).count() > 0;
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }
}
