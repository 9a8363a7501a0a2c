package org.rectiflow.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rectiflow.support.S3TestServer;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * {@code rectiflow.evidence.store} and {@code rectiflow.evidence.s3.*} as Spring binds them at start: the database
 * by default; with {@code s3}, every missing setting named in one message, a bad endpoint or bucket refused, no
 * default credential; and a store that cannot be reached reported DOWN by the health indicator instead of stopping
 * the application.
 */
class EvidenceStoreSettingsTest {

    private static EvidenceStoreProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
            .bindOrCreate("rectiflow.evidence", EvidenceStoreProperties.class);
    }

    private static String refusal(Map<String, String> settings) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> bind(settings));
        assertThat(thrown).isInstanceOf(BindException.class);
        Throwable cause = thrown;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertThat(cause).isInstanceOf(IllegalArgumentException.class);
        return cause.getMessage();
    }

    private static Map<String, String> s3(String... pairs) {
        Map<String, String> settings = new HashMap<>(Map.of(
            "rectiflow.evidence.store", "s3",
            "rectiflow.evidence.s3.endpoint", "http://127.0.0.1:9000",
            "rectiflow.evidence.s3.bucket", "rectiflow-evidence",
            "rectiflow.evidence.s3.access-key", "rectiflow",
            "rectiflow.evidence.s3.secret-key", "a-secret-of-the-site"));
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] == null) {
                settings.remove(pairs[i]);
            } else {
                settings.put(pairs[i], pairs[i + 1]);
            }
        }
        return settings;
    }

    @Test
    void theDatabaseIsTheDefaultAndNeedsNoS3Setting() {
        EvidenceStoreProperties properties = bind(Map.of());
        assertThat(properties.store()).isEqualTo(EvidenceStoreProperties.Kind.DATABASE);
        assertThat(properties.s3().accessKey()).as("no default credential").isNull();
        assertThat(properties.s3().secretKey()).isNull();
    }

    @Test
    void s3TakesItsSettingsWithTheirDefaults() {
        EvidenceStoreProperties properties = bind(s3());
        assertThat(properties.store()).isEqualTo(EvidenceStoreProperties.Kind.S3);
        assertThat(properties.s3().region()).isEqualTo("us-east-1");
        assertThat(properties.s3().pathStyleAccess()).isTrue();
        assertThat(properties.s3().keyPrefix()).isEqualTo("evidence/");
        assertThat(properties.s3().key(42, "ab".repeat(32))).isEqualTo("evidence/42-" + "ab".repeat(32));
        assertThat(properties.s3().toString()).doesNotContain("a-secret-of-the-site");
    }

    @Test
    void s3WithoutEndpointBucketOrCredentialsIsRefusedNamingEveryMissingSetting() {
        assertThat(refusal(s3("rectiflow.evidence.s3.endpoint", null, "rectiflow.evidence.s3.bucket", null,
            "rectiflow.evidence.s3.access-key", null, "rectiflow.evidence.s3.secret-key", " ")))
            .isEqualTo("rectiflow.evidence.store is s3 but rectiflow.evidence.s3.endpoint, rectiflow.evidence.s3.bucket, "
                + "rectiflow.evidence.s3.access-key, rectiflow.evidence.s3.secret-key are not set (environment: "
                + "RECTIFLOW_EVIDENCE_S3_ENDPOINT, RECTIFLOW_EVIDENCE_S3_BUCKET, RECTIFLOW_EVIDENCE_S3_ACCESSKEY, "
                + "RECTIFLOW_EVIDENCE_S3_SECRETKEY)");
        assertThat(refusal(s3("rectiflow.evidence.s3.secret-key", null)))
            .isEqualTo("rectiflow.evidence.store is s3 but rectiflow.evidence.s3.secret-key is not set (environment: "
                + "RECTIFLOW_EVIDENCE_S3_SECRETKEY)");
    }

    @Test
    void aBadEndpointBucketOrStoreIsRefused() {
        assertThat(refusal(s3("rectiflow.evidence.s3.endpoint", "minio:9000")))
            .isEqualTo("rectiflow.evidence.s3.endpoint must be http(s)://host[:port] (no path, no credentials), "
                + "not minio:9000");
        assertThat(refusal(s3("rectiflow.evidence.s3.endpoint", "http://user:pw@minio:9000")))
            .startsWith("rectiflow.evidence.s3.endpoint must be http(s)://host[:port]");
        assertThat(refusal(s3("rectiflow.evidence.s3.bucket", "Evidence_Files")))
            .isEqualTo("rectiflow.evidence.s3.bucket must be a bucket name (3 to 63 lower-case letters, digits, dots "
                + "and hyphens), not Evidence_Files");
        assertThat(refusal(s3("rectiflow.evidence.s3.key-prefix", "../x/")))
            .isEqualTo("rectiflow.evidence.s3.key-prefix must not start with / nor hold '..' (at most 200 "
                + "characters), not ../x/");
        assertThatThrownBy(() -> bind(s3("rectiflow.evidence.store", "s4"))).isInstanceOf(BindException.class)
            .hasMessageContaining("rectiflow.evidence.store");
    }

    @Test
    void aStoreThatCannotBeReachedIsDownInTheHealthNotAStopAndAMissingBucketToo() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        S3EvidenceStoreConfiguration configuration = new S3EvidenceStoreConfiguration();
        for (Map<String, String> settings : java.util.List.of(
            s3("rectiflow.evidence.s3.endpoint", "http://127.0.0.1:" + closed),
            s3("rectiflow.evidence.s3.endpoint", S3TestServer.endpoint().toString(),
                "rectiflow.evidence.s3.bucket", "no-such-bucket",
                "rectiflow.evidence.s3.access-key", S3TestServer.ACCESS_KEY,
                "rectiflow.evidence.s3.secret-key", S3TestServer.SECRET_KEY))) {
            EvidenceStoreProperties properties = bind(settings);
            try (var client = configuration.evidenceS3Client(properties)) {
                EvidenceStoreCheck check = new EvidenceStoreCheck(client, properties.s3(), null);
                assertThat(check.reach()).as(settings.get("rectiflow.evidence.s3.endpoint")).isNotNull();
                assertThat(configuration.evidenceStoreHealthIndicator(check).health().getStatus())
                    .isEqualTo(Status.DOWN);
            }
        }
        String bucket = S3TestServer.newBucket();
        EvidenceStoreProperties reachable = bind(s3("rectiflow.evidence.s3.endpoint",
            S3TestServer.endpoint().toString(), "rectiflow.evidence.s3.bucket", bucket,
            "rectiflow.evidence.s3.access-key", S3TestServer.ACCESS_KEY,
            "rectiflow.evidence.s3.secret-key", S3TestServer.SECRET_KEY));
        try (var client = configuration.evidenceS3Client(reachable)) {
            assertThat(configuration.evidenceStoreHealthIndicator(new EvidenceStoreCheck(client, reachable.s3(), null))
                .health().getStatus()).isEqualTo(Status.UP);
        }
    }
}
