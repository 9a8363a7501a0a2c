package org.rectiflow.identity;

/** The Camunda group ids of the roles that the diagrams name as candidate groups. */
public final class RoleGroups {

    /** 整改专班: drives the work. */
    public static final String OFFICE = "office";
    /** 巡察整改领导小组: decides, holds interviews. */
    public static final String LEADING_GROUP = "leadinggroup";
    /** 整改监督组: reminds, escalates, signs off. */
    public static final String SUPERVISION = "supervision";
    /** 驻局纪检监察组: clues, accountability, red cards. */
    public static final String DISCIPLINE = "discipline";
    /** 从严办: long-term measures after hand-over to normal management. */
    public static final String NORMAL_MANAGEMENT = "normalmanagement";
    /** 流程管理员: changes the diagrams in the Modeler and deploys them. */
    public static final String PROCESS_OWNER = "processowner";
    /**
     * Scrape users of the metrics ({@code /actuator/prometheus}); created by an administrator in Admin, it
     * has no other rights.
     */
    public static final String MONITORING = "monitoring";
    /** Camunda's administrators. */
    public static final String ADMIN = "camunda-admin";

    /** Camunda group types, shown in Admin. */
    public static final String TYPE_ROLE = "WORKFLOW";
    public static final String TYPE_UNIT = "UNIT";
    public static final String TYPE_KEY_GROUP = "KEY_GROUP";

    private RoleGroups() {
    }
}
