package org.rectiflow.supervision;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.rectiflow.common.deadline.Light;
import org.rectiflow.identity.RoleGroups;
import org.rectiflow.notification.MessageSettings;
import org.rectiflow.notification.UnitRecipient;

/**
 * The steps of the escalation ladder, each recorded as a supervision notice (督办提醒单); their dates are the
 * {@link org.rectiflow.common.deadline.Ladder}'s ({@code rectiflow.escalation.*}). Who is told and
 * what they read is set per service task in measure-execution.bpmn (the element template
 * {@code rectiflow.escalateMeasure}); {@link #legacyMessage()} is what a step said before the diagrams set it,
 * for instances still running on such a diagram.
 */
public enum EscalationStep {
    /** {@code green-days-before} the deadline (default 20): the unit's liaison. */
    GREEN(Light.GREEN, "绿色提醒", EnumSet.of(UnitRecipient.LIAISON), List.of(),
        "{unitName}：{measure}的完成时限为{deadline}，{remaining}，请按期推进、如期报告。"),
    /** {@code amber-days-before} (default 10): the liaison and the leader in charge. */
    AMBER(Light.AMBER, "黄色提醒", EnumSet.of(UnitRecipient.LIAISON, UnitRecipient.LEADER), List.of(),
        "{unitName}：{measure}的完成时限为{deadline}，{remaining}，请责任领导{leaderName}督促落实。"),
    /** At the deadline, then every {@code overdue-interval} (default P7D): the unit head and the supervision group. */
    RED(Light.RED, "红色督办提醒单", EnumSet.of(UnitRecipient.HEAD), List.of(RoleGroups.SUPERVISION),
        "{unitName}：{measure}已超过完成时限（{deadline}）{overdueDays}天，现予督办，请单位主要负责人立即组织整改并报告。"),
    /** {@code interview-days-after} the deadline (default 30): an interview (约谈) task for the leading group. */
    INTERVIEW(Light.RED, "提请约谈", EnumSet.noneOf(UnitRecipient.class), List.of(RoleGroups.LEADING_GROUP),
        "{measure}超期{overdueDays}天仍未完成，提请整改领导小组约谈{unitName}主要负责人。"),
    /** A rejection at review or sign-off: rework (返工). */
    REWORK(Light.AMBER, "督办提醒单（责成返工）", EnumSet.of(UnitRecipient.LIAISON, UnitRecipient.HEAD), List.of(),
        "{unitName}：{measure}经审核未通过，责成返工。退回意见：{reason}"),
    /** The second and every later rejection: the discipline inspectors. */
    RED_CARD(Light.RED, "红牌警示", EnumSet.noneOf(UnitRecipient.class), List.of(RoleGroups.DISCIPLINE),
        "{measure}已第{reworkCount}次被退回返工，责任单位{unitName}整改不到位，红牌警示，移送纪检监察组关注。");

    private final Light light;
    private final String label;
    private final MessageSettings legacyMessage;

    EscalationStep(Light light, String label, Set<UnitRecipient> unitRecipients, List<String> groups, String body) {
        this.light = light;
        this.label = label;
        this.legacyMessage = new MessageSettings(unitRecipients, groups, "【" + label + "】{measureCode}", body);
    }

    /** The light the step's notice shows (its {@code colour} column). */
    public Light light() {
        return light;
    }

    public String label() {
        return label;
    }

    /** Who was told and what they read before the diagrams set it (a service task without message fields). */
    public MessageSettings legacyMessage() {
        return legacyMessage;
    }
}
