package org.rectiflow.lookback;

import java.sql.Timestamp;
import java.util.List;

import org.rectiflow.measure.MeasureStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The look-back sample and its findings. */
@Repository
public class LookBackRepository {

    public record Check(String measureCode, String finding, String findings, String checkedBy) {
    }

    private final JdbcClient jdbc;

    public LookBackRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A round's signed-off measures, by unit code: "unit|code" pairs in order. */
    public List<String[]> signedOff(String roundCode) {
        return jdbc.sql("SELECT unit_code, code FROM measure WHERE round_code = ? AND status = ? ORDER BY code")
            .params(roundCode, MeasureStatus.SIGNED_OFF.name()).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
    }

    public void insertSample(String roundCode, String measureCode, Timestamp at) {
        jdbc.sql("INSERT INTO look_back (round_code, measure_code, sampled_at) VALUES (?, ?, ?)")
            .params(roundCode, measureCode, at).update();
    }

    public List<String> sampled(String roundCode) {
        return jdbc.sql("SELECT measure_code FROM look_back WHERE round_code = ? ORDER BY measure_code")
            .param(roundCode).query(String.class).list();
    }

    public void recordCheck(String roundCode, String measureCode, String finding, String findings, String by,
                            Timestamp at) {
        jdbc.sql("""
                UPDATE look_back SET finding = ?, findings = ?, checked_by = ?, checked_at = ?
                WHERE round_code = ? AND measure_code = ?""")
            .params(finding, findings, by, at, roundCode, measureCode).update();
    }

    public List<Check> checks(String roundCode) {
        return jdbc.sql("""
                SELECT measure_code, finding, findings, checked_by FROM look_back WHERE round_code = ?
                ORDER BY measure_code""")
            .param(roundCode)
            .query((rs, n) -> new Check(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
    }
}
