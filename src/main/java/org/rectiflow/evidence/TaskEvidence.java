package org.rectiflow.evidence;

import java.util.List;

/**
 * A task's evidence as the Tasklist's tab 佐证材料 renders it, without knowing what the files belong to. A task without
 * evidence has no {@code title} and no files: the tab hides itself.
 *
 * @param title     what the files are (措施 … 的佐证材料); null for a task without evidence
 * @param writable  whether the caller uploads here (the tab then shows its upload form)
 * @param uploadUrl where the tab posts a file (multipart: {@code file}, {@code description}); null when not writable
 * @param hint      one line for the caller (what to upload, or what is shown)
 * @param files     the files, drafts first, then the reports' newest first
 */
public record TaskEvidence(String title, boolean writable, String uploadUrl, String hint, List<File> files) {

    /** The answer for a task without evidence. */
    static TaskEvidence none() {
        return new TaskEvidence(null, false, null, null, List.of());
    }

    /**
     * One file.
     *
     * @param type       the kind of document, for people (PDF文档, JPEG图片 …)
     * @param uploadedBy the uploader's name (姓名), else the user id
     * @param uploadedAt the upload's local time in the office's zone, {@code yyyy-MM-dd HH:mm}
     * @param report     the report it was submitted with (第1次报告 …); null for a draft (未提交)
     * @param url        its content: inline in the browser when {@code inline}, else a download
     * @param deleteUrl  where the tab removes it (a draft, for the unit at its task); else null
     */
    public record File(long id, String name, String description, long size, String sizeText, String type,
                       String uploadedBy, String uploadedAt, String report, String url, String deleteUrl,
                       boolean inline) {
    }
}
