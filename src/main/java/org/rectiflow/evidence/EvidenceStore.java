package org.rectiflow.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where the content of evidence files is kept, by the file's id; the metadata stays in the ledger
 * ({@link EvidenceRepository}). Each call runs in the caller's transaction: the database store
 * ({@link DatabaseEvidenceStore}, the only one so far) writes and removes the content with its row. An
 * S3-compatible object store is to come (docs/evidence.md).
 */
public interface EvidenceStore {

    /** Stores the content of the file just inserted as {@code id}. */
    void save(long id, Path content, long size) throws IOException;

    /** Opens the content of file {@code id}, to be read and closed by the caller. */
    InputStream open(long id);

    /** Removes the content of file {@code id} (before its row is removed). */
    void delete(long id);
}
