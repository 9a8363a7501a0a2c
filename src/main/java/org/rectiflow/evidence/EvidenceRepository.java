package org.rectiflow.evidence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.rectiflow.common.EngineClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The evidence files' rows, and what they need of their subject's rows (measure, round, clue, look-back, mechanism). */
@Repository
public class EvidenceRepository {

    /** What access and binding need of a measure: its unit, its key group's lead unit, its running instance. */
    public record MeasureRef(String code, String unitCode, String leadUnitCode, String processInstanceId,
                             int reportCount) {
    }

    /** A unit's part of a round: the round's instance, how many plan submissions the office decided so far. */
    public record UnitPlanRef(String roundCode, String unitCode, String unitName, String roundProcessInstanceId,
                              int decided) {
    }

    /** A clue and its instance. */
    public record ClueRef(String code, String roundCode, String processInstanceId) {
    }

    /** A look-back check: the sampled measure (its unit and lead unit), the round's instance. */
    public record LookBackRef(long id, String roundCode, String measureCode, String unitCode, String leadUnitCode,
                              String roundProcessInstanceId) {
    }

    /** A mechanism: its unit, and the measures it answers (unit, lead unit, whether its problem's archive is final). */
    public record MechanismRef(long id, String roundCode, String unitCode, String title, List<AnsweredMeasure> measures) {
    }

    public record AnsweredMeasure(String code, String unitCode, String leadUnitCode, boolean archiveFinal) {
    }

