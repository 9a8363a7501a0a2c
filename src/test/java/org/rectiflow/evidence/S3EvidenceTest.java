package org.rectiflow.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rectiflow.support.S3TestServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The evidence files with {@code rectiflow.evidence.store: s3}, against a real S3-compatible server on loopback
 * (S3Proxy, {@link S3TestServer}): every test of {@link EvidenceTest} again (upload, list, download, binding,
 * refusals, limits, other units), then what only the object store has to prove: the object under its key with the
 * file's bytes, an upload's rollback removing it, a draft's removal deleting it only after the commit, a put that
 * does not check out refused, and the office's store check finding orphans and missing objects.
 */
@ContextConfiguration(initializers = S3TestServer.class)
class S3EvidenceTest extends EvidenceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired EvidenceService evidence;
    @Autowired EvidenceStore store;
    @Autowired IdentityService identityService;
    @Autowired TransactionTemplate transaction;
    @Value("${rectiflow.evidence.s3.bucket}") String bucket;

    private final S3Client s3 = S3TestServer.client();

    @AfterEach
    void logOut() {
        identityService.clearAuthentication();
        s3.close();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private String key(long id, byte[] content) throws Exception {
        return S3TestServer.PREFIX + id + "-" + sha256(content);
    }

    private byte[] object(String key) {
        return s3.getObjectAsBytes(request -> request.bucket(bucket).key(key)).asByteArray();
    }

    private boolean exists(String key) {
        try {
            s3.headObject(request -> request.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        }
    }

    private List<String> keys() {
        return s3.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(S3TestServer.PREFIX)).contents()
            .stream().map(object -> object.key()).toList();
    }

    private int rows(long id) {
        return jdbc.sql("SELECT COUNT(*) FROM evidence_file WHERE id = ?").param(id).query(Integer.class).single();
    }

    /** Calls the services as {@code user}, as the engine's filter does for an /api call. */
    private void logIn(String user) {
        List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId)
            .toList();
        identityService.setAuthentication(user, groups);
    }

    @Test
    void anUploadIsAnObjectUnderItsIdAndSha256WithTheFilesBytesAndNoDatabaseContent() throws Exception {
        String measure = measure();
        byte[] content = pdf(5000);
        long id = uploaded(measure, "整改通知.pdf", content, "印发的整改通知");

        byte[] stored = object(key(id, content));
        assertThat(stored).isEqualTo(content);
        assertThat(sha256(stored)).isEqualTo(list(measure, "officer1").get(0).get("sha256").asText());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM evidence_content WHERE file_id = ?").param(id).query(Integer.class)
            .single()).as("the content is in the object store only").isZero();

        HttpResponse<byte[]> download = call("GET", "/api/measures/" + measure + "/evidence/" + id, "inspectorateLiaison");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(content);
        assertThat(download.headers().firstValueAsLong("Content-Length")).hasValue(5000);
    }

    @Test
    void aRolledBackUploadLeavesNeitherObjectNorRow() throws Exception {
        String measure = measure();
        List<String> before = keys();
        byte[] content = pdf(2000);
        String sha256 = sha256(content);
        long[] id = new long[1];
        logIn("simingLiaison");
        transaction.executeWithoutResult(status -> {
            id[0] = evidence.upload(measure, "回滚.pdf", null, new ByteArrayInputStream(content)).id();
            assertThat(exists(S3TestServer.PREFIX + id[0] + "-" + sha256)).as("put before the commit").isTrue();
            status.setRollbackOnly();
        });
        assertThat(exists(key(id[0], content))).as("removed after the rollback").isFalse();
        assertThat(rows(id[0])).isZero();
        assertThat(keys()).isEqualTo(before);
    }

    @Test
    void aDraftsRemovalDeletesItsObjectOnlyOnceCommittedAndARolledBackRemovalKeepsIt() throws Exception {
        String measure = measure();
        byte[] content = pdf(3000);
        long id = uploaded(measure, "草稿.pdf", content, null);
        String key = key(id, content);
        logIn("simingLiaison");

        transaction.executeWithoutResult(status -> {
            evidence.delete(measure, id);
            assertThat(exists(key)).as("still there before the commit").isTrue();
            status.setRollbackOnly();
        });
        assertThat(exists(key)).as("kept: the removal rolled back").isTrue();
        assertThat(rows(id)).isOne();
        assertThat(object(key)).isEqualTo(content);

        transaction.executeWithoutResult(status -> {
            evidence.delete(measure, id);
            assertThat(exists(key)).as("still there before the commit").isTrue();
        });
        assertThat(exists(key)).as("deleted after the commit").isFalse();
        assertThat(rows(id)).isZero();
    }

    @Test
    void aPutThatDoesNotCheckOutIsRefusedAndLeavesNoObject(@org.junit.jupiter.api.io.TempDir Path dir)
        throws Exception {
        Path file = dir.resolve("content.pdf");
        Files.write(file, pdf(1500));
        String wrong = sha256("something else".getBytes(StandardCharsets.UTF_8));
        long id = 900_000_000L + System.nanoTime() % 1_000_000;
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            try {
                store.save(id, wrong, file, 1500);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        })).isInstanceOf(EvidenceStoreException.class);
        assertThat(exists(S3TestServer.PREFIX + id + "-" + wrong)).isFalse();
    }

    @Test
    void theOfficesStoreCheckFindsOrphansAndMissingObjects() throws Exception {
        String measure = measure();
        byte[] kept = pdf(1200);
        long keptId = uploaded(measure, "保留.pdf", kept, null);
        byte[] lost = pdf(1300);
        long lostId = uploaded(measure, "丢失.pdf", lost, null);
        String lostKey = key(lostId, lost);
        s3.deleteObject(request -> request.bucket(bucket).key(lostKey));
        // what a process that died between put and commit leaves
        byte[] orphan = pdf(1400);
        String orphanKey = S3TestServer.PREFIX + "999999999-" + sha256(orphan);
        s3.putObject(request -> request.bucket(bucket).key(orphanKey), RequestBody.fromBytes(orphan));
        // outside the prefix: never the store's business
        s3.putObject(request -> request.bucket(bucket).key("other/1-x"), RequestBody.fromString("x"));

        HttpResponse<byte[]> refused = call("GET", "/api/evidence-store/check", "simingLiaison");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(refused.body()).get("errors").get(0).asText())
            .isEqualTo("只有整改专班和系统管理员可以核对佐证材料存储");

        HttpResponse<byte[]> checked = call("GET", "/api/evidence-store/check", "officer1");
        assertThat(checked.statusCode()).as(text(checked)).isEqualTo(200);
        JsonNode result = JSON.readTree(checked.body());
        assertThat(result.get("bucket").asText()).isEqualTo(bucket);
        assertThat(result.get("keyPrefix").asText()).isEqualTo("evidence/");
        assertThat(result.get("orphans").findValuesAsText("key")).containsExactly(orphanKey);
        assertThat(result.get("orphans").get(0).get("size").asLong()).isEqualTo(1400);
        assertThat(result.get("missing").findValuesAsText("id")).containsExactly(String.valueOf(lostId));
        assertThat(result.get("missing").get(0).get("name").asText()).isEqualTo("丢失.pdf");
        // every object but the orphan has its row; every row but the lost one its object
        assertThat(result.get("objects").asInt() - 1).isEqualTo(result.get("files").asInt() - 1);
        assertThat(result.get("recent").asInt()).isZero();
        assertThat(exists(key(keptId, kept))).isTrue();
        s3.deleteObject(request -> request.bucket(bucket).key(orphanKey));
    }

    @Test
    void theHealthShowsTheEvidenceStoreUp() throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(JSON.readTree(health.body()).path("components").path("evidenceStore").path("status").asText())
            .isEqualTo("UP");
    }
}
