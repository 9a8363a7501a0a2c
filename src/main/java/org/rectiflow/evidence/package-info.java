/**
 * Evidence files (佐证材料): the documents a unit uploads for a measure's report, their content behind
 * {@link org.rectiflow.evidence.EvidenceStore} (the database by default), their type detected from the bytes
 * ({@link org.rectiflow.evidence.DocumentTypes}), who may upload, read and remove them
 * ({@link org.rectiflow.evidence.EvidenceService}) and {@code /api/measures/{code}/evidence}
 * ({@link org.rectiflow.evidence.EvidenceController}). A file is a draft of the measure's next report until the
 * report's recording step (measure/MeasureService) binds the drafts to it. Depends on no feature but identity and
 * common, so that the measure's report can bind them (it reads the measure's row itself).
 */
package org.rectiflow.evidence;