    private static final String SELECT = """
        SELECT id, subject_kind, measure_code, file_name, description, size_bytes, content_type, sha256, uploaded_by,
               uploaded_at, report_no, reported_at
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

    /** Every file of every subject, by id (the object store's check compares its objects with them). */
    public List<EvidenceFile> all() {
        return jdbc.sql(SELECT + " ORDER BY id").query(this::file).list();
    }

    /** A unit's part of a round, when the unit has a measure in it. */
    public Optional<UnitPlanRef> unitPlan(String roundCode, String unitCode) {
        return jdbc.sql("""
                SELECT r.code, r.process_instance_id,
                       (SELECT COUNT(*) FROM unit_plan u WHERE u.round_code = r.code AND u.unit_code = ?),
                       (SELECT o.name FROM org_unit o WHERE o.code = ?)
                FROM inspection_round r
                WHERE r.code = ? AND EXISTS (SELECT 1 FROM measure m WHERE m.round_code = r.code AND m.unit_code = ?)""")
            .params(unitCode, unitCode, roundCode, unitCode)
            .query((rs, row) -> new UnitPlanRef(rs.getString(1), unitCode,
                rs.getString(4) == null ? "该单位" : rs.getString(4), rs.getString(2), rs.getInt(3)))
            .optional();
    }

    public Optional<ClueRef> clue(String code) {
        return jdbc.sql("SELECT code, round_code, process_instance_id FROM clue WHERE code = ?").param(code)
            .query((rs, row) -> new ClueRef(rs.getString(1), rs.getString(2), rs.getString(3))).optional();
    }

    public Optional<LookBackRef> lookBack(long id) {
        return jdbc.sql("""
                SELECT b.id, b.round_code, b.measure_code, m.unit_code, k.lead_unit_code, r.process_instance_id
                FROM look_back b JOIN measure m ON m.code = b.measure_code JOIN problem p ON p.id = m.problem_id
                     JOIN org_key_group k ON k.code = p.key_group_code JOIN inspection_round r ON r.code = b.round_code
                WHERE b.id = ?""")
            .param(id)
            .query((rs, row) -> new LookBackRef(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6)))
            .optional();
    }

    /** The look-back check of a sampled measure in a round. */
    public Optional<Long> lookBackId(String roundCode, String measureCode) {
        return jdbc.sql("SELECT id FROM look_back WHERE round_code = ? AND measure_code = ?")
            .params(roundCode, measureCode).query(Long.class).optional();
    }

    /** The round whose instance this is. */
    public Optional<String> roundOfInstance(String processInstanceId) {
        return jdbc.sql("SELECT code FROM inspection_round WHERE process_instance_id = ?").param(processInstanceId)
            .query(String.class).optional();
    }

    /** The clue whose instance this is. */
    public Optional<String> clueOfInstance(String processInstanceId) {
        return jdbc.sql("SELECT code FROM clue WHERE process_instance_id = ?").param(processInstanceId)
            .query(String.class).optional();
    }

    public Optional<MechanismRef> mechanism(long id) {
        record Head(String round, String unit, String title) {
        }
        Optional<Head> head = jdbc.sql("SELECT round_code, unit_code, title FROM mechanism WHERE id = ?").param(id)
            .query((rs, row) -> new Head(rs.getString(1), rs.getString(2), rs.getString(3))).optional();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        List<AnsweredMeasure> measures = jdbc.sql("""
                SELECT m.code, m.unit_code, k.lead_unit_code,
                       CASE WHEN EXISTS (SELECT 1 FROM problem_archive a WHERE a.problem_id = m.problem_id)
                            THEN 1 ELSE 0 END
                FROM mechanism_measure mm JOIN measure m ON m.code = mm.measure_code
                     JOIN problem p ON p.id = m.problem_id JOIN org_key_group k ON k.code = p.key_group_code
                WHERE mm.mechanism_id = ? ORDER BY m.code""")
            .param(id)
            .query((rs, row) -> new AnsweredMeasure(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getInt(4) == 1))
            .list();
        return Optional.of(new MechanismRef(id, head.get().round(), head.get().unit(), head.get().title(), measures));
    }

    /**
     * Locks the subject's own row (the measure, the round, the clue, the look-back check, the mechanism), so that two
     * uploads to one subject check its total one after the other.
     */
    public void lock(EvidenceSubject subject) {
        Keys keys = keys(subject);
        Filter owner;
        if (keys.measure() != null) {
            owner = new Filter("SELECT code FROM measure WHERE code = ?", List.of(keys.measure()));
        } else if (keys.round() != null) {
            owner = new Filter("SELECT code FROM inspection_round WHERE code = ?", List.of(keys.round()));
        } else if (keys.clue() != null) {
            owner = new Filter("SELECT code FROM clue WHERE code = ?", List.of(keys.clue()));
        } else if (keys.lookBack() != null) {
            owner = new Filter("SELECT id FROM look_back WHERE id = ?", List.of(keys.lookBack()));
        } else {
            owner = new Filter("SELECT id FROM mechanism WHERE id = ?", List.of(keys.mechanism()));
        }
        jdbc.sql(owner.sql() + " FOR UPDATE").params(owner.params()).query((rs, row) -> rs.getObject(1)).optional();
    }

    /** Inserts a file's row: a draft, or (when {@code reportNo} is given) bound at once. */
    public long insert(EvidenceSubject subject, String name, String description, long size, String type,
                       String sha256, String by, Timestamp at, Integer reportNo) {
        Keys k = keys(subject);
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO evidence_file (subject_kind, measure_code, round_code, unit_code, clue_code, look_back_id,
                    mechanism_id, file_name, description, size_bytes, content_type, sha256, uploaded_by, uploaded_at,
                    report_no, reported_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(subject.kind(), k.measure(), k.round(), k.unit(), k.clue(), k.lookBack(), k.mechanism(), name, description, size, type,
                sha256, by, at, reportNo, reportNo == null ? null : at)
            .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    /** The size of all files of the subject, drafts and bound. */
    public long totalSize(EvidenceSubject subject) {
        Filter f = filter(subject);
        return jdbc.sql("SELECT COALESCE(SUM(size_bytes), 0) FROM evidence_file WHERE " + f.sql()).params(f.params())
            .query(Long.class).single();
    }

    public List<EvidenceFile> ofSubject(EvidenceSubject subject) {
        Filter f = filter(subject);
        return jdbc.sql(SELECT + " WHERE " + f.sql() + " ORDER BY id").params(f.params()).query(this::file).list();
    }

    public Optional<EvidenceFile> find(EvidenceSubject subject, long id) {
        Filter f = filter(subject).and("id = ?", id);
        return jdbc.sql(SELECT + " WHERE " + f.sql()).params(f.params()).query(this::file).optional();
    }

    /** Binds the subject's drafts to its submission {@code reportNo}; returns how many. */
    public int bindDrafts(EvidenceSubject subject, int reportNo, Timestamp at) {
        Filter f = filter(subject).and("report_no IS NULL");
        List<Object> params = new ArrayList<>(List.of(reportNo, at));
        params.addAll(f.params());
        return jdbc.sql("UPDATE evidence_file SET report_no = ?, reported_at = ? WHERE " + f.sql()).params(params)
            .update();
    }

    public List<EvidenceFile> ofReport(EvidenceSubject subject, int reportNo) {
        Filter f = filter(subject).and("report_no = ?", reportNo);
        return jdbc.sql(SELECT + " WHERE " + f.sql() + " ORDER BY id").params(f.params()).query(this::file).list();
    }

    /** Removes a draft's row; false when it is no draft (bound meanwhile) or gone. */
    public boolean deleteDraft(EvidenceSubject subject, long id) {
        Filter f = filter(subject).and("id = ?", id).and("report_no IS NULL");
        return jdbc.sql("DELETE FROM evidence_file WHERE " + f.sql()).params(f.params()).update() == 1;
    }

    /** Removes a file's row whatever its state (a mechanism's document, before any of its problems is final). */
    public boolean delete(EvidenceSubject subject, long id) {
        Filter f = filter(subject).and("id = ?", id);
        return jdbc.sql("DELETE FROM evidence_file WHERE " + f.sql()).params(f.params()).update() == 1;
    }

    /**
     * What a measure's folder of the archive holds, bound files only: its reports' files, then its look-back checks'
     * (回头看), then the documents of the mechanisms that answer it (制度机制); each group in the order uploaded.
     */
    public List<EvidenceFile> archivedOfMeasure(String measureCode) {
        return jdbc.sql(SELECT + """
                 WHERE report_no IS NOT NULL AND (
                    (subject_kind = 'MEASURE_REPORT' AND measure_code = ?)
                    OR (subject_kind = 'LOOK_BACK' AND look_back_id IN (SELECT id FROM look_back WHERE measure_code = ?))
                    OR (subject_kind = 'MECHANISM'
                        AND mechanism_id IN (SELECT mechanism_id FROM mechanism_measure WHERE measure_code = ?)))
                ORDER BY CASE subject_kind WHEN 'MEASURE_REPORT' THEN 1 WHEN 'LOOK_BACK' THEN 2 ELSE 3 END, id""")
            .params(measureCode, measureCode, measureCode).query(this::file).list();
    }

    /** A unit plan's file with its unit. */
    public record UnitPlanFile(String unitCode, EvidenceFile file) {
    }

    /** The round's unit plans' submitted files, by unit and submission. */
    public List<UnitPlanFile> unitPlanFilesOfRound(String roundCode) {
        return jdbc.sql(SELECT.replace("SELECT id,", "SELECT unit_code, id,") + """
                 WHERE subject_kind = 'UNIT_PLAN' AND round_code = ? AND report_no IS NOT NULL
                ORDER BY unit_code, report_no, id""")
            .param(roundCode).query((rs, row) -> new UnitPlanFile(rs.getString("unit_code"), file(rs, row))).list();
    }

    /** The files of a mechanism, how many. */
    public int countOfMechanism(long mechanismId) {
        return jdbc.sql("SELECT COUNT(*) FROM evidence_file WHERE subject_kind = 'MECHANISM' AND mechanism_id = ?")
            .param(mechanismId).query(Integer.class).single();
    }

    /** Moves a mechanism's files to another (a rework's report records the mechanism again). */
    public int moveMechanismFiles(long from, long to) {
        return jdbc.sql("UPDATE evidence_file SET mechanism_id = ? WHERE subject_kind = 'MECHANISM' AND mechanism_id = ?")
            .params(to, from).update();
    }

    private record Filter(String sql, List<Object> params) {
        Filter and(String clause, Object... values) {
            List<Object> all = new ArrayList<>(params);
            all.addAll(List.of(values));
            return new Filter(sql + " AND " + clause, all);
        }
    }

    /** The key columns of a subject's rows; those not set are NULL (the table's CHECK says which are set). */
    private record Keys(String measure, String round, String unit, String clue, Long lookBack, Long mechanism) {
    }

    private static Keys keys(EvidenceSubject subject) {
        if (subject instanceof EvidenceSubject.MeasureReport m) {
            return new Keys(m.measureCode(), null, null, null, null, null);
        }
        if (subject instanceof EvidenceSubject.UnitPlan u) {
            return new Keys(null, u.roundCode(), u.unitCode(), null, null, null);
        }
        if (subject instanceof EvidenceSubject.ClueVerification c) {
            return new Keys(null, null, null, c.clueCode(), null, null);
        }
        if (subject instanceof EvidenceSubject.LookBack b) {
            return new Keys(null, null, null, null, b.id(), null);
        }
        return new Keys(null, null, null, null, null, ((EvidenceSubject.Mechanism) subject).id());
    }

    private static Filter filter(EvidenceSubject subject) {
        Keys k = keys(subject);
        Filter f = new Filter("subject_kind = ?", List.of(subject.kind()));
        String[] columns = {"measure_code", "round_code", "unit_code", "clue_code", "look_back_id", "mechanism_id"};
        Object[] values = {k.measure(), k.round(), k.unit(), k.clue(), k.lookBack(), k.mechanism()};
        for (int i = 0; i < columns.length; i++) {
            if (values[i] != null) {
                f = f.and(columns[i] + " = ?", values[i]);
            }
        }
        return f;
    }

    private EvidenceFile file(ResultSet rs, int row) throws SQLException {
        Timestamp reportedAt = rs.getTimestamp("reported_at");
        int reportNo = rs.getInt("report_no");
        boolean draft = rs.wasNull();
        return new EvidenceFile(rs.getLong("id"), rs.getString("subject_kind"), rs.getString("measure_code"),
            rs.getString("file_name"), rs.getString("description"), rs.getLong("size_bytes"),
            rs.getString("content_type"), rs.getString("sha256"), rs.getString("uploaded_by"),
            // the instant the Timestamp was written as (the JVM's zone), shown in the office's zone
            rs.getTimestamp("uploaded_at").toInstant().atZone(zone).toOffsetDateTime(),
            draft ? EvidenceFile.DRAFT : String.valueOf(reportNo),
            reportedAt == null ? null : reportedAt.toInstant().atZone(zone).toOffsetDateTime());
    }
}
