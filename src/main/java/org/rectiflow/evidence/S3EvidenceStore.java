package org.rectiflow.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The {@link EvidenceStore} of {@code rectiflow.evidence.store: s3}: each file's content is an object of an
 * S3-compatible store, under {@code <key-prefix><file id>-<sha256>} (a key no other content ever gets: the id is
 * never handed out twice, and the hash names the content), the metadata staying in the ledger. Nothing is lost
 * and nothing is left behind by a transaction:
 * <ul>
 *   <li>an upload puts its object <em>before</em> the transaction commits, and a transaction that rolls back (a
 *       refusal after the put, a failed commit) removes it again ({@code afterCompletion});</li>
 *   <li>the put is checked twice: the server is sent the content's MD5 ({@code Content-MD5}, which S3-compatible
 *       servers verify, refusing a body that arrived otherwise), then the object is read back, streamed, and its
 *       size and SHA-256 compared with the upload's; a difference refuses the upload (and so removes the object);
 *       </li>
 *   <li>a draft's removal deletes its object only once the transaction that removed its row has committed.</li>
 * </ul>
 * A process that dies between the put and the commit leaves an object without a row: {@link EvidenceStoreCheck}
 * lists such orphans. The store never reads a whole file into memory: the put streams the upload's temporary file,
 * {@link #open} the object's response.
 */
public class S3EvidenceStore implements EvidenceStore {

    private static final Logger log = LoggerFactory.getLogger(S3EvidenceStore.class);

    private final S3Client s3;
    private final EvidenceStoreProperties.S3 settings;

    public S3EvidenceStore(S3Client s3, EvidenceStoreProperties.S3 settings) {
        this.s3 = s3;
        this.settings = settings;
    }

    @Override
    public void save(long id, String sha256, Path content, long size) throws IOException {
        requireTransaction();
        String key = settings.key(id, sha256);
        String md5 = Base64.getEncoder().encodeToString(md5(content));
        // registered before the put: a put that fails halfway, or a check that refuses, leaves no object either
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    remove(key, "its upload's transaction rolled back");
                }
            }
        });
        try {
            s3.putObject(request -> request.bucket(settings.bucket()).key(key).contentLength(size)
                .contentType("application/octet-stream").contentMD5(md5), RequestBody.fromFile(content));
            MessageDigest read = sha256();
            long readSize;
            try (InputStream in = new DigestInputStream(s3.getObject(request -> request.bucket(settings.bucket())
                .key(key)), read)) {
                readSize = in.transferTo(OutputStream.nullOutputStream());
            }
            String readSha256 = HexFormat.of().formatHex(read.digest());
            if (readSize != size || !readSha256.equals(sha256)) {
                throw mismatch("object " + key + " reads back as " + readSize + " bytes with SHA-256 " + readSha256
                    + ", not " + size + " bytes with " + sha256);
            }
        } catch (SdkException | IOException e) {
            // IOException: the read-back broke off
            throw unavailable("put", key, e);
        }
    }

    @Override
    public InputStream open(long id, String sha256) {
        String key = settings.key(id, sha256);
        try {
            return s3.getObject(request -> request.bucket(settings.bucket()).key(key));
        } catch (NoSuchKeyException e) {
            throw new UncheckedIOException(new IOException("no object " + key + " of evidence file " + id));
        } catch (SdkException e) {
            throw unavailable("get", key, e);
        }
    }

    @Override
    public void delete(long id, String sha256) {
        requireTransaction();
        String key = settings.key(id, sha256);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                remove(key, "its file's removal committed");
            }
        });
    }

    /** Deletes an object; a failure is logged (the store check then reports the object as an orphan). */
    private void remove(String key, String why) {
        try {
            s3.deleteObject(request -> request.bucket(settings.bucket()).key(key));
        } catch (SdkException e) {
            log.warn("evidence store: object {} in bucket {} could not be deleted ({}), although {}; "
                + "GET /api/evidence-store/check lists it as an orphan", key, settings.bucket(), e.getMessage(), why);
        }
    }

    private EvidenceStoreException mismatch(String message) {
        log.warn("evidence store: {} (bucket {}); the upload is refused and the object removed", message,
            settings.bucket());
        return new EvidenceStoreException(message);
    }

    private EvidenceStoreException unavailable(String action, String key, Exception e) {
        log.warn("evidence store: {} of object {} in bucket {} at {} failed: {}", action, key, settings.bucket(),
            settings.endpoint(), e.getMessage());
        return new EvidenceStoreException(action + " of object " + key + " failed: " + e.getMessage());
    }

    private static void requireTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("the S3 evidence store is only used inside a transaction");
        }
    }

    private static byte[] md5(Path content) throws IOException {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            try (InputStream in = new DigestInputStream(Files.newInputStream(content), md5)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return md5.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
