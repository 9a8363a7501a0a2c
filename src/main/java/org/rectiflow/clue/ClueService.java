package org.rectiflow.clue;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.rectiflow.clue.ClueRepository.Clue;
import org.rectiflow.common.CurrentActor;
import org.rectiflow.common.EngineClock;
import org.rectiflow.common.FormValues;
import org.rectiflow.identity.OrganisationRepository;
import org.rectiflow.identity.RoleGroups;
import org.rectiflow.ledger.StatusHistory;
import org.rectiflow.notification.Notification;
import org.rectiflow.notification.NotificationService;
import org.springframework.stereotype.Service;

/**
 * The rules of clue handling: duplicates, triage, preliminary verification and its deadline,
 * accountability, law-related petitions and the report back to the inspection office.
 */
@Service
public class ClueService {

    /** One accountability line: "姓名（单位、职务）：方式". */
    private static final Pattern LINE = Pattern.compile("^(.*?)[：:]\\s*([^：:]*)$");

    public record Person(String name, AccountabilityForm form) {
    }

    public enum Step { REMINDER, OVERDUE }

    private final ClueRepository clues;
    private final StatusHistory history;
    private final ClueDeadlines deadlines;
    private final NotificationService notifications;
    private final OrganisationRepository organisation;
    private final EngineClock clock;
    private final CurrentActor actor;

    public ClueService(ClueRepository clues, StatusHistory history, ClueDeadlines deadlines,
                       NotificationService notifications, OrganisationRepository organisation, EngineClock clock,
                       CurrentActor actor) {
        this.clues = clues;
        this.history = history;
        this.deadlines = deadlines;
        this.notifications = notifications;
        this.organisation = organisation;
        this.clock = clock;
        this.actor = actor;
    }

    public Clue require(String code) {
        return clues.require(code);
    }

    /** Records the clue as a duplicate of an earlier one if it is; returns that earlier clue's code. */
    public Optional<String> checkDuplicate(String code, String processInstanceId) {
        Clue clue = clues.require(code);
        clues.setProcessInstance(code, processInstanceId);
        Optional<String> original = clues.earlierSame(clue);
        if (original.isPresent()) {
            clues.markDuplicate(code, original.get());
            change(clue, ClueStatus.DUPLICATE, "与" + original.get() + "为重复件");
        } else {
            clues.setStatus(code, ClueStatus.IN_HANDLING);
            change(clue, ClueStatus.IN_HANDLING, "移交办理");
        }
        return original;
    }

    /** Records the triage; for a verification, returns its due day. */
    public Optional<LocalDate> triage(String code, Triage triage, String reason) {
        Clue clue = clues.require(code);
        if (triage == Triage.VERIFY) {
            LocalDate due = deadlines.verificationDue(clock.today());
            clues.saveTriage(code, triage, reason, due, ClueStatus.UNDER_VERIFICATION);
            change(clue, ClueStatus.UNDER_VERIFICATION, "转初核：" + reason);
            return Optional.of(due);
        }
        clues.saveTriage(code, triage, reason, null, ClueStatus.IN_HANDLING);
        history.record(StatusHistory.Entity.CLUE, code, clue.status().name(), ClueStatus.IN_HANDLING.name(),
            actor.id(), triage.label() + "：" + reason, clock.nowTimestamp());
        return Optional.empty();
    }

    public void recordVerification(String code, VerificationResult result, String findings) {
        clues.saveVerification(code, result, findings);
    }

    public void recordLawOutcome(String code, LawOutcome outcome, String handling) {
        clues.saveLawOutcome(code, outcome, handling);
    }

    /**
     * Reads the accountability lines of the form, one person a line: every line must name a person and
     * one of the listed forms; an error names the field and the line.
     */
    public static List<Person> parseAccountability(String field, String label, String text) {
        List<Person> people = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            String where = "第" + (i + 1) + "行“" + line + "”";
            if (!m.matches() || m.group(1).isBlank()) {
                throw FormValues.invalid(field, label, where + "缺少问责对象，格式应为：姓名（单位、职务）：方式");
            }
            if (m.group(2).isBlank()) {
                throw FormValues.invalid(field, label, where + "缺少问责方式");
            }
            AccountabilityForm form = AccountabilityForm.parse(m.group(2)).orElseThrow(() -> FormValues.invalid(field,
                label, where + "的问责方式“" + m.group(2).strip() + "”不是" + AccountabilityForm.allLabels() + "之一"));
            people.add(new Person(m.group(1).strip(), form));
        }
        if (people.isEmpty()) {
            throw FormValues.invalid(field, label, "至少填写一名问责对象");
        }
        return people;
    }

    public void recordAccountability(String code, List<Person> people) {
        Timestamp now = clock.nowTimestamp();
        int line = 0;
        for (Person person : people) {
            clues.insertAccountability(code, ++line, person.name(), person.form(), actor.id(), now);
        }
    }

    /** 向巡察办反馈: the clue is handled; the office is told its outcome. */
    public void report(String code) {
        Clue clue = clues.require(code);
        Timestamp now = clock.nowTimestamp();
        clues.markReported(code, now);
        change(clue, ClueStatus.REPORTED, "办理情况已反馈巡察办");
        notifications.enqueue(new Notification(code + ":REPORTED", organisation.groupMembers(RoleGroups.OFFICE),
            "【线索办理】" + code + " 办理完毕", "问题线索" + clue.reference() + "（" + clue.kind().label() + "）已办理完毕："
                + outcome(clues.require(code)) + "，请汇总向巡察办反馈。", null));
    }

    private static String outcome(Clue clue) {
        if (clue.lawOutcome() != null) {
            return clue.lawOutcome().label();
        }
        if (clue.verificationResult() != null) {
            return "初核" + clue.verificationResult().label();
        }
        return clue.triage() == null ? "" : clue.triage().label();
    }

    /** A reminder before, or an escalation after, a verification's due day; once per key. */
    public boolean escalate(String code, Step step, LocalDate due) {
        Clue clue = clues.require(code);
        LocalDate today = clock.today();
        LocalDate stepDate;
        String text;
        List<String> recipients = new ArrayList<>(organisation.groupMembers(RoleGroups.DISCIPLINE));
        if (step == Step.REMINDER) {
            stepDate = deadlines.reminderDate(due);
            text = "问题线索" + clue.reference() + "的初核期限为" + EngineClock.chinese(due) + "，距今"
                + ChronoUnit.DAYS.between(today, due) + "天，请按期完成初核并报告结果。";
        } else {
            stepDate = deadlines.overduePeriodStart(due, today);
            text = "问题线索" + clue.reference() + "的初核已超过期限（" + EngineClock.chinese(due) + "）"
                + ChronoUnit.DAYS.between(due, today) + "天，提请整改领导小组督办。";
            recipients.addAll(organisation.groupMembers(RoleGroups.LEADING_GROUP));
        }
        String key = code + ":" + step + ":" + stepDate;
        boolean recorded = clues.insertNoticeIfAbsent(key, code, step.name(), stepDate, text, clock.nowTimestamp());
        if (recorded) {
            notifications.enqueue(new Notification(key, recipients, "【初核" + (step == Step.REMINDER ? "提醒" : "超期督办")
                + "】" + clue.reference(), text, null));
        }
        return recorded;
    }

    private void change(Clue clue, ClueStatus to, String reason) {
        history.record(StatusHistory.Entity.CLUE, clue.code(), clue.status().name(), to.name(), actor.id(), reason,
            clock.nowTimestamp());
    }
}
