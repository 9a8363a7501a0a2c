package org.rectiflow.inspection;

import java.util.List;

/** A workbook that cannot be imported: every error, each naming its sheet, row and column. Nothing was written. */
public class WorkbookException extends RuntimeException {

    private final List<String> errors;

    public WorkbookException(List<String> errors) {
        super("The workbook cannot be imported:\n  - " + String.join("\n  - ", errors));
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
