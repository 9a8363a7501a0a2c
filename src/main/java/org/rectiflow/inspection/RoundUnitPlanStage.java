package org.rectiflow.inspection;

import java.util.ArrayDeque;
import java.util.Deque;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.rectiflow.measure.UnitPlanStage;
import org.springframework.stereotype.Component;

/**
 * Whether a round's per-unit stage ({@link InspectionRoundProcess.Elements#UNIT_RECTIFICATION}) is running: its
 * instance has an activity instance of it. Asked as the engine (the caller's own grants do not matter here).
 */
@Component
public class RoundUnitPlanStage implements UnitPlanStage {

    private final RoundRepository rounds;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;

    public RoundUnitPlanStage(RoundRepository rounds, RuntimeService runtimeService, IdentityService identityService) {
        this.rounds = rounds;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
    }

    @Override
    public boolean underway(String roundCode) {
        String instance = rounds.requireRound(roundCode).processInstanceId();
        if (instance == null) {
            return false;
        }
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            ActivityInstance tree = runtimeService.getActivityInstance(instance);
            Deque<ActivityInstance> open = new ArrayDeque<>();
            if (tree != null) {
                open.push(tree);
            }
            while (!open.isEmpty()) {
                ActivityInstance next = open.pop();
                if (InspectionRoundProcess.Elements.UNIT_RECTIFICATION.equals(next.getActivityId())) {
                    return true;
                }
                for (ActivityInstance child : next.getChildActivityInstances()) {
                    open.push(child);
                }
            }
            return false;
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }
}
