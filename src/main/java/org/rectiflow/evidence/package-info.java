/**
 * Evidence files (佐证材料): the documents uploaded for a measure's report, a unit's plan, a clue's verification, a
 * look-back check or a mechanism ({@link org.rectiflow.evidence.EvidenceSubject}), their content behind
 * {@link org.rectiflow.evidence.EvidenceStore} (the database by default), their type detected from the bytes
 * ({@link org.rectiflow.evidence.DocumentTypes}), who may upload, read and remove them
 * ({@link org.rectiflow.evidence.EvidenceService}), the REST calls ({@link org.rectiflow.evidence.EvidenceController})
 * and which subject a task shows ({@link org.rectiflow.evidence.SubjectTasks}). A file is a draft of its subject's next
 * submission until the submission's recording step (measure/MeasureService, plan/RecordUnitPlanDraftDelegate,
 * clue/RecordVerificationDelegate, lookback/RecordLookBackCheckDelegate) binds the drafts to it. Depends on no feature
 * but identity and common, so that those steps can bind them (it reads their rows and the engine's tasks itself).
 */
package org.rectiflow.evidence;
