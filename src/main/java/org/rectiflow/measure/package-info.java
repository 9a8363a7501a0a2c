/**
 * The rectification measure (整改措施), diagram {@code processes/measure-execution.bpmn}: the unit reports,
 * the lead unit reviews, the supervision group signs off; rework, interviews and the archive record. Owns the
 * measure's statuses, transitions and the sign-off rule.
 */
package org.rectiflow.measure;
