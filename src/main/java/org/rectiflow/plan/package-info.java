/**
 * The rectification plan (整改方案), diagram {@code processes/rectification-plan.bpmn}: the draft, three rounds
 * of comment with reminders, approval, the units' own plans and the task lists sent to them.
 */
package org.rectiflow.plan;
