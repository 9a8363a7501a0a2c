package org.rectiflow.clue;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.rectiflow.clue.ClueRepository.Clue;
import org.rectiflow.common.CurrentActor;
import org.rectiflow.common.EngineClock;
import org.rectiflow.common.FormField;
import org.rectiflow.identity.RoleGroups;
import org.rectiflow.ledger.StatusHistory;
import org.rectiflow.notification.MessageSettings;
import org.rectiflow.notification.Notification;
import org.rectiflow.notification.NotificationKey;
import org.rectiflow.notification.NotificationService;
import org.rectiflow.notification.Recipients;
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

    /**
     * A verification's deadline steps; who is told and what they read, the service task sets (element template
     * {@code rectiflow.escalateClue}). {@link #legacyMessage()} is what a step said before the diagram set it.
     */
    public enum Step {
        /** Before the due day: the discipline inspectors. */
        REMINDER("【初核提醒】{reference}", List.of(RoleGroups.DISCIPLINE),
            "问题线索{reference}的初核期限为{dueDate}，距今{daysLeft}天，请按期完成初核并报告结果。"),
        /** After it, every interval: the discipline inspectors and the leading group. */
        OVERDUE("【初核超期督办】{reference}", List.of(RoleGroups.DISCIPLINE, RoleGroups.LEADING_GROUP),
            "问题线索{reference}的初核已超过期限（{dueDate}）{overdueDays}天，提请整改领导小组督办。");

        private final MessageSettings legacyMessage;

        Step(String subject, List<String> groups, String body) {
            this.legacyMessage = new MessageSettings(Set.of(), groups, subject, body);
        }

        public MessageSettings legacyMessage() {
            return legacyMessage;
        }
    }

    /** The placeholders of a deadline step's subject and body. */
    public static final Set<String> ESCALATION_PLACEHOLDERS = Set.of("clueCode", "reference", "clueKind", "dueDate",
        "daysLeft", "overdueDays");

    /** The placeholders of the report's subject and body. */
    public static final Set<String> REPORT_PLACEHOLDERS = Set.of("clueCode", "reference", "clueKind", "outcome");

    /** What the office was told of a handled clue before the diagram set it. */
    public static final MessageSettings LEGACY_REPORT_MESSAGE = new MessageSettings(Set.of(),
        List.of(RoleGroups.OFFICE), "【线索办理】{clueCode} 办理完毕",
        "问题线索{reference}（{clueKind}）已办理完毕：{outcome}，请汇总向巡察办反馈。");

    private final ClueRepository clues;
    private final StatusHistory history;
    private final ClueDeadlines deadlines;
    private final NotificationService notifications;
    private final Recipients recipients;
    private final EngineClock clock;
    private final CurrentActor actor;

    public ClueService(ClueRepository clues, StatusHistory history, ClueDeadlines deadlines,
                       NotificationService notifications, Recipients recipients, EngineClock clock,
                       CurrentActor actor) {
        this.clues = clues;
        this.history = history;
        this.deadlines = deadlines;
        this.notifications = notifications;
        this.recipients = recipients;
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
    public static List<Person> parseAccountability(FormField field, String text) {
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
                throw field.invalid(where + "缺少问责对象，格式应为：姓名（单位、职务）：方式");
            }
            if (m.group(2).isBlank()) {
                throw field.invalid(where + "缺少问责方式");
            }
            AccountabilityForm form = AccountabilityForm.parse(m.group(2)).orElseThrow(() -> field.invalid(
                where + "的问责方式“" + m.group(2).strip() + "”不是" + AccountabilityForm.allLabels() + "之一"));
            people.add(new Person(m.group(1).strip(), form));
        }
        if (people.isEmpty()) {
            throw field.invalid("至少填写一名问责对象");
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

    /** 向巡察办反馈: the clue is handled; the office (as the service task sets it) is told its outcome. */
    public void report(String code, MessageSettings message) {
        Clue clue = clues.require(code);
        Timestamp now = clock.nowTimestamp();
        clues.markReported(code, now);
        change(clue, ClueStatus.REPORTED, "办理情况已反馈巡察办");
        Map<String, Object> values = new HashMap<>();
        values.put("clueCode", code);
        values.put("reference", clue.reference());
        values.put("clueKind", clue.kind().label());
        values.put("outcome", outcome(clues.require(code)));
        notifications.enqueue(new Notification(NotificationKey.clueReported(code), recipients.of(message, null, List.of()),
            message.subject(values), message.body(values), null));
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

    /**
     * A reminder before, or an escalation after, a verification's due day; once per key.
     *
     * @param offsetDays for REMINDER: its day relative to the due day (negative: before) when its timer is not
     *                   the configured one; null for {@code rectiflow.clue.reminder-days-before}
     */
    public boolean escalate(String code, Step step, LocalDate due, MessageSettings message, Integer offsetDays) {
        Clue clue = clues.require(code);
        LocalDate today = clock.today();
        LocalDate stepDate;
        if (step == Step.REMINDER) {
            stepDate = offsetDays == null ? deadlines.reminderDate(due) : due.plusDays(offsetDays);
        } else {
            stepDate = deadlines.overduePeriodStart(due, today);
        }
        Map<String, Object> values = new HashMap<>();
        values.put("clueCode", code);
        values.put("reference", clue.reference());
        values.put("clueKind", clue.kind().label());
        values.put("dueDate", EngineClock.chinese(due));
        values.put("daysLeft", ChronoUnit.DAYS.between(today, due));
        values.put("overdueDays", ChronoUnit.DAYS.between(due, today));
        String text = message.body(values);
        NotificationKey key = NotificationKey.clue(code, step.name(), stepDate);
        boolean recorded = clues.insertNoticeIfAbsent(key.text(), code, step.name(), stepDate, text,
            clock.nowTimestamp());
        if (recorded) {
            notifications.enqueue(new Notification(key, recipients.of(message, null, List.of()),
                message.subject(values), text, null));
        }
        return recorded;
    }

    private void change(Clue clue, ClueStatus to, String reason) {
        history.record(StatusHistory.Entity.CLUE, clue.code(), clue.status().name(), to.name(), actor.id(), reason,
            clock.nowTimestamp());
    }
}
