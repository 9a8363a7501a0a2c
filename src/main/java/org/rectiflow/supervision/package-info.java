/**
 * Supervision (督办): the escalation ladder (green and amber reminders, the repeating red notice, the interview)
 * and its notices, written once per key.
 */
package org.rectiflow.supervision;
