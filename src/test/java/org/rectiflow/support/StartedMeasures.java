package org.rectiflow.support;

import java.time.LocalDate;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.rectiflow.demo.RoundWalkthrough;
import org.rectiflow.inspection.InspectionRoundService;
import org.rectiflow.inspection.RoundRegistration;
import org.rectiflow.measure.MeasureExecutionProcess;
import org.rectiflow.measure.MeasureKind;

/** Rounds registered and brought to execution as the office does it, for tests that need a measure's unit task. */
public final class StartedMeasures {

    private StartedMeasures() {
    }

    /** Registers the round, holds its meeting, approves its plan and its units' plans; its first measure's code. */
    public static String start(InspectionRoundService rounds, RoundWalkthrough walkthrough, RoundRegistration round) {
        rounds.register(round);
        walkthrough.holdMeeting(round.code(), LocalDate.now(), "领导小组会议", "班子成员", "部署整改");
        walkthrough.approvePlan(round.code(), "整改方案", "无");
        walkthrough.approveUnitPlans(round.code());
        return RoundRegistration.measureCode(round.code(), 1, 1);
    }

    /** A new round of one immediate measure of the unit, due in 30 days, started: the code of that measure. */
    public static String start(InspectionRoundService rounds, RoundWalkthrough walkthrough, String unit) {
        return start(rounds, walkthrough,
            TestRounds.round(TestRounds.newCode(), LocalDate.now(), unit, MeasureKind.IMMEDIATE, 30));
    }

    /** The measure's task 单位整改并报告, waiting for its unit. */
    public static Task unitTask(TaskService tasks, String measureCode) {
        return tasks.createTaskQuery().processInstanceBusinessKey(measureCode)
            .taskDefinitionKey(MeasureExecutionProcess.Elements.UNIT_RECTIFIES).singleResult();
    }
}
