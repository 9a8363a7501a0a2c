package org.rectiflow.measure;

/** What the unit says when it reports: done, or a long-term measure that continues. */
public enum ReportStatus {
    COMPLETED("已完成整改"),
    LONG_TERM_CONTINUING("长期坚持（申请转常态化管理）");

    private final String label;

    ReportStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
