package org.rectiflow.evidence;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * An evidence file's metadata, as {@code GET /api/measures/{code}/evidence} lists it.
 *
 * @param report     the number of the measure's report it was submitted with (1 = the first report), or
 *                   {@code "draft"} while it is a draft of the next report
 * @param reportedAt when that report was recorded; null for a draft
 */
public record EvidenceFile(long id, String measureCode, String name, String description, long size, String type,
                           String sha256, String uploadedBy, OffsetDateTime uploadedAt, String report,
                           OffsetDateTime reportedAt) {

    /** The value of {@link #report} for a draft. */
    public static final String DRAFT = "draft";

    @JsonIgnore
    public boolean isDraft() {
        return DRAFT.equals(report);
    }
}
