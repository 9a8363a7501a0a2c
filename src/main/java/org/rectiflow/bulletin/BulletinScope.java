package org.rectiflow.bulletin;

/** What a bulletin line counts the measures of. */
public enum BulletinScope {
    /** 责任单位: the measures a unit is responsible for. */
    UNIT,
    /** 重点整改组: the measures against the problems of a key group. */
    KEY_GROUP
}
