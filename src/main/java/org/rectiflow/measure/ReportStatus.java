package org.rectiflow.measure;

/**
 * What the unit says when it reports (the report form's 办理状态): done; a long-term measure basically done and
 * continuing (长期坚持, to normal management once the reviewers accept: 基本完成、持续推进); or not done, with the
 * reason and a new planned date (未完成, the work stays with the unit). See docs/adr/0013.
 */
public enum ReportStatus {
    COMPLETED("已完成整改"),
    LONG_TERM_CONTINUING("基本完成、持续推进（长期坚持，申请转常态化管理）"),
    NOT_DONE("未完成（说明原因和计划完成时间）");

    private final String label;

    ReportStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
