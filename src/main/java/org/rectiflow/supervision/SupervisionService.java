package org.rectiflow.supervision;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.rectiflow.common.CurrentActor;
import org.rectiflow.common.EngineClock;
import org.rectiflow.common.deadline.Ladder;
import org.rectiflow.inspection.RoundRepository;
import org.rectiflow.measure.Measure;
import org.rectiflow.measure.MeasureService;
import org.rectiflow.notification.MessageSettings;
import org.rectiflow.notification.Notification;
import org.rectiflow.notification.NotificationKey;
import org.rectiflow.notification.NotificationService;
import org.rectiflow.notification.Recipients;
import org.rectiflow.supervision.NoticeRepository.Notice;
import org.springframework.stereotype.Service;

/**
 * The escalation ladder's rules (DESIGN §3): for each step, the notice (督办提醒单) with its unique key
 * and the notifications to the people the step tells; whom it tells and what they read, the diagram's service
 * task sets. A step whose key exists already writes nothing, so a retried or re-fired timer never duplicates a
 * notice or a notification.
 */
@Service
public class SupervisionService {

    /** The placeholders a step's subject and body may name (the element template lists them too). */
    public static final Set<String> PLACEHOLDERS = Set.of("measureCode", "measure", "measureContent", "problemTitle",
        "unitName", "leaderName", "deadline", "remaining", "overdueDays", "reason", "reworkCount", "stepLabel");

    private final MeasureService measures;
    private final NoticeRepository notices;
    private final NotificationService notifications;
    private final Recipients recipients;
    private final Ladder ladder;
    private final EngineClock clock;
    private final CurrentActor actor;
    private final RoundRepository rounds;

    public SupervisionService(MeasureService measures, NoticeRepository notices, NotificationService notifications,
                              Recipients recipients, EscalationProperties escalation, EngineClock clock,
                              CurrentActor actor, RoundRepository rounds) {
        this.measures = measures;
        this.notices = notices;
        this.notifications = notifications;
        this.recipients = recipients;
        this.ladder = escalation.ladder();
        this.clock = clock;
        this.actor = actor;
        this.rounds = rounds;
    }

    private static String remaining(LocalDate today, LocalDate deadline) {
        long days = ChronoUnit.DAYS.between(today, deadline);
        return days == 0 ? "今日到期" : "距今" + days + "天";
    }

    /**
     * Takes one step of the ladder for a measure, as the diagram configured it. A reminder that a later step
     * has overtaken (green once the amber date has come, amber once the deadline has passed) is not sent.
     *
     * @param reason     for REWORK: why the work was rejected; otherwise ignored
     * @param message    who is told and what they read
     * @param offsetDays for GREEN, AMBER and INTERVIEW: the step's day relative to the deadline (negative:
     *                   before) when its timer is not the configured one; null for the configured ladder
     * @return true when the step wrote a new notice, false when its key was there already
     */
    public boolean escalate(String measureCode, EscalationStep step, String reason, MessageSettings message,
                            Integer offsetDays) {
        Measure m = measures.require(measureCode);
        LocalDate today = clock.today();
        LocalDate deadline = m.deadline();
        LocalDate stepDate;
        NotificationKey key;
        switch (step) {
            case GREEN -> {
                if (ladder.greenOvertaken(deadline, today)) {
                    return false; // overtaken: the amber reminder speaks now
                }
                stepDate = offsetDays == null ? ladder.greenDate(deadline) : Ladder.offset(deadline, offsetDays);
                key = NotificationKey.measure(m.code(), step.name(), stepDate);
            }
            case AMBER -> {
                if (ladder.amberOvertaken(deadline, today)) {
                    return false; // overtaken: the red notice speaks now
                }
                stepDate = offsetDays == null ? ladder.amberDate(deadline) : Ladder.offset(deadline, offsetDays);
                key = NotificationKey.measure(m.code(), step.name(), stepDate);
            }
            case RED -> {
                stepDate = ladder.overduePeriodStart(deadline, today);
                key = NotificationKey.measure(m.code(), step.name(), stepDate);
            }
            case INTERVIEW -> {
                stepDate = offsetDays == null ? ladder.interviewDate(deadline) : Ladder.offset(deadline, offsetDays);
                key = NotificationKey.measure(m.code(), step.name(), stepDate);
            }
            case REWORK -> {
                stepDate = today;
                key = NotificationKey.measure(m.code(), step.name(), m.nextRework());
            }
            case RED_CARD -> {
                stepDate = today;
                key = NotificationKey.measure(m.code(), step.name(), m.reworkCount());
            }
            default -> throw new IllegalArgumentException("Unknown step " + step);
        }
        if (step != EscalationStep.REWORK && step != EscalationStep.RED_CARD && rounds.historicalRecordedOn(
            m.roundCode(), clock.zone()).filter(stepDate::isBefore).isPresent()) {
            return false; // a historical round: no reminder for a date that had passed when it was recorded
        }
        Map<String, Object> values = new HashMap<>();
        values.put("measureCode", m.code());
        values.put("measure", "整改措施" + m.code() + "“" + m.content() + "”（问题：" + m.problemTitle() + "）");
        values.put("measureContent", m.content());
        values.put("problemTitle", m.problemTitle());
        values.put("unitName", m.unitName());
        values.put("leaderName", m.leaderName());
        values.put("deadline", EngineClock.chinese(deadline));
        values.put("remaining", remaining(today, deadline));
        values.put("overdueDays", Math.max(0, ChronoUnit.DAYS.between(deadline, today)));
        values.put("reason", reason);
        values.put("reworkCount", m.reworkCount());
        values.put("stepLabel", step.label());
        String text = message.body(values);
        String subject = message.subject(values);
        boolean recorded = notices.insertIfAbsent(
            new Notice(key, m.code(), step, step.light().name(), stepDate, text, actor.id()), clock.nowTimestamp());
        if (recorded) {
            if (step == EscalationStep.REWORK) {
                measures.sendBack(m, reason);
            }
            List<String> leaders = m.leaderUserId() == null ? List.of() : List.of(m.leaderUserId());
            notifications.enqueue(new Notification(key, recipients.of(message, m.unitCode(), leaders), subject, text,
                m.code()));
        }
        return recorded;
    }
}
