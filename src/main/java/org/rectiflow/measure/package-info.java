/**
 * The measure (整改措施) and its execution: diagram {@code processes/measure-execution.bpmn}
 * ({@link org.rectiflow.measure.MeasureExecutionProcess}), one instance per measure, its business key the measure's
 * code.
 *
 * <p>The rules it owns, each in one place:
 * <ul>
 *   <li>which statuses are closed or open, and the allowed transitions: {@link org.rectiflow.measure.MeasureStatus};</li>
 *   <li>what starting, a report, a review, a rejection (rework count), a sign-off, a hand-over and a reopening do to
 *       a measure, and which group signs it off: {@link org.rectiflow.measure.Measure};</li>
 *   <li>writing those steps to the ledger with their status history, the archive record (一问题一档案) and the
 *       closing of a problem with its last measure: {@link org.rectiflow.measure.MeasureService} (SQL in
 *       {@link org.rectiflow.measure.MeasureRepository}).</li>
 * </ul>
 *
 * <p>It depends on no other feature package: inspection starts measures and supervision escalates them, not the
 * other way round.
 */
package org.rectiflow.measure;
