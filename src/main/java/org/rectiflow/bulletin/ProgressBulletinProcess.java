package org.rectiflow.bulletin;

import org.rectiflow.common.Variable;

/**
 * processes/progress-bulletin.bpmn (整改进展通报): started by its timer, no business key; compiles the
 * ledger's red/amber/green status per unit and key group and tells the leading group and the office.
 *
 * <p>The cycle is the literal of the start event's {@code timeCycle}: {@value #DEFAULT_CYCLE}, every Monday
 * at 09:00. A timer start event is scheduled when the diagram is deployed, where no Spring bean can be
 * reached, so the cycle cannot come from a property: the office changes it in the Camunda Modeler and
 * redeploys. Camunda 7.24 reads a cycle without the {@code R/} prefix as a cron expression in Spring 5.3
 * syntax (second minute hour day-of-month month day-of-week; {@code ?}, {@code MON-FRI}, {@code L} allowed)
 * and evaluates it in the JVM's default time zone, so the nodes must run in the office's zone
 * ({@code -Duser.timezone=Asia/Shanghai} or {@code TZ}); an ISO cycle with an offset such as
 * {@code R/2026-01-05T09:00:00+08:00/P7D} is independent of it. Which instant is "now" is the engine clock's.
 */
public final class ProgressBulletinProcess {

    public static final String KEY = "progress-bulletin";

    /** The start event's cycle as the diagram ships it. */
    public static final String DEFAULT_CYCLE = "0 0 9 ? * MON";

    public static final class Elements {
        public static final String BULLETIN_DUE = "startEvent_bulletinDue";
        public static final String COMPILE_BULLETIN = "serviceTask_compileBulletin";
        public static final String NOTIFY_BULLETIN = "serviceTask_notifyBulletin";
        public static final String BULLETIN_SENT = "endEvent_bulletinSent";

        private Elements() {
        }
    }

    public static final class Variables {
        /** Set by 汇总整改进展: the id of the stored bulletin. */
        public static final Variable<Long> BULLETIN_ID = Variable.longInteger("bulletinId");

        private Variables() {
        }
    }

    private ProgressBulletinProcess() {
    }
}
