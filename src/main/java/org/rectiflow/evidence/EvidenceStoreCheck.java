package org.rectiflow.evidence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The object store compared with the ledger ({@code GET /api/evidence-store/check}, the office's): objects under
 * the key prefix without a file row (<em>orphans</em>: left by a process that died between an upload's put and its
 * commit, or by a removal that could not reach the store), and file rows without their object (<em>missing</em>:
 * never expected; a restore of the ledger newer than the bucket, a hand-deleted object). An object younger than
 * {@code rectiflow.evidence.s3.orphan-grace} is counted as {@code recent}, not as an orphan: its upload may still be
 * in its transaction. It reads the bucket's listing and the ledger only; it changes nothing.
 */
public class EvidenceStoreCheck {

    /** An object without a row. */
    public record Orphan(String key, long size, Instant lastModified) {
    }

    /** A file row without its object. */
    public record Missing(long id, String measureCode, String name, String sha256) {
    }

    /** The comparison's result. */
    public record Result(String bucket, String keyPrefix, Instant checkedAt, int objects, int files, int recent,
                         List<Orphan> orphans, List<Missing> missing) {
    }

    private final S3Client s3;
    private final EvidenceStoreProperties.S3 settings;
    private final EvidenceRepository files;

    public EvidenceStoreCheck(S3Client s3, EvidenceStoreProperties.S3 settings, EvidenceRepository files) {
        this.s3 = s3;
        this.settings = settings;
        this.files = files;
    }

    /** Null while the bucket answers; else what went wrong, in a line. */
    public String reach() {
        try {
            s3.headBucket(request -> request.bucket(settings.bucket()));
            return null;
        } catch (SdkException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    /** Lists the bucket under the prefix and compares it with every file row. */
    public Result run() {
        Instant now = Instant.now();
        // the rows first: an upload committed while the bucket is listed then has its row here
        Map<String, EvidenceFile> rows = new HashMap<>();
        for (EvidenceFile file : files.all()) {
            rows.put(settings.key(file.id(), file.sha256()), file);
        }
        Instant graceStart = now.minus(settings.orphanGrace());
        List<Orphan> orphans = new ArrayList<>();
        int objects = 0;
        int recent = 0;
        Map<String, Boolean> seen = new HashMap<>();
        try {
            for (S3Object object : s3.listObjectsV2Paginator(request -> request.bucket(settings.bucket())
                .prefix(settings.keyPrefix())).contents()) {
                objects++;
                if (rows.containsKey(object.key())) {
                    seen.put(object.key(), Boolean.TRUE);
                } else if (object.lastModified() != null && object.lastModified().isAfter(graceStart)) {
                    recent++;
                } else {
                    orphans.add(new Orphan(object.key(), object.size(), object.lastModified()));
                }
            }
        } catch (SdkException e) {
            throw new EvidenceStoreException("listing bucket " + settings.bucket() + " failed: " + e.getMessage());
        }
        List<Missing> missing = rows.entrySet().stream().filter(row -> !seen.containsKey(row.getKey()))
            .map(Map.Entry::getValue).sorted((a, b) -> Long.compare(a.id(), b.id()))
            .map(file -> new Missing(file.id(), file.measureCode(), file.name(), file.sha256())).toList();
        return new Result(settings.bucket(), settings.keyPrefix(), now, objects, rows.size(), recent, orphans,
            missing);
    }
}
