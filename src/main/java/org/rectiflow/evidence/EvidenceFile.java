package org.rectiflow.evidence;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * An evidence file's metadata, as {@code GET /api/measures/{code}/evidence} (and the other subjects' lists) show it.
 *
 * @param subject     what it belongs to ({@link EvidenceSubject#kind()}: MEASURE_REPORT, UNIT_PLAN, CLUE, LOOK_BACK,
 *                    MECHANISM)
 * @param measureCode the measure of a report's file; null for the other subjects
 * @param report      the number of the subject's submission it was bound with (the measure's report, the unit plan's
 *                    submission; 1 for a verification, a look-back check and a mechanism's documents), or
 *                    {@code "draft"} while it is a draft of the next one
 * @param reportedAt when that report was recorded; null for a draft
 */
public record EvidenceFile(long id, String subject, String measureCode, String name, String description, long size, String type,
                           String sha256, String uploadedBy, OffsetDateTime uploadedAt, String report,
                           OffsetDateTime reportedAt) {

    /** The value of {@link #report} for a draft. */
    public static final String DRAFT = "draft";

    @JsonIgnore
    public boolean isDraft() {
        return DRAFT.equals(report);
    }
}
