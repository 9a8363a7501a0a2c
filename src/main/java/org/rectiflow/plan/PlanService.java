package org.rectiflow.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.rectiflow.common.CurrentActor;
import org.rectiflow.common.EngineClock;
import org.rectiflow.common.FormField;
import org.rectiflow.identity.OrganisationRepository;
import org.rectiflow.inspection.RoundRepository;
import org.rectiflow.measure.Measure;
import org.rectiflow.measure.MeasureRepository;
import org.rectiflow.notification.MessageSettings;
import org.rectiflow.notification.Notification;
import org.rectiflow.notification.NotificationKey;
import org.rectiflow.notification.NotificationService;
import org.rectiflow.notification.Recipients;
import org.rectiflow.notification.UnitRecipient;
import org.rectiflow.plan.RectificationPlanProcess.Decision;
import org.springframework.stereotype.Service;

/**
 * The rules of the rectification plan: versions (version 1 = the measures as registered), comments by
 * round, revisions with their diff, the Party committee's decision on the newest version, the task lists
 * sent to the units, and the units' own implementation plans.
 */
@Service
public class PlanService {

    /** One line of measure changes: "措施编号：修改后的内容". */
    private static final Pattern CHANGE = Pattern.compile("^([A-Za-z0-9-]+)\\s*[：:]\\s*(.*)$");
    private static final String NO_COMMENT = "无";

    /** The placeholders of the task lists' subject and body. */
    public static final Set<String> TASK_LIST_PLACEHOLDERS = Set.of("roundCode", "roundTitle", "unitName", "version",
        "taskList");

    /** What the units were sent before the diagram set it: their liaisons and heads, these words. */
    public static final MessageSettings LEGACY_TASK_LIST_MESSAGE = new MessageSettings(
        Set.of(UnitRecipient.LIAISON, UnitRecipient.HEAD), List.of(), "【任务清单】{roundTitle}",
        "{unitName}：整改方案（第{version}版）已经党委审定，现下发本单位任务清单，请制定本单位整改实施方案。\n{taskList}");

    /** The placeholders of a reviewer's reminder. */
    public static final Set<String> REMINDER_PLACEHOLDERS = Set.of("roundCode", "roundTitle", "commentRound",
        "dueDate");

    /** What a reviewer was reminded before the diagram set it: the user or the unit's liaisons, these words. */
    public static final MessageSettings LEGACY_REMINDER_MESSAGE = new MessageSettings(Set.of(UnitRecipient.LIAISON),
        List.of(), "【征求意见提醒】整改方案第{commentRound}轮征求意见",
        "整改方案第{commentRound}轮征求意见将于{dueDate}截止，逾期未反馈视为无意见，请及时提出意见。");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PlanRepository plans;
    private final MeasureRepository measures;
    private final RoundRepository rounds;
    private final OrganisationRepository organisation;
    private final NotificationService notifications;
    private final Recipients recipients;
    private final PlanReviewers reviewers;
    private final EngineClock clock;
    private final CurrentActor actor;

    public PlanService(PlanRepository plans, MeasureRepository measures, RoundRepository rounds,
                       OrganisationRepository organisation, NotificationService notifications, Recipients recipients,
                       PlanReviewers reviewers, EngineClock clock, CurrentActor actor) {
        this.plans = plans;
        this.measures = measures;
        this.rounds = rounds;
        this.organisation = organisation;
        this.notifications = notifications;
        this.recipients = recipients;
        this.reviewers = reviewers;
        this.clock = clock;
        this.actor = actor;
    }

    /** Version 1: the measures as registered. Idempotent. */
    public int createFirstVersion(String roundCode) {
        if (plans.newestVersion(roundCode) == 0) {
            plans.insertVersion(roundCode, 1, null, "方案初稿：登记的整改措施", actor.id(), clock.nowTimestamp());
        }
        return plans.newestVersion(roundCode);
    }

    /** The round as the plan's forms name it: its code and title (「XC2020XMGA　市委第一巡察组巡察…」). */
    public String roundText(String roundCode) {
        return roundCode + "　" + rounds.requireRound(roundCode).title();
    }

