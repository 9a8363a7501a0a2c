package org.rectiflow.inspection;

import java.time.LocalDate;
import java.util.List;

import org.rectiflow.measure.MeasureKind;

/**
 * A feedback to register: the round, its categories and problems, and the measures against each
 * problem. Measure codes are derived: {@code <round code>-<problem no.>-<measure no.>}.
 *
 * @param registeredOn the day the registration counts from; deadlines may not lie before it
 */
public record RoundRegistration(String code, String title, String inspectionGroup, String inspectedOrganisation,
                                String inspectedShortName, LocalDate inspectionStart, LocalDate inspectionEnd,
                                LocalDate feedbackDate, LocalDate registeredOn, List<Category> categories) {

    public record Category(int seq, String title, List<Problem> problems) {
    }

    public record Problem(int seq, String title, String keyGroup, List<Measure> measures) {
    }

    public record Measure(String content, String unit, String leader, LocalDate deadline, MeasureKind kind) {
    }

    public static String measureCode(String roundCode, int problemSeq, int measureSeq) {
        return "%s-%02d-%02d".formatted(roundCode, problemSeq, measureSeq);
    }
}
