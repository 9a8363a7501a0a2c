package org.rectiflow.clue;

/** The result of a preliminary verification (初核). */
public enum VerificationResult {
    TRUE("属实"),
    PARTLY_TRUE("部分属实"),
    FALSE("不属实");

    private final String label;

    VerificationResult(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean substantiated() {
        return this != FALSE;
    }
}
