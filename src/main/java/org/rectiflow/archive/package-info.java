/**
 * The sign-off archive (一问题一档案): a problem's, or a whole round's, {@code archive.zip} streamed to the reader
 * ({@link org.rectiflow.archive.ArchiveController}): a cover document (封面与目录.docx) built from the ledger, every
 * evidence file of the measures' reports in folders per measure, and a manifest (清单.csv) of paths, sizes and
 * SHA-256. Reads the ledger itself ({@link org.rectiflow.archive.ArchiveRepository}) and the evidence content
 * through {@link org.rectiflow.evidence.EvidenceStore}.
 */
package org.rectiflow.archive;
