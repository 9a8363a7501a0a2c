package org.rectiflow.inspection;

import static org.rectiflow.inspection.InspectionRoundProcess.Variables.ROUND_CODE;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rectiflow.common.TypedVariables;
import org.rectiflow.identity.RoleGroups;
import org.rectiflow.measure.MeasureExecutionProcess;
import org.rectiflow.measure.MeasureRepository;
import org.rectiflow.measure.MeasureService;
import org.springframework.stereotype.Component;

/**
 * 长久立措施转常态化管理: at the end of the centralised period, the round's open long-term measures keep
 * running under 从严办, which signs them off from now on.
 */
@Component
public class HandOverLongTermMeasuresDelegate implements JavaDelegate {

    private final MeasureService measures;
    private final MeasureRepository repository;
    private final RuntimeService runtimeService;

    public HandOverLongTermMeasuresDelegate(MeasureService measures, MeasureRepository repository,
                                            RuntimeService runtimeService) {
        this.measures = measures;
        this.repository = repository;
        this.runtimeService = runtimeService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        for (String code : measures.handOverLongTermMeasures(TypedVariables.string(execution, ROUND_CODE))) {
            String instance = repository.require(code).processInstanceId();
            if (instance != null && runtimeService.createProcessInstanceQuery().processInstanceId(instance).count() > 0) {
                runtimeService.setVariable(instance, MeasureExecutionProcess.Variables.SIGN_OFF_GROUP,
                    RoleGroups.NORMAL_MANAGEMENT);
            }
        }
    }
}
