package org.rectiflow.bench;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.UserTaskBuilder;

/**
 * The ceiling: measure-execution's shape without the product around it. The same user task (candidate group,
 * due date, follow-up date) and the same four boundary timers (green, amber, the red cycle, the interview),
 * each leading straight to an end event: no delegates, no ledger, no listeners, no forms.
 */
final class BareShape {

    static final String KEY = "bench-bare-measure";
    static final String UNIT_TASK = "userTask_unit";
    static final String GREEN = "boundaryEvent_green";

    private BareShape() {
    }

    static BpmnModelInstance model() {
        UserTaskBuilder task = Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(1825)
            .startEvent("startEvent_started")
            .userTask(UNIT_TASK).name("单位整改并报告").camundaCandidateGroups("${unitGroup}")
            .camundaDueDate("${deadline}").camundaFollowUpDate("${amberAt}");
        task.boundaryEvent(GREEN).cancelActivity(false).timerWithDate("${greenAt}").endEvent("endEvent_green");
        task.boundaryEvent("boundaryEvent_amber").cancelActivity(false).timerWithDate("${amberAt}")
            .endEvent("endEvent_amber");
        task.boundaryEvent("boundaryEvent_red").cancelActivity(false).timerWithCycle("${redCycle}")
            .endEvent("endEvent_red");
        task.boundaryEvent("boundaryEvent_interview").cancelActivity(false).timerWithDate("${interviewAt}")
            .endEvent("endEvent_interview");
        return task.moveToActivity(UNIT_TASK).endEvent("endEvent_done").done();
    }

    /** The variables of one instance: the unit and the ladder's dates, as the product computes them. */
    static Map<String, Object> variables(String unit, Date green, Date amber, Date deadline, String redCycle,
                                         Date interview) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("unitGroup", unit);
        variables.put("deadline", deadline);
        variables.put("greenAt", green);
        variables.put("amberAt", amber);
        variables.put("redCycle", redCycle);
        variables.put("interviewAt", interview);
        return variables;
    }
}
