/**
 * Transferred petitions and clues (移交信访件和问题线索), diagram {@code processes/clue-handling.bpmn}: triage,
 * duplicate check, verification with its reminder and overdue escalation, accountability and the 问责 outcome.
 * Owns the clue's statuses and its ledger table.
 */
package org.rectiflow.clue;
