/**
 * The deadline rules, once (issue 14): {@link org.rectiflow.common.deadline.Ladder} (the dates of a ladder's
 * steps, whether a step is overtaken, "past its deadline", the repeating red period, a measure's light),
 * {@link org.rectiflow.common.deadline.Light} (green, amber, red, closed) and
 * {@link org.rectiflow.common.deadline.Outcomes} (the figures: problems and measures by {@link org.rectiflow.common.deadline.Outcome},
 * closed, overdue, the completion rate, a line's light).
 *
 * <p>Here in {@code common} rather than in {@code supervision}: a measure's ladder (supervision), a clue's
 * verification (clue) and a plan's comment round (plan) are all ladders, and the bulletin, the reports, the
 * metrics and the Tasklist filters ask them too. The package depends on nothing of the application, so every
 * feature may use it without a cycle; the diagram functions ({@code escalationLadder}, {@code clueDeadlines},
 * {@code planDeadlines}) stay in their features and delegate to it.
 */
package org.rectiflow.common.deadline;
