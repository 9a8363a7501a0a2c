package org.rectiflow.measure;

/** 当下改 (fix now) or 长久立 (build a lasting mechanism). */
public enum MeasureKind {
    IMMEDIATE("当下改"),
    LONG_TERM("长久立");

    private final String label;

    MeasureKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
