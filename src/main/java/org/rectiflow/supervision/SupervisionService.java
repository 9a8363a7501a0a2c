package org.rectiflow.supervision;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.rectiflow.common.CurrentActor;
import org.rectiflow.common.EngineClock;
import org.rectiflow.identity.OrganisationRepository;
import org.rectiflow.identity.RoleGroups;
import org.rectiflow.identity.UsersFile.UnitRole;
import org.rectiflow.measure.MeasureRepository.Measure;
import org.rectiflow.measure.MeasureService;
import org.rectiflow.notification.Notification;
import org.rectiflow.notification.NotificationService;
import org.rectiflow.supervision.NoticeRepository.Notice;
import org.springframework.stereotype.Service;

/**
 * The escalation ladder's rules (DESIGN §3): for each step, the notice (督办提醒单) with its unique key
 * and the notifications to the people the step tells. A step whose key exists already writes nothing,
 * so a retried or re-fired timer never duplicates a notice or a notification.
 */
@Service
public class SupervisionService {

    private final MeasureService measures;
    private final NoticeRepository notices;
    private final NotificationService notifications;
    private final OrganisationRepository organisation;
    private final EscalationLadder ladder;
    private final EngineClock clock;
    private final CurrentActor actor;

    public SupervisionService(MeasureService measures, NoticeRepository notices, NotificationService notifications,
                              OrganisationRepository organisation, EscalationLadder ladder, EngineClock clock,
                              CurrentActor actor) {
        this.measures = measures;
        this.notices = notices;
        this.notifications = notifications;
        this.organisation = organisation;
        this.ladder = ladder;
        this.clock = clock;
        this.actor = actor;
    }

    private static String remaining(LocalDate today, LocalDate deadline) {
        long days = ChronoUnit.DAYS.between(today, deadline);
        return days == 0 ? "今日到期" : "距今" + days + "天";
    }

    /**
     * Takes one step of the ladder for a measure. A reminder that a later step has overtaken (green once
     * the amber date has come, amber once the deadline has passed) is not sent.
     *
     * @param reason for REWORK: why the work was rejected; otherwise ignored
     * @return true when the step wrote a new notice, false when its key was there already
     */
    public boolean escalate(String measureCode, EscalationStep step, String reason) {
        Measure m = measures.require(measureCode);
        LocalDate today = clock.today();
        LocalDate deadline = m.deadline();
        String deadlineText = EngineClock.chinese(deadline);
        String what = "整改措施" + m.code() + "“" + m.content() + "”（问题：" + m.problemTitle() + "）";
        LocalDate stepDate;
        String key;
        String text;
        List<String> recipients = new ArrayList<>();
        switch (step) {
            case GREEN -> {
                if (!today.isBefore(ladder.amberDate(deadline))) {
                    return false; // overtaken: the amber reminder speaks now
                }
                stepDate = ladder.greenDate(deadline);
                key = m.code() + ":GREEN:" + stepDate;
                text = m.unitName() + "：" + what + "的完成时限为" + deadlineText + "，" + remaining(today, deadline)
                    + "，请按期推进、如期报告。";
                recipients.addAll(organisation.unitMembers(m.unitCode(), UnitRole.LIAISON));
            }
            case AMBER -> {
                if (today.isAfter(deadline)) {
                    return false; // overtaken: the red notice speaks now
                }
                stepDate = ladder.amberDate(deadline);
                key = m.code() + ":AMBER:" + stepDate;
                text = m.unitName() + "：" + what + "的完成时限为" + deadlineText + "，" + remaining(today, deadline)
                    + "，请责任领导" + m.leaderName() + "督促落实。";
                recipients.addAll(organisation.unitMembers(m.unitCode(), UnitRole.LIAISON));
                recipients.add(m.leaderUserId());
            }
            case RED -> {
                stepDate = ladder.overduePeriodStart(deadline, today);
                key = m.code() + ":RED:" + stepDate;
                text = m.unitName() + "：" + what + "已超过完成时限（" + deadlineText + "）"
                    + Math.max(0, ChronoUnit.DAYS.between(deadline, today)) + "天，现予督办，请单位主要负责人"
                    + "立即组织整改并报告。";
                recipients.addAll(organisation.unitMembers(m.unitCode(), UnitRole.HEAD));
                recipients.addAll(organisation.groupMembers(RoleGroups.SUPERVISION));
            }
            case INTERVIEW -> {
                stepDate = ladder.interviewDate(deadline);
                key = m.code() + ":INTERVIEW:" + stepDate;
                text = what + "超期" + ChronoUnit.DAYS.between(deadline, today) + "天仍未完成，提请整改领导小组约谈"
                    + m.unitName() + "主要负责人。";
                recipients.addAll(organisation.groupMembers(RoleGroups.LEADING_GROUP));
            }
            case REWORK -> {
                stepDate = today;
                key = m.code() + ":REWORK:" + (m.reworkCount() + 1);
                text = m.unitName() + "：" + what + "经审核未通过，责成返工。退回意见：" + reason;
                recipients.addAll(organisation.unitMembers(m.unitCode(), UnitRole.LIAISON));
                recipients.addAll(organisation.unitMembers(m.unitCode(), UnitRole.HEAD));
            }
            case RED_CARD -> {
                stepDate = today;
                key = m.code() + ":RED_CARD:" + m.reworkCount();
                text = what + "已第" + m.reworkCount() + "次被退回返工，责任单位" + m.unitName()
                    + "整改不到位，红牌警示，移送纪检监察组关注。";
                recipients.addAll(organisation.groupMembers(RoleGroups.DISCIPLINE));
            }
            default -> throw new IllegalArgumentException("Unknown step " + step);
        }
        boolean recorded = notices.insertIfAbsent(
            new Notice(key, m.code(), step, step.colour(), stepDate, text, actor.id()), clock.nowTimestamp());
        if (recorded) {
            if (step == EscalationStep.REWORK) {
                measures.sendBack(m, reason);
            }
            notifications.enqueue(new Notification(key, recipients, "【" + step.label() + "】" + m.code(), text,
                m.code()));
        }
        return recorded;
    }
}
