package org.rectiflow.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where the content of evidence files is kept, by the file's id and SHA-256; the metadata stays in the ledger
 * ({@link EvidenceRepository}). Each call runs in the caller's transaction, and what it does stands or falls with
 * it: {@link DatabaseEvidenceStore} (the default) writes and removes the content with the file's row;
 * {@link S3EvidenceStore} ({@code rectiflow.evidence.store: s3}) puts the object before the commit and removes it
 * again if the transaction rolls back, and removes an object only once its row's removal has committed.
 */
public interface EvidenceStore {

    /** Stores the content of the file just inserted as {@code id}, whose content has this SHA-256 (hex). */
    void save(long id, String sha256, Path content, long size) throws IOException;

    /** Opens the content of file {@code id}, to be read and closed by the caller; streamed, never held whole. */
    InputStream open(long id, String sha256);

    /** Removes the content of file {@code id} (before its row is removed, in the same transaction). */
    void delete(long id, String sha256);
}
