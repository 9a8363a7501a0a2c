package org.rectiflow.demo;

import java.util.List;

import org.rectiflow.measure.MeasureKind;

/**
 * The demo round (demo/demo-round.yml), built from the seed report. Dates are offsets in days from the
 * day the demo is first loaded, so that a fresh start shows every step of the escalation ladder.
 */
public record DemoRoundFile(String code, String title, String inspectionGroup, String inspectedOrganisation,
                            String inspectedShortName, int inspectionStartDays, int inspectionEndDays,
                            int feedbackDays, List<Category> categories) {

    public record Category(int seq, String title, List<Problem> problems) {
    }

    public record Problem(int seq, String title, String keyGroup, String leader, List<Measure> measures) {
    }

    /** @param completion the seed's own account of the measure done: the demo's completion summary */
    public record Measure(String content, String unit, String leader, int deadlineDays, MeasureKind kind,
                          String completion) {
    }
}
