package org.rectiflow.mechanism;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.rectiflow.identity.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The mechanisms of the ledger (mechanism, mechanism_measure: ledger V14) and what checking them reads. */
@Repository
public class MechanismRepository {

    /** A measure as a mechanism names it: its round and its unit. */
    public record MeasureRef(String code, String roundCode, String unitCode) {
    }

    /** A unit by its code and name. */
    public record UnitRef(String code, String name) {
    }

    private final JdbcClient jdbc;

    public MechanismRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean roundExists(String roundCode) {
        return jdbc.sql("SELECT COUNT(*) FROM inspection_round WHERE code = ?").param(roundCode)
            .query(Integer.class).single() > 0;
    }

    public Optional<MeasureRef> measure(String code) {
        return jdbc.sql("SELECT code, round_code, unit_code FROM measure WHERE code = ?").param(code)
            .query((rs, n) -> new MeasureRef(rs.getString(1), rs.getString(2), rs.getString(3))).optional();
    }

    /** A unit by its code, or else by its name. */
    public Optional<UnitRef> unit(String codeOrName) {
        return jdbc.sql("SELECT code, name FROM org_unit WHERE code = ? OR name = ? ORDER BY CASE WHEN code = ? THEN 0"
                + " ELSE 1 END")
            .params(codeOrName, codeOrName, codeOrName)
            .query((rs, n) -> new UnitRef(rs.getString(1), rs.getString(2))).list().stream().findFirst();
    }

    public long insert(String roundCode, String unitCode, String title, String docNumber, String issuer,
                       LocalDate issuedOn, MechanismRevision revision, MechanismSource source, String reportedWith,
                       List<String> measures, String recordedBy, Timestamp at) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO mechanism (round_code, unit_code, title, doc_number, issuer, issued_on, revision, source,
                    reported_with, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(roundCode, unitCode, title, docNumber, issuer, issuedOn, revision.name(), source.name(),
                reportedWith, recordedBy, at)
            .update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        for (String measure : measures) {
            jdbc.sql("INSERT INTO mechanism_measure (mechanism_id, measure_code) VALUES (?, ?)").params(id, measure)
                .update();
        }
        return id;
    }

    /**
     * Removes what a measure's report recorded (a rework's report replaces it), but the rows {@code kept} (those with
     * documents, moved to their new rows, then removed: {@link #delete}); returns how many.
     */
    public int deleteReportedWith(String measureCode, Collection<Long> kept) {
        String except = kept.isEmpty() ? "" : " AND id NOT IN (" + String.join(", ",
            kept.stream().map(id -> "?").toList()) + ")";
        List<Object> params = new ArrayList<>();
        params.add(measureCode);
        params.addAll(kept);
        jdbc.sql("DELETE FROM mechanism_measure WHERE mechanism_id IN (SELECT id FROM mechanism WHERE reported_with = ?"
            + except + ")").params(params).update();
        return jdbc.sql("DELETE FROM mechanism WHERE reported_with = ?" + except).params(params).update();
    }

    /** Removes one mechanism (its measures with it). */
    public void delete(long id) {
        jdbc.sql("DELETE FROM mechanism WHERE id = ?").param(id).update();
    }

    /** What a measure's report recorded, in the order entered. */
    public List<Mechanism> reportedWith(String measureCode) {
        return select("m.reported_with = ?", measureCode);
    }

    /** The round's mechanisms of the units in the scope, in the order recorded. */
    public List<Mechanism> ofRound(String roundCode, Scope scope) {
        return select("m.round_code = ?", roundCode).stream().filter(m -> scope.includes(m.unitCode())).toList();
    }

    private List<Mechanism> select(String where, String value) {
        Map<Long, List<String>> measures = new LinkedHashMap<>();
        jdbc.sql("SELECT mm.mechanism_id, mm.measure_code FROM mechanism_measure mm JOIN mechanism m ON m.id ="
                + " mm.mechanism_id WHERE " + where + " ORDER BY mm.mechanism_id, mm.measure_code")
            .param(value)
            .query(rs -> {
                measures.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2));
            });
        return jdbc.sql("""
                SELECT m.id, m.round_code, m.unit_code, u.name, m.title, m.doc_number, m.issuer, m.issued_on,
                       m.revision, m.source, m.reported_with, m.recorded_by, m.recorded_at
                FROM mechanism m JOIN org_unit u ON u.code = m.unit_code
                WHERE""" + " " + where + " ORDER BY m.id")
            .param(value)
            .query((rs, n) -> new Mechanism(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, LocalDate.class),
                MechanismRevision.valueOf(rs.getString(9)), MechanismSource.valueOf(rs.getString(10)),
                rs.getString(11), List.copyOf(measures.getOrDefault(rs.getLong(1), List.of())), rs.getString(12),
                rs.getTimestamp(13).toInstant()))
            .list();
    }
}
