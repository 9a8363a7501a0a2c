package org.rectiflow.report;

import java.util.List;

/**
 * The public progress report (整改进展情况) in the seed's structure: the opening, 一 the organisation of the
 * work, 二 each category and problem with what was done, 三 the clues, 四 the next steps, the contact
 * lines and the signature. It holds counts, never a person's name.
 */
public record ProgressReport(String title, String opening, List<String> organisation, List<Category> categories,
                             String clues, List<String> nextSteps, List<String> contact, String signature,
                             String date) {

    public record Category(String heading, List<Problem> problems) {
    }

    /** {@code heading} is "n.关于“…”的问题"; {@code text} the units' completion summaries. */
    public record Problem(String heading, String text) {
    }
}
