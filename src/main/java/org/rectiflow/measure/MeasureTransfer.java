package org.rectiflow.measure;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.rectiflow.common.CurrentActor;
import org.rectiflow.common.EngineClock;
import org.rectiflow.guard.ApplicationCalls;
import org.rectiflow.identity.OrganisationRepository;
import org.rectiflow.identity.UnitWork;
import org.rectiflow.ledger.StatusHistory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 转办: moves an open measure to another unit, with a reason, in one transaction: the ledger row, a transfer record
 * ({@code measure_transfer}) and a line in the status history (same status, the reason saying from and to), and
 * in the engine the instance's {@code unitGroup} and {@code unitName} (the unit task's candidate group comes from
 * {@code unitGroup}, set by the engine at the start), the open tasks' candidate group (the old unit's replaced by
 * the new one, a claim by the old unit's user released) and the instance's read grants. Also answers the
 * organisation's question before a unit is retired: its open measures ({@link UnitWork}).
 * <p>
 * A measure not started yet (登记, no instance) moves in the ledger only: before the units' plan stage, the stage
 * reads its units and their task lists from the ledger when it begins, so the measure goes with the new unit's
 * task list. While the stage runs ({@link UnitPlanStage}) such a measure is refused with when to move it instead:
 * after its unit's plan is approved it has started, and its task moves with it.
 */
@Service
public class MeasureTransfer implements UnitWork {

    /** A transfer refused: the reasons, keyed like the API's errors. */
    public static class RefusedException extends RuntimeException {

        private final List<String> errors;

        public RefusedException(List<String> errors) {
            super("措施转办未通过校验，未作任何更改: " + String.join("; ", errors));
            this.errors = List.copyOf(errors);
        }

        public List<String> errors() {
            return errors;
        }
    }

    /** No measure of this code. */
    public static class UnknownMeasureException extends RuntimeException {
        public UnknownMeasureException(String code) {
            super("未找到整改措施「" + code + "」");
        }
    }

    private static final int MAX_REASON = 1000;

    private final MeasureRepository measures;
    private final OrganisationRepository organisation;
    private final StatusHistory history;
    private final EngineClock clock;
    private final CurrentActor actor;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final AuthorizationService authorizationService;
    private final IdentityService identityService;
    private final MeasureInstanceAccess access;
    private final UnitPlanStage unitPlanStage;
    private final HistoryService historyService;
    private final MeasureTally tally;

    public MeasureTransfer(MeasureRepository measures, OrganisationRepository organisation, StatusHistory history,
                           EngineClock clock, CurrentActor actor, RuntimeService runtimeService,
                           TaskService taskService, AuthorizationService authorizationService,
                           IdentityService identityService, MeasureInstanceAccess access,
                           UnitPlanStage unitPlanStage, HistoryService historyService, MeasureTally tally) {
        this.measures = measures;
        this.tally = tally;
        this.organisation = organisation;
        this.history = history;
        this.clock = clock;
        this.actor = actor;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.authorizationService = authorizationService;
        this.identityService = identityService;
        this.access = access;
        this.unitPlanStage = unitPlanStage;
        this.historyService = historyService;
    }

    @Override
    public int openMeasures(String unitCode) {
        return measures.openCount(unitCode);
    }

    @Override
    @Transactional
    public void transferOpenMeasures(String fromUnit, String toUnit, String reason) {
        for (String code : measures.openCodes(fromUnit)) {
            transfer(code, toUnit, reason);
        }
    }

    @Override
    @Transactional
    public void moveLeadUnit(String fromUnit, String toUnit) {
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            for (Measure measure : measures.openLedBy(toUnit)) {
                String instance = measure.processInstanceId();
                if (instance == null
                    || runtimeService.createProcessInstanceQuery().processInstanceId(instance).count() == 0
                    || !fromUnit.equals(runtimeService.getVariable(instance,
                        MeasureExecutionProcess.Variables.LEAD_UNIT_GROUP.name()))) {
                    continue;
                }
                ApplicationCalls.run(() -> runtimeService.setVariable(instance,
                    MeasureExecutionProcess.Variables.LEAD_UNIT_GROUP.name(), toUnit));
                moveTasks(instance, fromUnit, toUnit);
                if (!fromUnit.equals(measure.unitCode())) {
                    revokeRead(instance, fromUnit);
                }
                access.grantRead(instance, measure.unitCode(), toUnit);
            }
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }

