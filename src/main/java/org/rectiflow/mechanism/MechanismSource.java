package org.rectiflow.mechanism;

/** Where a mechanism's record came from. */
public enum MechanismSource {
    /** With the unit's report of a measure (单位整改并报告); a rework's report replaces it. */
    REPORT("单位报告"),
    /** By import ({@code POST /api/rounds/{code}/mechanisms}, JSON or workbook). */
    IMPORT("导入");

    private final String label;

    MechanismSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
