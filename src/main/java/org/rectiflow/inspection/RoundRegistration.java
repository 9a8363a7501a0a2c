package org.rectiflow.inspection;

import java.time.LocalDate;
import java.util.List;

import org.rectiflow.clue.ClueKind;
import org.rectiflow.measure.MeasureKind;

/**
 * A feedback to register: the round, its categories and problems, and the measures against each
 * problem, and the problem clues the inspection group transferred. Codes are derived: a measure's
 * {@code <round code>-<problem no.>-<measure no.>}, a clue's {@code <round code>-C<clue no.>}.
 *
 * @param registeredOn the day the registration counts from (when not given: today, or the feedback date for a
 *                     historical round); not after today; deadlines may not lie before it
 * @param historical   the office registers a past round as a record: its deadlines may lie before today (not
 *                     before {@code registeredOn} or the feedback date), and no reminder fires for a date already
 *                     past ({@link RoundRepository#isHistorical}). Any other round's deadlines lie today or later
 */
public record RoundRegistration(String code, String title, String inspectionGroup, String inspectedOrganisation,
                                String inspectedShortName, LocalDate inspectionStart, LocalDate inspectionEnd,
                                LocalDate feedbackDate, LocalDate registeredOn, List<Category> categories,
                                List<Clue> clues, boolean historical) {

    public RoundRegistration {
        clues = clues == null ? List.of() : clues;
    }

    /** A round that is not a historical record. */
    public RoundRegistration(String code, String title, String inspectionGroup, String inspectedOrganisation,
                             String inspectedShortName, LocalDate inspectionStart, LocalDate inspectionEnd,
                             LocalDate feedbackDate, LocalDate registeredOn, List<Category> categories,
                             List<Clue> clues) {
        this(code, title, inspectionGroup, inspectedOrganisation, inspectedShortName, inspectionStart, inspectionEnd,
            feedbackDate, registeredOn, categories, clues, false);
    }

    /** A round without clues that is not a historical record. */
    public RoundRegistration(String code, String title, String inspectionGroup, String inspectedOrganisation,
                             String inspectedShortName, LocalDate inspectionStart, LocalDate inspectionEnd,
                             LocalDate feedbackDate, LocalDate registeredOn, List<Category> categories) {
        this(code, title, inspectionGroup, inspectedOrganisation, inspectedShortName, inspectionStart, inspectionEnd,
            feedbackDate, registeredOn, categories, List.of());
    }

    /** A transferred clue (信访件 or 涉法涉诉信访件). */
    public record Clue(String reference, ClueKind kind, String summary, LocalDate receivedOn) {
    }

    public record Category(int seq, String title, List<Problem> problems) {
    }

    public record Problem(int seq, String title, String keyGroup, List<Measure> measures) {
    }

    public record Measure(String content, String unit, String leader, LocalDate deadline, MeasureKind kind) {
    }

    public static String measureCode(String roundCode, int problemSeq, int measureSeq) {
        return "%s-%02d-%02d".formatted(roundCode, problemSeq, measureSeq);
    }

    public static String clueCode(String roundCode, int clueSeq) {
        return "%s-C%02d".formatted(roundCode, clueSeq);
    }
}