    /**
     * The measures of a plan version as the comment form's table lists them (a JSON array of {@code code},
     * {@code unit}, {@code content}), so that a comment can name one by its code.
     */
    public String versionMeasuresJson(String roundCode, int versionNo) {
        ArrayNode rows = JSON.createArrayNode();
        for (PlanRepository.VersionMeasure m : plans.versionMeasures(roundCode, versionNo)) {
            rows.addObject().put("code", m.code()).put("unit", m.unit()).put("content", m.content());
        }
        return rows.toString();
    }

    public void saveSummary(String roundCode, int versionNo, String summary) {
        plans.updateSummary(roundCode, versionNo, summary);
    }

    /** A reviewer's comment, on one measure of the round or (without a target) on the whole plan. */
    public void recordComment(String roundCode, int commentRound, int versionNo, String reviewer, String target,
                              String text) {
        if (target != null && !belongsTo(target, roundCode)) {
            throw RectificationPlanProcess.Variables.COMMENT_TARGET.invalid(
                "“" + target + "”不是本轮整改的措施编号");
        }
        plans.insertComment(roundCode, commentRound, versionNo, reviewer, target, text, NO_COMMENT.equals(text),
            actor.id(), clock.nowTimestamp());
    }

    /** The round's deadline passed without an answer: "no comment" on the record. */
    public void recordNoComment(String roundCode, int commentRound, int versionNo, String reviewer) {
        plans.insertComment(roundCode, commentRound, versionNo, reviewer, null, "逾期未反馈，视为无意见", true,
            CurrentActor.SYSTEM, clock.nowTimestamp());
    }

    /**
     * The office's revision: the changed measures (one line each, "措施编号：新内容") are applied and the
     * next version is written with its diff. Returns the new version number.
     */
    public int revise(String roundCode, String notes, String changesText) {
        Map<String, String> changes = parseChanges(roundCode, changesText);
        int next = plans.newestVersion(roundCode) + 1;
        Map<String, String> old = new LinkedHashMap<>();
        for (Map.Entry<String, String> change : changes.entrySet()) {
            old.put(change.getKey(), measures.require(change.getKey()).content());
            measures.updateContent(change.getKey(), change.getValue());
        }
        long versionId = plans.insertVersion(roundCode, next, null, notes, actor.id(), clock.nowTimestamp());
        for (Map.Entry<String, String> change : changes.entrySet()) {
            if (!change.getValue().equals(old.get(change.getKey()))) {
                plans.insertChange(versionId, change.getKey(), old.get(change.getKey()), change.getValue());
            }
        }
        return next;
    }

