package org.rectiflow.measure;

import static org.rectiflow.measure.MeasureExecutionProcess.Variables.DEADLINE;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.DEADLINE_TEXT;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.KIND_TEXT;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.LEADER_NAME;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.LEAD_UNIT_GROUP;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.MEASURE_CONTENT;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.PROBLEM_TITLE;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.REWORK_COUNT;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.UNIT_GROUP;
import static org.rectiflow.measure.MeasureExecutionProcess.Variables.UNIT_NAME;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rectiflow.common.EngineClock;
import org.rectiflow.common.FormText;
import org.rectiflow.measure.MeasureRepository.Measure;
import org.springframework.stereotype.Component;

/**
 * 启动整改措施: marks the measure (the instance's business key) in progress, lets the unit and the lead unit
 * read the instance, and sets from the ledger what its tasks and timers need: the unit's and the lead unit's
 * groups, the deadline, and the texts the forms show.
 */
@Component
public class StartMeasureDelegate implements JavaDelegate {

    private final MeasureService measures;
    private final MeasureInstanceAccess access;
    private final EngineClock clock;

    public StartMeasureDelegate(MeasureService measures, MeasureInstanceAccess access, EngineClock clock) {
        this.measures = measures;
        this.access = access;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Measure m = measures.start(MeasureExecutionProcess.measureCode(execution), execution.getProcessInstanceId());
        access.grantRead(execution.getProcessInstanceId(), m.unitCode(), m.leadUnitCode());
        execution.setVariable(UNIT_GROUP, m.unitCode());
        execution.setVariable(LEAD_UNIT_GROUP, m.leadUnitCode());
        execution.setVariable(DEADLINE, clock.deadlineInstant(m.deadline()));
        execution.setVariable(DEADLINE_TEXT, EngineClock.chinese(m.deadline()));
        execution.setVariable(PROBLEM_TITLE, FormText.plain(m.problemSeq() + ". " + m.problemTitle()));
        execution.setVariable(MEASURE_CONTENT, FormText.plain(m.content()));
        execution.setVariable(UNIT_NAME, m.unitName());
        execution.setVariable(LEADER_NAME, m.leaderName());
        execution.setVariable(KIND_TEXT, m.kind().label());
        execution.setVariable(REWORK_COUNT, m.reworkCount());
    }
}
