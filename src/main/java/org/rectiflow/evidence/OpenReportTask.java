package org.rectiflow.evidence;

/**
 * Whether the unit's 单位整改并报告 task of a measure is open in its instance: uploads and removals are allowed only
 * then. Answered by the measure's package (measure/UnitReportTask), which knows its diagram, so that this package
 * does not depend on it.
 */
public interface OpenReportTask {

    boolean isOpen(String processInstanceId);
}
