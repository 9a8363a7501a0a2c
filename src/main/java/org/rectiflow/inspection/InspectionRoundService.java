package org.rectiflow.inspection;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.rectiflow.clue.ClueRepository;
import org.rectiflow.common.CurrentActor;
import org.rectiflow.common.EngineClock;
import org.rectiflow.common.Variable;
import org.rectiflow.common.deadline.Outcome;
import org.rectiflow.common.deadline.Outcomes;
import org.rectiflow.guard.ApplicationCalls;
import org.rectiflow.identity.Organisation;
import org.rectiflow.identity.OrganisationChangeException;
import org.rectiflow.identity.OrganisationRepository;
import org.rectiflow.identity.OrganisationService;
import org.rectiflow.inspection.RoundRepository.Round;
import org.rectiflow.inspection.RoundRepository.RoundStatus;
import org.rectiflow.ledger.StatusHistory;
import org.rectiflow.measure.MeasureRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of an inspection round: registration of a feedback (validated whole by {@link RoundRules}, then
 * written and its process started in one transaction), activation, meetings, the report to the inspection office and
 * completion. The diagram's expressions reach its collections through {@link RoundCollections}.
 */
@Service
public class InspectionRoundService {

    private final RoundRepository rounds;
    private final MeasureRepository measures;
    private final ClueRepository clues;
    private final RoundRules rules;
    private final OrganisationService organisationService;
    private final StatusHistory history;
    private final RuntimeService runtimeService;
    private final EngineClock clock;
    private final CurrentActor actor;
    private final Period reportDueAfterFeedback;
    private final Period centralisedPeriod;
    private final Period lookBackAfter;

    public InspectionRoundService(RoundRepository rounds, MeasureRepository measures, ClueRepository clues,
                                  OrganisationRepository organisation, OrganisationService organisationService,
                                  RoundImportProperties limits,
                                  StatusHistory history,
                                  RuntimeService runtimeService, EngineClock clock, CurrentActor actor,
                                  @Value("${rectiflow.report.due-after-feedback}") Period reportDueAfterFeedback,
                                  @Value("${rectiflow.round.centralised-period}") Period centralisedPeriod,
                                  @Value("${rectiflow.look-back.after}") Period lookBackAfter) {
        this.rounds = rounds;
        this.measures = measures;
        this.clues = clues;
        this.rules = RoundRules.against(organisation, organisationService::isGroup, limits);
        this.organisationService = organisationService;
        this.history = history;
        this.runtimeService = runtimeService;
        this.clock = clock;
        this.actor = actor;
        this.reportDueAfterFeedback = reportDueAfterFeedback;
        this.centralisedPeriod = centralisedPeriod;
        this.lookBackAfter = lookBackAfter;
    }

    /**
     * Registers a feedback in the ledger and starts its {@code inspection-round} instance, or writes
     * nothing and throws a {@link RegistrationException} listing every bad field.
     *
     * @return the process instance id
     */
    @Transactional
    public String register(RoundRegistration registration) {
        return register(registration, false);
    }

    /**
     * The demo's registration: a live round played as if it had been registered on its {@code registeredOn}, so
     * that its ladder has acted by the first start. Its deadlines may lie before today (not before
     * {@code registeredOn}) without the round being a historical record. Only Java callers reach it; every
     * import goes through {@link #register(RoundRegistration)}.
     */
    @Transactional
    public String registerBackdated(RoundRegistration registration) {
        return register(registration, true);
    }

