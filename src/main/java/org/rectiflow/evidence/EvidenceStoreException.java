package org.rectiflow.evidence;

/**
 * The evidence store failed: the object store could not be reached, or an object did not check out after its put.
 * The upload or download is refused with 503 ({@link EvidenceService}, {@link EvidenceController}); the message
 * (English, for the log) never reaches the user.
 */
public class EvidenceStoreException extends RuntimeException {

    public EvidenceStoreException(String message) {
        super(message);
    }
}
