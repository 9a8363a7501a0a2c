package org.rectiflow.evidence;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the content of evidence files is kept, from {@code rectiflow.evidence.store} and
 * {@code rectiflow.evidence.s3.*}, checked at start: with {@code store: s3} a missing endpoint, bucket or credential
 * stops the start with a message naming every missing setting. No credential has a default.
 *
 * @param store {@code database} (the default: the ledger's {@code evidence_content}) or {@code s3}
 * @param s3    the object store's settings, read only with {@code store: s3}
 */
@ConfigurationProperties("rectiflow.evidence")
public record EvidenceStoreProperties(Kind store, S3 s3) {

    /** The two stores. */
    public enum Kind { DATABASE, S3 }

    public EvidenceStoreProperties {
        store = store == null ? Kind.DATABASE : store;
        s3 = s3 == null ? new S3(null, null, null, null, null, null, null, null) : s3;
        if (store == Kind.S3) {
            s3.check();
        }
    }

    /**
     * An S3-compatible object store (MinIO, Ceph, a cloud's S3).
     *
     * @param endpoint        the server's URL, {@code http(s)://host[:port]} (required)
     * @param region          the signing region (default {@code us-east-1}, which MinIO accepts)
     * @param bucket          the bucket, created beforehand (required)
     * @param accessKey       the access key (required; no default anywhere)
     * @param secretKey       the secret key (required; no default anywhere)
     * @param pathStyleAccess {@code http://host/bucket/key} rather than {@code http://bucket.host/key} (default true,
     *                        as MinIO and most self-hosted servers need)
     * @param keyPrefix       put before every object's key (default {@code evidence/}); objects outside it are never
     *                        touched, so one bucket may serve several installations with different prefixes
     * @param orphanGrace     how old an object without a row must be before the store check reports it as an orphan
     *                        (default 1 hour: a younger one may belong to an upload still in its transaction)
     */
    public record S3(String endpoint, String region, String bucket, String accessKey, String secretKey,
                     Boolean pathStyleAccess, String keyPrefix, Duration orphanGrace) {

        public S3 {
            region = region == null || region.isBlank() ? "us-east-1" : region.strip();
            pathStyleAccess = pathStyleAccess == null ? Boolean.TRUE : pathStyleAccess;
            keyPrefix = keyPrefix == null ? "evidence/" : keyPrefix.strip();
            orphanGrace = orphanGrace == null ? Duration.ofHours(1) : orphanGrace;
        }

        private void check() {
            List<String> missing = new ArrayList<>();
            for (String[] setting : List.of(new String[] {"endpoint", endpoint}, new String[] {"bucket", bucket},
                new String[] {"access-key", accessKey}, new String[] {"secret-key", secretKey})) {
                if (setting[1] == null || setting[1].isBlank()) {
                    missing.add("rectiflow.evidence.s3." + setting[0]);
                }
            }
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("rectiflow.evidence.store is s3 but " + String.join(", ", missing)
                    + (missing.size() == 1 ? " is" : " are") + " not set (environment: "
                    + String.join(", ", missing.stream().map(S3::variable).toList()) + ")");
            }
            URI uri;
            try {
                uri = URI.create(endpoint.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("rectiflow.evidence.s3.endpoint is no URL: " + endpoint);
            }
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                || (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/"))
                || uri.getQuery() != null || uri.getUserInfo() != null) {
                throw new IllegalArgumentException("rectiflow.evidence.s3.endpoint must be http(s)://host[:port] "
                    + "(no path, no credentials), not " + endpoint);
            }
            if (!bucket.strip().matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
                throw new IllegalArgumentException("rectiflow.evidence.s3.bucket must be a bucket name (3 to 63 "
                    + "lower-case letters, digits, dots and hyphens), not " + bucket);
            }
            if (keyPrefix.startsWith("/") || keyPrefix.contains("..") || keyPrefix.length() > 200) {
                throw new IllegalArgumentException("rectiflow.evidence.s3.key-prefix must not start with / nor hold "
                    + "'..' (at most 200 characters), not " + keyPrefix);
            }
            if (orphanGrace.isNegative()) {
                throw new IllegalArgumentException("rectiflow.evidence.s3.orphan-grace must not be negative, not "
                    + orphanGrace);
            }
        }

        private static String variable(String property) {
            return property.toUpperCase().replace('.', '_').replace("-", "");
        }

        /** The key of file {@code id} with content {@code sha256}: never given to other content. */
        public String key(long id, String sha256) {
            return keyPrefix + id + "-" + sha256;
        }

        @Override
        public String toString() {
            // never the secret
            return "S3[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket + ", pathStyleAccess="
                + pathStyleAccess + ", keyPrefix=" + keyPrefix + "]";
        }
    }
}