    private String register(RoundRegistration registration, boolean backdated) {
        validate(registration, backdated);
        LocalDate registeredOn = RoundRules.registeredOn(registration, clock.today());
        Timestamp now = clock.nowTimestamp();
        String who = actor.id();
        RoundRegistration.Codes codes = registration.codes();
        createNewUnits(registration);
        rounds.insertRound(registration, registeredOn, now);
        history.record(StatusHistory.Entity.ROUND, registration.code(), null, RoundStatus.REGISTERED.name(), who,
            "登记巡察反馈", now);
        for (RoundRegistration.Category category : registration.categories()) {
            long categoryId = rounds.insertCategory(registration.code(), category.seq(), category.title());
            for (RoundRegistration.Problem problem : category.problems()) {
                long problemId = rounds.insertProblem(registration.code(), categoryId, problem.seq(), problem.title(),
                    problem.keyGroup());
                int seq = 0;
                for (RoundRegistration.Measure m : problem.measures()) {
                    seq++;
                    measures.insert(codes.measure(problem.seq(), seq),
                        registration.code(), problemId, seq, m.content(), m.unit(), m.leader(), m.deadline(), m.kind());
                }
            }
        }
        int clueSeq = 0;
        for (RoundRegistration.Clue clue : registration.clues()) {
            clueSeq++;
            clues.insert(RoundRegistration.clueCode(registration.code(), clueSeq), registration.code(), clueSeq,
                clue.kind(), clue.reference(), clue.summary(), clue.receivedOn());
        }
        ProcessInstance instance = ApplicationCalls.call(() -> runtimeService.startProcessInstanceByKey(
            InspectionRoundProcess.KEY, registration.code(),
            Variable.map(InspectionRoundProcess.Variables.ROUND_CODE.value(registration.code()))));
        rounds.setProcessInstance(registration.code(), instance.getId());
        return instance.getId();
    }

    /**
     * 新增单位: the units the round creates, with their Camunda groups and authorizations, in the round's
     * transaction (a round refused or rolled back leaves none). The rules checked them already; an error the
     * organisation still finds (a change beside this one) refuses the round, keyed by the new unit's path.
     */
    private void createNewUnits(RoundRegistration registration) {
        if (registration.newUnits().isEmpty()) {
            return;
        }
        List<Organisation.Unit> units = registration.newUnits().stream()
            .map(u -> new Organisation.Unit(u.code(), u.name(), null)).toList();
        try {
            organisationService.apply(new Organisation(null, units, null, null));
        } catch (OrganisationChangeException e) {
            throw new RegistrationException(e.errors().stream().map(error -> {
                int colon = error.indexOf(": ");
                // units[1].code: … is the round's newUnits[1].code
                String path = colon > 0 && error.startsWith("units") ? "newU" + error.substring(1, colon) : "newUnits";
                String message = colon > 0 ? error.substring(colon + 2) : error;
                return new RoundRules.Violation(path, RoundRules.Rule.GROUP_EXISTS, message, message);
            }).toList());
        }
    }

    /**
     * Every error of a registration, each naming its field in the JSON's terms ({@code categories[0].seq}), in
     * Chinese: the round's rules ({@link RoundRules}), and a code that is registered already.
     */
    private void validate(RoundRegistration r, boolean backdated) {
        List<RoundRules.Violation> violations = new ArrayList<>();
        if (r.code() != null && RoundRules.CODE.matcher(r.code()).matches() && rounds.exists(r.code())) {
            String exists = RegistrationException.roundExists(r.code());
            violations.add(new RoundRules.Violation("code", RoundRules.Rule.REGISTERED_ALREADY, exists, exists));
        }
        violations.addAll(rules.check(r, clock.today(), backdated));
        if (!violations.isEmpty()) {
            throw new RegistrationException(violations);
        }
    }

    /** The units with measures in a round: the collection of the per-unit rectification. */
    public List<String> unitCodes(String roundCode) {
        return rounds.unitCodes(roundCode);
    }

    /**
     * One unit's measures to start when its implementation plan is approved: those not started yet. A measure
     * transferred to the unit (转办) after it started elsewhere runs on in its own instance, and is not started twice.
     */
    public List<String> measureCodes(String roundCode, String unitCode) {
        return rounds.measuresNotStarted(roundCode, unitCode);
    }

    /** The codes of a round's clues: the collection of the clue-handling call activity. */
    public List<String> clueCodes(String roundCode) {
        return clues.codes(roundCode);
    }

