/**
 * The inspection round (巡察整改轮次), diagram {@code processes/inspection-round.bpmn}: registration of the
 * feedback (the JSON API and the workbook import), the leading-group meeting, the public note, the report and
 * the hand-over of long-term measures. Owns a round's rules and its problems.
 */
package org.rectiflow.inspection;
