package org.rectiflow.clue;

import java.util.Arrays;
import java.util.Optional;

/** The forms of accountability for a person found responsible. */
public enum AccountabilityForm {
    CAUTION("诫勉"),
    TALK_REMINDER("谈话提醒"),
    CRITICISM("批评教育"),
    WRITTEN_SELF_CRITICISM("责令书面检查"),
    PARTY_DISCIPLINE("党纪处分"),
    GOVERNMENT_SANCTION("政务处分"),
    JUDICIAL_TRANSFER("移送司法机关");

    private final String label;

    AccountabilityForm(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** By its Chinese name as written in a form, or by its constant name. */
    public static Optional<AccountabilityForm> parse(String text) {
        String value = text.strip();
        return Arrays.stream(values()).filter(f -> f.label.equals(value) || f.name().equals(value)).findFirst();
    }

    public static String allLabels() {
        return String.join("、", Arrays.stream(values()).map(AccountabilityForm::label).toList());
    }
}
