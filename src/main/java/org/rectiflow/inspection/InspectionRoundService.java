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
import org.rectiflow.common.Variable;
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
        LocalDate registeredOn = registration.registeredOn() != null ? registration.registeredOn()
            : registration.historical() && registration.feedbackDate() != null ? registration.feedbackDate()
            : clock.today();
        validate(registration, registeredOn, backdated);
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
            Variable.map(InspectionRoundProcess.Variables.ROUND_CODE.value(registration.code()))));
        rounds.setProcessInstance(registration.code(), instance.getId());
        return instance.getId();
    }

    /**
     * Every error of a registration, each naming its field in the JSON's terms ({@code categories[0].seq}), in
     * Chinese. Sequence numbers are 1 or more; deadlines lie on or after the registration date and the feedback
     * date, and, unless the round is a historical record (or the demo's backdated one), on or after today.
     */
    private void validate(RoundRegistration r, LocalDate registeredOn, boolean backdated) {
        List<String> errors = new ArrayList<>();
        LocalDate today = clock.today();
        if (r.code() == null || !CODE.matcher(r.code()).matches()) {
            errors.add("code: 须为1至40位字母、数字或连字符");
        } else if (rounds.exists(r.code())) {
            errors.add("code: " + RegistrationException.roundExists(r.code()));
        }
        text(errors, "title", r.title(), 200);
        text(errors, "inspectionGroup", r.inspectionGroup(), 100);
        text(errors, "inspectedOrganisation", r.inspectedOrganisation(), 200);
        if (r.inspectedShortName() != null && r.inspectedShortName().length() > 100) {
            errors.add("inspectedShortName: 至多100字，此处" + r.inspectedShortName().length() + "字");
        }
        if (r.feedbackDate() == null) {
            errors.add("feedbackDate: 不能为空");
        }
        if (r.registeredOn() != null && r.registeredOn().isAfter(today)) {
            errors.add("registeredOn: " + r.registeredOn() + " 晚于今天 " + today + "，登记日期不能在将来");
        }
        if (r.categories() == null || r.categories().isEmpty()) {
            errors.add("categories: 至少要有一个方面");
        }
        Set<Integer> categorySeqs = new HashSet<>();
        Set<Integer> problemSeqs = new HashSet<>();
        List<RoundRegistration.Category> categories = r.categories() == null ? List.of() : r.categories();
        for (int c = 0; c < categories.size(); c++) {
            RoundRegistration.Category category = categories.get(c);
            String at = "categories[" + c + "]";
            if (category == null) {
                errors.add(at + ": 不能为空");
                continue;
            }
            if (category.seq() < 1 || category.seq() > 999) {
                errors.add(at + ".seq: 方面序号应在1至999之间，而非 " + category.seq());
            } else if (!categorySeqs.add(category.seq())) {
                errors.add(at + ".seq: 方面序号 " + category.seq() + " 重复");
            }
            text(errors, at + ".title", category.title(), 500);
            List<RoundRegistration.Problem> problems = category.problems() == null ? List.of() : category.problems();
            if (problems.isEmpty()) {
                errors.add(at + ".problems: 每个方面至少要有一个问题");
            }
            for (int p = 0; p < problems.size(); p++) {
                validateProblem(errors, at + ".problems[" + p + "]", problems.get(p), problemSeqs, r, registeredOn,
                    r.historical() || backdated ? null : today);
            }
        }
        for (int c = 0; c < r.clues().size(); c++) {
            RoundRegistration.Clue clue = r.clues().get(c);
            String at = "clues[" + c + "]";
            if (clue == null) {
                errors.add(at + ": 不能为空");
                continue;
            }
            text(errors, at + ".reference", clue.reference(), 64);
            text(errors, at + ".summary", clue.summary(), 2000);
            if (clue.kind() == null) {
                errors.add(at + ".kind: 应为 PETITION（信访件）或 LAW_RELATED（涉法涉诉信访件）");
            }
            if (clue.receivedOn() == null) {
                errors.add(at + ".receivedOn: 不能为空");
            }
        }
        if (r.clues().size() > 99) {
            errors.add("clues: 每轮至多99条问题线索，此处" + r.clues().size() + "条");
        }
        if (!errors.isEmpty()) {
            throw new RegistrationException(errors);
        }
    }

    private void validateProblem(List<String> errors, String at, RoundRegistration.Problem problem,
                                 Set<Integer> problemSeqs, RoundRegistration r, LocalDate registeredOn,
                                 LocalDate notBefore) {
        if (problem == null) {
            errors.add(at + ": 不能为空");
            return;
        }
        if (problem.seq() < 1 || problem.seq() > 99) {
            errors.add(at + ".seq: 问题序号应在1至99之间，而非 " + problem.seq());
        } else if (!problemSeqs.add(problem.seq())) {
            errors.add(at + ".seq: 问题序号 " + problem.seq() + " 重复");
        }
        text(errors, at + ".title", problem.title(), 500);
        if (problem.keyGroup() == null || organisation.keyGroup(problem.keyGroup()).isEmpty()) {
            errors.add(at + ".keyGroup: 未知重点整改组「" + problem.keyGroup() + "」");
        }
        List<RoundRegistration.Measure> list = problem.measures() == null ? List.of() : problem.measures();
        if (list.isEmpty()) {
            errors.add(at + ".measures: 每个问题至少要有一项整改措施");
        }
        if (list.size() > 99) {
            errors.add(at + ".measures: 每个问题至多99项整改措施，此处" + list.size() + "项");
        }
        for (int m = 0; m < list.size(); m++) {
            RoundRegistration.Measure measure = list.get(m);
            String mat = at + ".measures[" + m + "]";
            if (measure == null) {
                errors.add(mat + ": 不能为空");
                continue;
            }
            text(errors, mat + ".content", measure.content(), 2000);
            if (measure.unit() == null || organisation.unit(measure.unit()).isEmpty()) {
                errors.add(mat + ".unit: 未知单位「" + measure.unit() + "」");
            }
            if (measure.leader() == null || organisation.person(measure.leader()).isEmpty()) {
                errors.add(mat + ".leader: 未知责任领导「" + measure.leader() + "」");
            }
            if (measure.kind() == null) {
                errors.add(mat + ".kind: 应为 IMMEDIATE（当下改）或 LONG_TERM（长久立）");
            }
            LocalDate deadline = measure.deadline();
            if (deadline == null) {
                errors.add(mat + ".deadline: 不能为空");
            } else if (deadline.isBefore(registeredOn)) {
                errors.add(mat + ".deadline: " + deadline + " 早于登记日期 " + registeredOn);
            } else if (r.feedbackDate() != null && deadline.isBefore(r.feedbackDate())) {
                errors.add(mat + ".deadline: " + deadline + " 早于反馈日期 " + r.feedbackDate());
            } else if (notBefore != null && deadline.isBefore(notBefore)) {
                errors.add(mat + ".deadline: " + deadline + " 早于今天 " + notBefore
                    + "（已过的完成时限只能随历史记录登记：historical 设为 true）");
            }
        }
    }

    private static void text(List<String> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(field + ": 不能为空");
        } else if (value.length() > max) {
            errors.add(field + ": 至多" + max + "字，此处" + value.length() + "字");
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
            throw InspectionRoundProcess.Variables.PUBLIC_NOTE_COMMENT.invalid("退回修改时必须填写理由");
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
