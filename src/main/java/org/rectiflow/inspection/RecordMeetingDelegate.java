package org.rectiflow.inspection;

import static org.rectiflow.inspection.InspectionRoundProcess.Variables.ATTENDEES;
import static org.rectiflow.inspection.InspectionRoundProcess.Variables.MEETING_DATE;
import static org.rectiflow.inspection.InspectionRoundProcess.Variables.MEETING_DECISIONS;
import static org.rectiflow.inspection.InspectionRoundProcess.Variables.MEETING_TITLE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rectiflow.common.EngineClock;
import org.rectiflow.common.FormValues;
import org.springframework.stereotype.Component;

/** 记录会议: the leading-group meeting's record, from its form. */
@Component
public class RecordMeetingDelegate implements JavaDelegate {

    private final InspectionRoundService rounds;
    private final EngineClock clock;

    public RecordMeetingDelegate(InspectionRoundService rounds, EngineClock clock) {
        this.rounds = rounds;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FormValues form = FormValues.of(execution);
        rounds.recordMeeting(InspectionRoundProcess.roundCode(execution),
            form.requiredDate(MEETING_DATE, clock.zone()),
            form.requiredText(MEETING_TITLE),
            form.optionalText(ATTENDEES),
            form.requiredText(MEETING_DECISIONS));
    }
}
