package org.rectiflow.evidence;

import java.net.URI;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code rectiflow.evidence.store: s3}: the S3 client (the settings checked by {@link EvidenceStoreProperties}),
 * the {@link S3EvidenceStore}, its health indicator ({@code evidenceStore} in {@code /actuator/health}: DOWN while the
 * bucket cannot be reached) and the office's store check. A bucket that cannot be reached at start does not stop
 * the start: it is logged once, the health shows it, and uploads and downloads answer 503 until it answers.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "rectiflow.evidence.store", havingValue = "s3")
public class S3EvidenceStoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(S3EvidenceStoreConfiguration.class);

    @Bean(destroyMethod = "close")
    S3Client evidenceS3Client(EvidenceStoreProperties properties) {
        EvidenceStoreProperties.S3 s3 = properties.s3();
        return S3Client.builder()
            .endpointOverride(URI.create(s3.endpoint().strip()))
            .region(Region.of(s3.region()))
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(),
                s3.secretKey())))
            .forcePathStyle(s3.pathStyleAccess())
            // the checksums this application sends itself (Content-MD5, SHA-256), no trailing ones many
            // S3-compatible servers do not know
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
            .httpClientBuilder(Apache5HttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(Duration.ofSeconds(60)))
            .build();
    }

    @Bean
    S3EvidenceStore s3EvidenceStore(S3Client evidenceS3Client, EvidenceStoreProperties properties) {
        return new S3EvidenceStore(evidenceS3Client, properties.s3());
    }

    @Bean
    EvidenceStoreCheck evidenceStoreCheck(S3Client evidenceS3Client, EvidenceStoreProperties properties,
                                          EvidenceRepository files) {
        return new EvidenceStoreCheck(evidenceS3Client, properties.s3(), files);
    }

    /**
     * {@code evidenceStore} in {@code /actuator/health}: UP while the bucket answers, else DOWN (and with it the
     * node's health); {@code management.health.evidence-store.enabled: false} leaves it out.
     */
    @Bean
    @ConditionalOnEnabledHealthIndicator("evidence-store")
    HealthIndicator evidenceStoreHealthIndicator(EvidenceStoreCheck check) {
        return () -> {
            String problem = check.reach();
            return problem == null ? Health.up().build() : Health.down().withDetail("error", problem).build();
        };
    }

    /** One line at start when the bucket cannot be reached (no stack trace); the start goes on. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> evidenceStoreStartCheck(EvidenceStoreCheck check,
                                                                         EvidenceStoreProperties properties) {
        return event -> {
            String problem = check.reach();
            if (problem != null) {
                log.warn("evidence store: bucket {} at {} cannot be reached ({}): uploads and downloads of evidence "
                    + "files fail until it answers; /actuator/health shows evidenceStore DOWN",
                    properties.s3().bucket(), properties.s3().endpoint(), problem);
            } else {
                log.info("evidence store: bucket {} at {}, keys under '{}'", properties.s3().bucket(),
                    properties.s3().endpoint(), properties.s3().keyPrefix());
            }
        };
    }
}
