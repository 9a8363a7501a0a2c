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
        access.grantReadOnStart(execution.getProcessInstanceId(), m.unitCode(), m.leadUnitCode());
        UNIT_GROUP.set(execution, m.unitCode());
        LEAD_UNIT_GROUP.set(execution, m.leadUnitCode());
        DEADLINE.set(execution, clock.deadlineInstant(m.deadline()));
        DEADLINE_TEXT.set(execution, EngineClock.chinese(m.deadline()));
        // 「1．」: the full-width full stop of official numbering, which needs no Markdown escape in a card or a form
        PROBLEM_TITLE.set(execution, FormText.plain(m.problemSeq() + "．" + m.problemTitle()));
        MEASURE_CONTENT.set(execution, FormText.plain(m.content()));
        UNIT_NAME.set(execution, m.unitName());
        LEADER_NAME.set(execution, m.leaderName());
        KIND_TEXT.set(execution, m.kind().label());
        REWORK_COUNT.set(execution, m.reworkCount());
    }
}
