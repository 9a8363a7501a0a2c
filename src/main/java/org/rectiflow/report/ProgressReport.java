package org.rectiflow.report;

import java.util.List;

/**
 * The public progress report (整改进展情况) in the seed's structure: the opening, 一 the organisation of the
 * work under its four sub-headings, 二 each category and problem with what was done and what is still under
 * way, 三 the clues, 四 the next steps, the contact lines and the issuing body with the date. It holds counts,
 * titles and dates, never a person's name.
 */
public record ProgressReport(String title, String opening, List<Section> organisation, List<Category> categories,
                             String clues, List<String> nextSteps, List<String> contact, String signature,
                             String date) {

    /** A sub-heading of part 一 ("（一）坚持政治引领，统一思想认识") and its paragraph. */
    public record Section(String heading, String text) {
    }

    public record Category(String heading, List<Problem> problems) {
    }

    /**
     * {@code heading} is "n.关于“…”的问题"; {@code text} the closed measures' completion summaries, then each open
     * measure named as 正在推进 with its planned date.
     */
    public record Problem(String heading, String text) {
    }
}
