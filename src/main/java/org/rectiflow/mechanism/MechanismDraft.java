package org.rectiflow.mechanism;

import java.util.List;

/**
 * A mechanism as a user sends it, unchecked: one row of the report form's list, of the JSON import or of the
 * workbook. The date and the revision are text ({@code 2021-05-10}; 新建/修订 or NEW/REVISED) so that a bad one is an
 * error naming its row, not a parse failure of the whole request. {@code unit} (a unit's code or name) may be empty:
 * the unit of the measures. {@code measures} are measure codes of the round.
 */
public record MechanismDraft(String title, String docNumber, String issuer, String issuedOn, String revision,
                             String unit, List<String> measures) {

    /** True when the user left every field empty (the report form's list starts with one empty row). */
    public boolean isBlank() {
        return blank(title) && blank(docNumber) && blank(issuer) && blank(issuedOn) && blank(revision) && blank(unit)
            && (measures == null || measures.stream().allMatch(MechanismDraft::blank));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
