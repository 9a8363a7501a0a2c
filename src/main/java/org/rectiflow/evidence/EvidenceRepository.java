package org.rectiflow.evidence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.rectiflow.common.EngineClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The evidence files' rows, and what they need of their measure's row. */
@Repository
public class EvidenceRepository {

    /** What access and binding need of a measure: its unit, its key group's lead unit, its running instance. */
    public record MeasureRef(String code, String unitCode, String leadUnitCode, String processInstanceId,
                             int reportCount) {
    }

    private static final String SELECT = """
        SELECT id, measure_code, file_name, description, size_bytes, content_type, sha256, uploaded_by, uploaded_at,
               report_no, reported_at
        FROM evidence_file""";

    private final JdbcClient jdbc;
    private final ZoneId zone;

    public EvidenceRepository(JdbcClient jdbc, EngineClock clock) {
        this.jdbc = jdbc;
        this.zone = clock.zone();
    }

    public Optional<MeasureRef> measure(String code) {
        return jdbc.sql("""
                SELECT m.code, m.unit_code, k.lead_unit_code, m.process_instance_id, m.report_count
                FROM measure m JOIN problem p ON p.id = m.problem_id JOIN org_key_group k ON k.code = p.key_group_code
                WHERE m.code = ?""")
            .param(code)
            .query((rs, row) -> new MeasureRef(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getInt(5)))
            .optional();
    }

    /** Locks the measure's row, so that two uploads of one measure check its total one after the other. */
    public void lockMeasure(String code) {
        jdbc.sql("SELECT code FROM measure WHERE code = ? FOR UPDATE").param(code).query(String.class).optional();
    }

    public long insert(String measureCode, String name, String description, long size, String type, String sha256,
                       String by, Timestamp at) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO evidence_file (measure_code, file_name, description, size_bytes, content_type, sha256,
                    uploaded_by, uploaded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(measureCode, name, description, size, type, sha256, by, at)
            .update(key, "id");
        return key.getKey().longValue();
    }

    public long totalSize(String measureCode) {
        return jdbc.sql("SELECT COALESCE(SUM(size_bytes), 0) FROM evidence_file WHERE measure_code = ?")
            .param(measureCode).query(Long.class).single();
    }

    public List<EvidenceFile> ofMeasure(String measureCode) {
        return jdbc.sql(SELECT + " WHERE measure_code = ? ORDER BY id").param(measureCode).query(this::file).list();
    }

    /** Every file of every measure, by id (the object store's check compares its objects with them). */
    public List<EvidenceFile> all() {
        return jdbc.sql(SELECT + " ORDER BY id").query(this::file).list();
    }

    public Optional<EvidenceFile> find(String measureCode, long id) {
        return jdbc.sql(SELECT + " WHERE measure_code = ? AND id = ?").params(measureCode, id).query(this::file)
            .optional();
    }

    /** Binds the measure's drafts to its report {@code reportNo}; returns how many. */
    public int bindDrafts(String measureCode, int reportNo, Timestamp at) {
        return jdbc.sql("UPDATE evidence_file SET report_no = ?, reported_at = ? WHERE measure_code = ? AND report_no IS NULL")
            .params(reportNo, at, measureCode).update();
    }

    public List<EvidenceFile> ofReport(String measureCode, int reportNo) {
        return jdbc.sql(SELECT + " WHERE measure_code = ? AND report_no = ? ORDER BY id").params(measureCode, reportNo)
            .query(this::file).list();
    }

    /** Removes a draft's row; false when it is no draft (bound meanwhile) or gone. */
    public boolean deleteDraft(String measureCode, long id) {
        return jdbc.sql("DELETE FROM evidence_file WHERE measure_code = ? AND id = ? AND report_no IS NULL")
            .params(measureCode, id).update() == 1;
    }

    private EvidenceFile file(ResultSet rs, int row) throws SQLException {
        Timestamp reportedAt = rs.getTimestamp("reported_at");
        int reportNo = rs.getInt("report_no");
        boolean draft = rs.wasNull();
        return new EvidenceFile(rs.getLong("id"), rs.getString("measure_code"), rs.getString("file_name"),
            rs.getString("description"), rs.getLong("size_bytes"), rs.getString("content_type"),
            rs.getString("sha256"), rs.getString("uploaded_by"),
            // the instant the Timestamp was written as (the JVM's zone), shown in the office's zone
            rs.getTimestamp("uploaded_at").toInstant().atZone(zone).toOffsetDateTime(),
            draft ? EvidenceFile.DRAFT : String.valueOf(reportNo),
            reportedAt == null ? null : reportedAt.toInstant().atZone(zone).toOffsetDateTime());
    }
}
