package org.rectiflow.inspection;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.rectiflow.clue.ClueRepository;
import org.rectiflow.common.CurrentActor;
import org.rectiflow.common.EngineClock;
import org.rectiflow.guard.ApplicationCalls;
import org.rectiflow.identity.OrganisationRepository;
import org.rectiflow.inspection.RoundRepository.Round;
import org.rectiflow.inspection.RoundRepository.RoundStatus;
import org.rectiflow.ledger.StatusHistory;
import org.rectiflow.measure.MeasureRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of an inspection round: registration of a feedback (validated whole, then written and its
 * process started in one transaction), activation, meetings, the report to the inspection office and
 * completion. The diagram's expressions reach its collections through {@link RoundCollections}.
 */
@Service
public class InspectionRoundService {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9-]{1,40}");

    private final RoundRepository rounds;
    private final MeasureRepository measures;
    private final ClueRepository clues;
    private final OrganisationRepository organisation;
    private final StatusHistory history;
    private final RuntimeService runtimeService;
    private final EngineClock clock;
    private final CurrentActor actor;
    private final Period reportDueAfterFeedback;
    private final Period centralisedPeriod;
    private final Period lookBackAfter;

    public InspectionRoundService(RoundRepository rounds, MeasureRepository measures, ClueRepository clues,
                                  OrganisationRepository organisation, StatusHistory history,
                                  RuntimeService runtimeService, EngineClock clock, CurrentActor actor,
                                  @Value("${rectiflow.report.due-after-feedback}") Period reportDueAfterFeedback,
                                  @Value("${rectiflow.round.centralised-period}") Period centralisedPeriod,
                                  @Value("${rectiflow.look-back.after}") Period lookBackAfter) {
        this.rounds = rounds;
        this.measures = measures;
        this.clues = clues;
        this.organisation = organisation;
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
        LocalDate registeredOn = registration.registeredOn() == null ? clock.today() : registration.registeredOn();
        validate(registration, registeredOn);
        Timestamp now = clock.nowTimestamp();
        String who = actor.id();
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
                    measures.insert(RoundRegistration.measureCode(registration.code(), problem.seq(), seq),
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
            java.util.Map.of(InspectionRoundProcess.Variables.ROUND_CODE, registration.code())));
        rounds.setProcessInstance(registration.code(), instance.getId());
        return instance.getId();
    }

    private void validate(RoundRegistration r, LocalDate registeredOn) {
        List<String> errors = new ArrayList<>();
        if (r.code() == null || !CODE.matcher(r.code()).matches()) {
            errors.add("code: must be 1 to 40 letters, digits or hyphens");
        } else if (rounds.exists(r.code())) {
            errors.add("code: the round '" + r.code() + "' exists already");
        }
        text(errors, "title", r.title(), 200);
        text(errors, "inspectionGroup", r.inspectionGroup(), 100);
        text(errors, "inspectedOrganisation", r.inspectedOrganisation(), 200);
        if (r.feedbackDate() == null) {
            errors.add("feedbackDate: must be given");
        }
        if (r.categories() == null || r.categories().isEmpty()) {
            errors.add("categories: a feedback needs at least one category");
        }
        Set<Integer> categorySeqs = new HashSet<>();
        Set<Integer> problemSeqs = new HashSet<>();
        List<RoundRegistration.Category> categories = r.categories() == null ? List.of() : r.categories();
        for (int c = 0; c < categories.size(); c++) {
            RoundRegistration.Category category = categories.get(c);
            String at = "categories[" + c + "]";
            if (!categorySeqs.add(category.seq())) {
                errors.add(at + ".seq: number " + category.seq() + " is used twice");
            }
            text(errors, at + ".title", category.title(), 500);
            List<RoundRegistration.Problem> problems = category.problems() == null ? List.of() : category.problems();
            if (problems.isEmpty()) {
                errors.add(at + ".problems: a category needs at least one problem");
            }
            for (int p = 0; p < problems.size(); p++) {
                validateProblem(errors, at + ".problems[" + p + "]", problems.get(p), problemSeqs, r, registeredOn);
            }
        }
        for (int c = 0; c < r.clues().size(); c++) {
            RoundRegistration.Clue clue = r.clues().get(c);
            String at = "clues[" + c + "]";
            text(errors, at + ".reference", clue.reference(), 64);
            text(errors, at + ".summary", clue.summary(), 2000);
            if (clue.kind() == null) {
                errors.add(at + ".kind: must be PETITION or LAW_RELATED");
            }
            if (clue.receivedOn() == null) {
                errors.add(at + ".receivedOn: must be given");
            }
        }
        if (r.clues().size() > 99) {
            errors.add("clues: at most 99 clues per round");
        }
        if (!errors.isEmpty()) {
            throw new RegistrationException(errors);
        }
    }

    private void validateProblem(List<String> errors, String at, RoundRegistration.Problem problem,
                                 Set<Integer> problemSeqs, RoundRegistration r, LocalDate registeredOn) {
        if (problem.seq() < 1 || problem.seq() > 99) {
            errors.add(at + ".seq: must be between 1 and 99");
        } else if (!problemSeqs.add(problem.seq())) {
            errors.add(at + ".seq: problem number " + problem.seq() + " is used twice");
        }
        text(errors, at + ".title", problem.title(), 500);
        if (problem.keyGroup() == null || organisation.keyGroup(problem.keyGroup()).isEmpty()) {
            errors.add(at + ".keyGroup: unknown key group '" + problem.keyGroup() + "'");
        }
        List<RoundRegistration.Measure> list = problem.measures() == null ? List.of() : problem.measures();
        if (list.isEmpty()) {
            errors.add(at + ".measures: a problem needs at least one measure");
        }
        if (list.size() > 99) {
            errors.add(at + ".measures: at most 99 measures per problem");
        }
        for (int m = 0; m < list.size(); m++) {
            RoundRegistration.Measure measure = list.get(m);
            String mat = at + ".measures[" + m + "]";
            text(errors, mat + ".content", measure.content(), 2000);
            if (measure.unit() == null || organisation.unit(measure.unit()).isEmpty()) {
                errors.add(mat + ".unit: unknown unit '" + measure.unit() + "'");
            }
            if (measure.leader() == null || organisation.person(measure.leader()).isEmpty()) {
                errors.add(mat + ".leader: unknown leader '" + measure.leader() + "'");
            }
            if (measure.kind() == null) {
                errors.add(mat + ".kind: must be IMMEDIATE or LONG_TERM");
            }
            if (measure.deadline() == null) {
                errors.add(mat + ".deadline: must be given");
            } else if (measure.deadline().isBefore(registeredOn)) {
                errors.add(mat + ".deadline: " + measure.deadline() + " lies before the registration date "
                    + registeredOn);
            } else if (r.feedbackDate() != null && measure.deadline().isBefore(r.feedbackDate())) {
                errors.add(mat + ".deadline: " + measure.deadline() + " lies before the feedback date "
                    + r.feedbackDate());
            }
        }
    }

    private static void text(List<String> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(field + ": must not be empty");
        } else if (value.length() > max) {
            errors.add(field + ": at most " + max + " characters, not " + value.length());
        }
    }

    /** The units with measures in a round: the collection of the per-unit rectification. */
    public List<String> unitCodes(String roundCode) {
        return rounds.unitCodes(roundCode);
    }

    /** One unit's measures: they start when its implementation plan is approved. */
    public List<String> measureCodes(String roundCode, String unitCode) {
        return rounds.measureCodes(roundCode, unitCode);
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
            throw org.rectiflow.common.FormValues.invalid("publicNoteComment", "意见说明", "退回修改时必须填写理由");
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
