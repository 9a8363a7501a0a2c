package org.rectiflow.measure;

/** What the unit says when it reports: done, or a long-term measure that continues. */
public enum ReportStatus {
    COMPLETED,
    LONG_TERM_CONTINUING
}
