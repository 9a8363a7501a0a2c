package org.rectiflow.clue;

/** Where a clue stands in the ledger. */
public enum ClueStatus {
    /** Transferred, not yet looked at. */
    REGISTERED,
    /** The same petition as an earlier clue (same reference or same content). */
    DUPLICATE,
    /** Being handled (triage or law-related handling). */
    IN_HANDLING,
    /** Under preliminary verification, with its 3-month deadline. */
    UNDER_VERIFICATION,
    /** Handled and reported back to the inspection office. */
    REPORTED
}
