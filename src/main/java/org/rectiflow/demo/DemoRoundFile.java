package org.rectiflow.demo;

import java.util.List;

import org.rectiflow.clue.ClueKind;
import org.rectiflow.clue.LawOutcome;
import org.rectiflow.clue.Triage;
import org.rectiflow.clue.VerificationResult;
import org.rectiflow.inspection.WorkRecordKind;
import org.rectiflow.measure.MeasureKind;

/**
 * The demo round (demo/demo-round.yml), built from the seed report. Dates are offsets in days from the
 * day the demo is first loaded, so that a fresh start shows every step of the escalation ladder.
 */
public record DemoRoundFile(String code, String title, String inspectionGroup, String inspectedOrganisation,
                            String inspectedShortName, int inspectionStartDays, int inspectionEndDays,
                            int feedbackDays, List<Category> categories, List<Clue> clues,
                            List<WorkRecord> workRecords) {

    public DemoRoundFile {
        clues = clues == null ? List.of() : clues;
        workRecords = workRecords == null ? List.of() : workRecords;
    }

    public record Category(int seq, String title, List<Problem> problems) {
    }

    public record Problem(int seq, String title, String keyGroup, String leader, List<Measure> measures) {
    }

    /**
     * A transferred clue, invented for the demo (its summary says so); {@code demo} is how the demo
     * scenario disposes of it, so that the ledger reaches the seed's figures.
     */
    public record Clue(String reference, ClueKind kind, String summary, int receivedDays, Disposition demo) {
    }

    public record Disposition(Triage triage, VerificationResult result, List<String> accountability,
                              LawOutcome lawOutcome) {

        public Disposition {
            accountability = accountability == null ? List.of() : accountability;
        }
    }

    /**
     * Work the office records during the round (a leading-group meeting after the first, …), recorded when the demo
     * is loaded; {@code heldDays} counts from the load day like every other offset.
     */
    public record WorkRecord(WorkRecordKind kind, int heldDays, String title, String participants, String summary) {
    }

    /** @param completion the seed's own account of the measure done: the demo's completion summary */
    public record Measure(String content, String unit, String leader, int deadlineDays, MeasureKind kind,
                          String completion) {
    }
}