    private Map<String, String> parseChanges(String roundCode, String text) {
        Map<String, String> changes = new LinkedHashMap<>();
        if (text == null) {
            return changes;
        }
        FormField field = RectificationPlanProcess.Variables.MEASURE_CHANGES;
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String where = "第" + (i + 1) + "行";
            Matcher m = CHANGE.matcher(line);
            if (!m.matches()) {
                throw field.invalid(where + "格式应为“措施编号：修改后的措施内容”");
            }
            if (!belongsTo(m.group(1), roundCode)) {
                throw field.invalid(where + "的措施编号“" + m.group(1) + "”不属于本轮整改");
            }
            String content = m.group(2).strip();
            if (content.isEmpty() || content.length() > 2000) {
                throw field.invalid(where + "的措施内容须为1至2000个字符");
            }
            changes.put(m.group(1), content);
        }
        return changes;
    }

    private boolean belongsTo(String measureCode, String roundCode) {
        return measures.find(measureCode).map(m -> m.roundCode().equals(roundCode)).orElse(false);
    }

    /**
     * The Party committee's decision on the plan: only the newest version can be approved, and a plan
     * sent back needs a reason. Returns whether it was approved.
     */
    public boolean decide(String roundCode, int versionNo, Decision decision, String reason) {
        int newest = plans.newestVersion(roundCode);
        if (versionNo != newest) {
            throw RectificationPlanProcess.Variables.APPROVED_VERSION.invalid(
                "应为最新版本：第" + versionNo + "版不是最新版本，最新为第" + newest + "版");
        }
        if (decision == Decision.SEND_BACK && reason == null) {
            throw RectificationPlanProcess.Variables.PLAN_DECISION_REASON.requiredWhen("退回修改时");
        }
        plans.insertDecision(roundCode, versionNo, decision.name(), reason, actor.id(), clock.nowTimestamp());
        return decision == Decision.APPROVE;
    }

    /**
     * 向各单位下发任务清单: each unit's people in the roles the message names (its liaisons and head in the
     * diagram; LEADER: the leaders in charge of its measures) and the groups it names get the list of its
     * measures.
     */
    public void sendTaskLists(String roundCode, MessageSettings message) {
        int version = plans.newestVersion(roundCode);
        String title = rounds.requireRound(roundCode).title();
        for (String unit : rounds.unitCodes(roundCode)) {
            List<Measure> ofUnit = measures.ofUnit(roundCode, unit);
            List<String> leaders = ofUnit.stream().map(Measure::leaderUserId).filter(Objects::nonNull).distinct()
                .toList();
            Map<String, Object> values = new HashMap<>();
            values.put("roundCode", roundCode);
            values.put("roundTitle", title);
            values.put("unitName", organisation.unit(unit).map(OrganisationRepository.Unit::name).orElse(unit));
            values.put("version", version);
            values.put("taskList", taskList(ofUnit));
            notifications.enqueue(new Notification(NotificationKey.taskList(roundCode, version, unit),
                recipients.of(message, unit, leaders), message.subject(values), message.body(values), null));
        }
    }

    /**
     * 提醒反馈意见: a reviewer who has not answered is reminded, as the message says, before the round closes;
     * once per round and reviewer.
     */
    public void remindReviewer(String roundCode, int commentRound, String reviewer, String dueText,
                               MessageSettings message) {
        Map<String, Object> values = new HashMap<>();
        values.put("roundCode", roundCode);
        values.put("roundTitle", rounds.requireRound(roundCode).title());
        values.put("commentRound", commentRound);
        values.put("dueDate", dueText);
        notifications.enqueue(new Notification(NotificationKey.commentReminder(roundCode, commentRound, reviewer),
            reviewers.people(reviewer, message), message.subject(values), message.body(values), null));
    }

    /** A unit's measures, one line each. */
    public String taskList(String roundCode, String unitCode) {
        return taskList(measures.ofUnit(roundCode, unitCode));
    }

    private static String taskList(List<Measure> ofUnit) {
        StringBuilder list = new StringBuilder();
        for (int n = 0; n < ofUnit.size(); n++) {
            Measure m = ofUnit.get(n);
            String line = (n + 1) + ". " + m.code() + " " + m.content() + "（完成时限"
                + EngineClock.chinese(m.deadline()) + "）\n";
            if (list.length() + line.length() > TASK_LIST_MAX_LENGTH) {
                list.append("……另有").append(ofUnit.size() - n).append("项措施，详见本轮台账");
                break;
            }
            list.append(line);
        }
        return list.toString().strip();
    }

    /**
     * The longest task list: it is a notification's body (4000 characters, with the message's words around it)
     * and a task's string variable (4000); a unit with hundreds of measures in a large round gets the first ones
     * and their count.
     */
    static final int TASK_LIST_MAX_LENGTH = 3000;

    /** One submission of a unit's implementation plan and the office's decision on it. */
    public void recordUnitPlan(String roundCode, String unitCode, String planText, boolean approved, String comment) {
        plans.insertUnitPlan(roundCode, unitCode, plans.unitPlanSubmissions(roundCode, unitCode) + 1, planText,
            approved ? "APPROVED" : "RETURNED", comment, actor.id(), clock.nowTimestamp());
    }

    public Optional<String> unitName(String unitCode) {
        return organisation.unit(unitCode).map(OrganisationRepository.Unit::name);
    }
}
