package org.rectiflow.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.support.SqlBinaryValue;
import org.springframework.stereotype.Repository;

/**
 * The default {@link EvidenceStore}: the content in the ledger's {@code evidence_content} table, streamed in from
 * the upload's temporary file, in the transaction that writes the file's row.
 */
@Repository
public class DatabaseEvidenceStore implements EvidenceStore {

    private final JdbcClient jdbc;

    public DatabaseEvidenceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(long id, Path content, long size) throws IOException {
        try (InputStream in = Files.newInputStream(content)) {
            jdbc.sql("INSERT INTO evidence_content (file_id, content) VALUES (?, ?)")
                .param(1, id)
                .param(2, new SqlBinaryValue(in, size))
                .update();
        }
    }

    @Override
    public InputStream open(long id) {
        return jdbc.sql("SELECT content FROM evidence_content WHERE file_id = ?").param(id)
            .query((rs, row) -> (InputStream) new ByteArrayInputStream(rs.getBytes(1))).optional()
            .orElseThrow(() -> new UncheckedIOException(new IOException("no content of evidence file " + id)));
    }

    @Override
    public void delete(long id) {
        jdbc.sql("DELETE FROM evidence_content WHERE file_id = ?").param(id).update();
    }
}
