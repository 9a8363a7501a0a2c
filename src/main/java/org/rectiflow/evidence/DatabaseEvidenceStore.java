package org.rectiflow.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.support.SqlBinaryValue;
import org.springframework.stereotype.Repository;

/**
 * The default {@link EvidenceStore} ({@code rectiflow.evidence.store: database}): the content in the ledger's
 * {@code evidence_content} table, streamed in from the upload's temporary file, in the transaction that writes the
 * file's row. Read back through a temporary file: the row's stream is copied to it while the query runs and the
 * caller reads the file, which is removed when the stream is closed; nothing holds the whole content in the heap
 * (but PostgreSQL's driver, which hands over a {@code BYTEA} value whole: docs/evidence.md).
 */
@Repository
@ConditionalOnProperty(name = "rectiflow.evidence.store", havingValue = "database", matchIfMissing = true)
public class DatabaseEvidenceStore implements EvidenceStore {

    private final JdbcClient jdbc;

    public DatabaseEvidenceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(long id, String sha256, Path content, long size) throws IOException {
        try (InputStream in = Files.newInputStream(content)) {
            jdbc.sql("INSERT INTO evidence_content (file_id, content) VALUES (?, ?)")
                .param(1, id)
                .param(2, new SqlBinaryValue(in, size))
                .update();
        }
    }

    @Override
    public InputStream open(long id, String sha256) {
        Path temp = null;
        try {
            Path file = Files.createTempFile("rectiflow-evidence-", ".bin");
            temp = file;
            boolean found = jdbc.sql("SELECT content FROM evidence_content WHERE file_id = ?").param(id)
                .query((rs, row) -> {
                    try (InputStream in = rs.getBinaryStream(1)) {
                        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return Boolean.TRUE;
                }).optional().isPresent();
            if (!found) {
                throw new UncheckedIOException(new IOException("no content of evidence file " + id));
            }
            InputStream in = Files.newInputStream(file, StandardOpenOption.READ, StandardOpenOption.DELETE_ON_CLOSE);
            temp = null;
            return in;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    temp.toFile().deleteOnExit();
                }
            }
        }
    }

    @Override
    public void delete(long id, String sha256) {
        jdbc.sql("DELETE FROM evidence_content WHERE file_id = ?").param(id).update();
    }
}
