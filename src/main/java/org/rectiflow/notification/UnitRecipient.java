package org.rectiflow.notification;

/**
 * Who is told within the unit a message is about (the element templates' field {@code notifyUnitRoles},
 * comma-separated, or {@code NONE}).
 */
public enum UnitRecipient {
    /** 联络员: the unit's liaisons. */
    LIAISON,
    /** 单位负责人: the unit's heads. */
    HEAD,
    /** 责任领导: the leader in charge of the measure(s). */
    LEADER
}
