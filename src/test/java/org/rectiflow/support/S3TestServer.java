package org.rectiflow.support;

import java.net.URI;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3-compatible server for the tests: S3Proxy (Apache jclouds behind an S3 API, with AWS signature V4
 * authentication) in this test JVM, on 127.0.0.1 at a free port, its objects in memory (jclouds' transient blob
 * store). Started once per test JVM. As an initializer, it gives an application context a bucket of its own and
 * {@code rectiflow.evidence.store: s3} pointing at it.
 */
public final class S3TestServer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String ACCESS_KEY = "rectiflow-test";
    public static final String SECRET_KEY = "rectiflow-test-secret";
    public static final String PREFIX = "evidence/";

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static URI endpoint;

    /** The server's URL, starting it on first use. */
    public static synchronized URI endpoint() {
        if (endpoint == null) {
            try {
                BlobStoreContext blobs = ContextBuilder.newBuilder("transient").credentials("identity", "credential")
                    .overrides(new Properties()).build(BlobStoreContext.class);
                S3Proxy proxy = S3Proxy.builder()
                    .blobStore(blobs.getBlobStore())
                    .endpoint(URI.create("http://127.0.0.1:0"))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                    .build();
                proxy.start();
                endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        proxy.stop();
                    } catch (Exception e) {
                        // the JVM ends anyway
                    }
                    blobs.close();
                }));
            } catch (Exception e) {
                throw new IllegalStateException("cannot start S3Proxy on 127.0.0.1: " + e.getMessage(), e);
            }
        }
        return endpoint;
    }

    /** A client of the test server, as the tests inspect the bucket with it. */
    public static S3Client client() {
        return S3Client.builder().endpointOverride(endpoint()).region(Region.US_EAST_1).forcePathStyle(true)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
            // as the application's client: no trailing checksums, which S3Proxy does not know
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
            .build();
    }

    /** A new, empty bucket. */
    public static String newBucket() {
        String bucket = "rectiflow-test-" + ProcessHandle.current().pid() + "-" + NEXT.incrementAndGet();
        try (S3Client s3 = client()) {
            s3.createBucket(request -> request.bucket(bucket));
        }
        return bucket;
    }

    /** The settings of an application context whose evidence goes to {@code bucket} of the test server. */
    public static Map<String, Object> settings(String bucket) {
        return Map.of(
            "rectiflow.evidence.store", "s3",
            "rectiflow.evidence.s3.endpoint", endpoint().toString(),
            "rectiflow.evidence.s3.bucket", bucket,
            "rectiflow.evidence.s3.access-key", ACCESS_KEY,
            "rectiflow.evidence.s3.secret-key", SECRET_KEY,
            "rectiflow.evidence.s3.key-prefix", PREFIX,
            "rectiflow.evidence.s3.orphan-grace", "0s",
            // off by default (application.yml); on here, so that the tests see the store's health
            "management.health.evidence-store.enabled", "true");
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources()
            .addFirst(new MapPropertySource("s3-test-server", settings(newBucket())));
    }
}