    /** The round starts its rectification. Returns the round. */
    public Round activate(String roundCode) {
        Round round = rounds.requireRound(roundCode);
        if (round.status() == RoundStatus.REGISTERED) {
            rounds.setStatus(roundCode, RoundStatus.IN_RECTIFICATION, null);
            history.record(StatusHistory.Entity.ROUND, roundCode, round.status().name(),
                RoundStatus.IN_RECTIFICATION.name(), actor.id(), "启动巡察整改", clock.nowTimestamp());
        }
        return round;
    }

    /** When the report to the inspection office is due: the feedback date plus the configured period. */
    public Date reportDueAt(Round round) {
        return clock.deadlineInstant(round.feedbackDate().plus(reportDueAfterFeedback));
    }

    /** The end of the centralised rectification period (集中整改期). */
    public Date centralisedPeriodEndsAt(Round round) {
        return clock.deadlineInstant(round.feedbackDate().plus(centralisedPeriod));
    }

    /** 回头看: the configured time after the centralised period. */
    public Date lookBackAt(Round round) {
        return clock.deadlineInstant(round.feedbackDate().plus(centralisedPeriod).plus(lookBackAfter));
    }

    /** The leading group's decision on the public progress note; a return needs a reason. */
    public boolean decidePublicNote(String roundCode, String note, boolean approved, String comment) {
        if (!approved && comment == null) {
            throw InspectionRoundProcess.Variables.PUBLIC_NOTE_COMMENT.requiredWhen("退回修改时");
        }
        rounds.insertPublicNoteDecision(roundCode, note, approved ? "APPROVE" : "RETURN", comment, actor.id(),
            clock.nowTimestamp());
        return approved;
    }

    /** 党务公开: the approved note is published today. */
    public void publish(String roundCode, String note) {
        rounds.recordPublication(roundCode, note, clock.today());
        history.record(StatusHistory.Entity.ROUND, roundCode, RoundStatus.IN_RECTIFICATION.name(),
            RoundStatus.IN_RECTIFICATION.name(), actor.id(), "整改进展情况已党务公开", clock.nowTimestamp());
    }

    public void recordMeeting(String roundCode, LocalDate heldOn, String title, String attendees, String decisions) {
        rounds.insertMeeting(roundCode, heldOn, title, attendees, decisions, actor.id(), clock.nowTimestamp());
    }

    /**
     * What the report's form (整改情况报告) tells the office when its task is created: the round's measures by
     * outcome now, from the ledger ({@link Outcomes.Counts}), and how to record an open measure as 未完成.
     */
    public String reportOutcomesText(String roundCode) {
        Outcomes.Counts counts = Outcomes.Counts.of(measures.outcomes(roundCode));
        return "截至" + EngineClock.chinese(clock.today()) + "，本轮整改措施共" + counts.total() + "项："
            + Outcome.RECTIFIED.label() + counts.rectified() + "项，" + Outcome.BASICALLY_DONE.label()
            + counts.basicallyDone() + "项，" + Outcome.NOT_DONE.label() + counts.notDone() + "项，"
            + Outcome.IN_PROGRESS.label() + counts.inProgress() + "项。"
            + "报告中需记为未完成的措施（尚未办结的），请在提交本表前由整改专班登记：POST /api/rounds/" + roundCode
            + "/not-done，逐项列明措施编号（measureCode）、未完成原因（reason）和计划完成时间（plannedDate）；"
            + "登记后计入各项统计，措施仍由原单位继续推进。";
    }

    public void recordReport(String roundCode, LocalDate submittedOn, String reference, String summary) {
        rounds.recordReport(roundCode, submittedOn, reference, summary);
    }

    public void complete(String roundCode) {
        Round round = rounds.requireRound(roundCode);
        if (round.status() != RoundStatus.COMPLETED) {
            Timestamp now = clock.nowTimestamp();
            rounds.setStatus(roundCode, RoundStatus.COMPLETED, now);
            history.record(StatusHistory.Entity.ROUND, roundCode, round.status().name(), RoundStatus.COMPLETED.name(),
                actor.id(), "所有整改措施已销号或转常态", now);
        }
    }
}