    /**
     * Transfers the open measure to the unit, for the reason given.
     *
     * @throws UnknownMeasureException no such measure
     * @throws RefusedException        a closed measure, an unknown or retired unit, the same unit, no reason
     */
    @Transactional
    public void transfer(String code, String toUnit, String reason) {
        Measure measure = measures.find(code).orElseThrow(() -> new UnknownMeasureException(code));
        List<String> errors = new ArrayList<>();
        if (measure.status().isClosed()) {
            errors.add("code: 措施「" + code + "」已办结，不能转办");
        } else if (measure.processInstanceId() == null && unitPlanStage.underway(measure.roundCode())) {
            // each unit's plan stage holds the task list it started with and starts its own measures on approval:
            // moved now, the measure would start with neither unit (docs/operations.md, 转办)
            errors.add("code: 措施「" + code + "」尚未启动，各单位正在制定或审核本单位整改方案，此时不能转办：请在「"
                + measure.unitName() + "」的整改方案审核通过、措施下发后再转办（任务随之转至承接单位）");
        }
        var target = toUnit == null || toUnit.isBlank() ? java.util.Optional.<OrganisationRepository.Unit>empty()
            : organisation.unit(toUnit);
        if (toUnit == null || toUnit.isBlank()) {
            errors.add("toUnit: 请填写承接单位");
        } else if (target.isEmpty()) {
            errors.add("toUnit: 未知或已撤销的单位「" + (toUnit.length() > 40 ? toUnit.substring(0, 40) + "…" : toUnit)
                + "」");
        } else if (toUnit.equals(measure.unitCode())) {
            errors.add("toUnit: 措施已由「" + measure.unitName() + "」承办");
        }
        if (reason == null || reason.isBlank()) {
            errors.add("reason: 请填写转办理由");
        } else if (reason.length() > MAX_REASON) {
            errors.add("reason: 转办理由不得超过" + MAX_REASON + "个字");
        }
        if (!errors.isEmpty()) {
            throw new RefusedException(errors);
        }
        String who = actor.id();
        if (!measures.transfer(code, measure.unitCode(), toUnit, reason.strip(), who, clock.nowTimestamp())) {
            throw new RefusedException(List.of("code: 措施「" + code + "」已办结或已被转办，请刷新后重试"));
        }
        // read again under the transfer's lock: a report or rework committed meanwhile moves with the measure
        tally.moved(measures.require(code), measure.unitCode());
        String toName = target.get().name();
        history.record(StatusHistory.Entity.MEASURE, code, measure.status().name(), measure.status().name(), who,
            "转办：由「" + measure.unitName() + "」转至「" + toName + "」。" + reason.strip(), clock.nowTimestamp());
        if (measure.processInstanceId() != null) {
            moveInstance(measure, toUnit, toName);
        }
    }

    /** The engine's side: the instance's unit variables, its open tasks' candidate group and its read grants. */
    private void moveInstance(Measure measure, String toUnit, String toName) {
        String instance = measure.processInstanceId();
        String fromUnit = measure.unitCode();
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            if (runtimeService.createProcessInstanceQuery().processInstanceId(instance).count() == 0) {
                return;
            }
            ApplicationCalls.run(() -> {
                runtimeService.setVariable(instance, MeasureExecutionProcess.Variables.UNIT_GROUP.name(), toUnit);
                runtimeService.setVariable(instance, MeasureExecutionProcess.Variables.UNIT_NAME.name(), toName);
            });
            moveTasks(instance, fromUnit, toUnit);
            if (!fromUnit.equals(measure.leadUnitCode())) {
                revokeRead(instance, fromUnit);
            }
            access.grantRead(instance, toUnit, measure.leadUnitCode());
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }

    /** The instance's open tasks offered to one unit are offered to the other instead, a claim released. */
    private void moveTasks(String instance, String fromUnit, String toUnit) {
        for (Task task : taskService.createTaskQuery().processInstanceId(instance).list()) {
            boolean ofOldUnit = false;
            for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
                if (IdentityLinkType.CANDIDATE.equals(link.getType()) && fromUnit.equals(link.getGroupId())) {
                    ofOldUnit = true;
                }
            }
            if (ofOldUnit) {
                taskService.deleteCandidateGroup(task.getId(), fromUnit);
                taskService.addCandidateGroup(task.getId(), toUnit);
                if (task.getAssignee() != null) {
                    taskService.setAssignee(task.getId(), null);
                }
            }
        }
    }

    private void revokeRead(String instance, String unit) {
        authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).groupIdIn(unit)
            .resourceId(instance).list().forEach(a -> authorizationService.deleteAuthorization(a.getId()));
        // the engine's grants on each task it offered the old unit (TASK, HISTORIC_TASK: Camunda's history queries
        // read the latter as the instance's variables): the measure's history is the new unit's now
        for (HistoricTaskInstance task : historyService.createHistoricTaskInstanceQuery()
            .processInstanceId(instance).list()) {
            authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                .groupIdIn(unit).resourceId(task.getId()).list()
                .forEach(a -> authorizationService.deleteAuthorization(a.getId()));
        }
    }
}
