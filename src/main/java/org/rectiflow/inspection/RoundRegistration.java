package org.rectiflow.inspection;

import java.time.LocalDate;
import java.util.List;

import org.rectiflow.clue.ClueKind;
import org.rectiflow.measure.MeasureKind;

/**
 * A feedback to register: the round, its categories and problems, and the measures against each
 * problem, and the problem clues the inspection group transferred. Codes are derived: a measure's
 * {@code <round code>-<problem no.>-<measure no.>} ({@link Codes}: each number zero-padded to the width the round
 * needs, two digits at least), a clue's {@code <round code>-C<clue no.>}.
 *
 * @param registeredOn the day the registration counts from (when not given: today, or the feedback date for a
 *                     historical round); not after today; deadlines may not lie before it
 * @param historical   the office registers a past round as a record: its deadlines may lie before today (not
 *                     before {@code registeredOn} or the feedback date), and no reminder fires for a date already
 *                     past ({@link RoundRepository#isHistorical}). Any other round's deadlines lie today or later
 * @param newUnits     units the round creates (新增单位), in the round's transaction, before its measures name them
 */
public record RoundRegistration(String code, String title, String inspectionGroup, String inspectedOrganisation,
                                String inspectedShortName, LocalDate inspectionStart, LocalDate inspectionEnd,
                                LocalDate feedbackDate, LocalDate registeredOn, List<Category> categories,
                                List<Clue> clues, boolean historical, List<NewUnit> newUnits) {

    public RoundRegistration {
        clues = clues == null ? List.of() : clues;
        newUnits = newUnits == null ? List.of() : newUnits;
    }

    /** A round that creates no unit. */
    public RoundRegistration(String code, String title, String inspectionGroup, String inspectedOrganisation,
                             String inspectedShortName, LocalDate inspectionStart, LocalDate inspectionEnd,
                             LocalDate feedbackDate, LocalDate registeredOn, List<Category> categories,
                             List<Clue> clues, boolean historical) {
        this(code, title, inspectionGroup, inspectedOrganisation, inspectedShortName, inspectionStart, inspectionEnd,
            feedbackDate, registeredOn, categories, clues, historical, List.of());
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

    /**
     * A unit the round creates (新增单位): its code (a Camunda group id: letters and digits, not the code of any
     * group yet) and its name. It is created with its Camunda group and authorizations in the round's transaction
     * ({@code identity/OrganisationService#apply}), so a round refused or rolled back leaves no unit behind.
     */
    public record NewUnit(String code, String name) {
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

    /**
     * How this round codes its measures: the widths follow its highest problem number and its most measures on one
     * problem.
     */
    public Codes codes() {
        int highestProblem = 0;
        int mostMeasures = 0;
        for (Category category : categories == null ? List.<Category>of() : categories) {
            for (Problem problem : category == null || category.problems() == null ? List.<Problem>of()
                : category.problems()) {
                if (problem != null) {
                    highestProblem = Math.max(highestProblem, problem.seq());
                    mostMeasures = Math.max(mostMeasures, problem.measures() == null ? 0 : problem.measures().size());
                }
            }
        }
        return new Codes(code, Codes.digits(highestProblem), Codes.digits(mostMeasures));
    }

    /**
     * A round's measure codes, {@code <round code>-<problem no.>-<measure no.>}: readable (the numbers the feedback
     * uses, no letters added) and sorting naturally as text, in SQL {@code ORDER BY} and in Excel alike, because
     * every problem number of the round has the same width, and every measure number too: the width of the round's
     * highest number, two digits at least. A round under 100 problems with under 100 measures each keeps
     * {@code XC2025-01-01}; one of 1,000 problems codes {@code XC2025-0002-01} before {@code XC2025-0010-01}. The
     * widths are fixed when the round is registered (its content never grows afterwards) and the codes are stored,
     * so a round already in the ledger keeps the codes it has. A problem's reference is the measure code without
     * its last part ({@code measure/Measure.problemRef()}).
     *
     * @param problemDigits the width of every problem number in the round
     * @param measureDigits the width of every measure number in the round
     */
    public record Codes(String roundCode, int problemDigits, int measureDigits) {

        /** The narrowest number: the codes of rounds under 100 problems stay as they were. */
        static final int MIN_DIGITS = 2;

        /** The code of the {@code measureSeq}-th measure (from 1) of problem {@code problemSeq}. */
        public String measure(int problemSeq, int measureSeq) {
            return problem(problemSeq) + "-" + pad(measureSeq, measureDigits);
        }

        /** How the status history names problem {@code problemSeq}: its measures' codes without the measure number. */
        public String problem(int problemSeq) {
            return roundCode + "-" + pad(problemSeq, problemDigits);
        }

        static int digits(int highest) {
            return Math.max(MIN_DIGITS, String.valueOf(Math.max(highest, 0)).length());
        }

        private static String pad(int number, int width) {
            String digits = String.valueOf(number);
            return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
        }
    }

    /**
     * The code of a measure in a round of under 100 problems with under 100 measures each (the demo's rounds, and
     * the tests'); any round's code is {@link #codes()}{@code .measure(p, m)}.
     */
    public static String measureCode(String roundCode, int problemSeq, int measureSeq) {
        return new Codes(roundCode, Codes.MIN_DIGITS, Codes.MIN_DIGITS).measure(problemSeq, measureSeq);
    }

    public static String clueCode(String roundCode, int clueSeq) {
        return "%s-C%02d".formatted(roundCode, clueSeq);
    }
}
