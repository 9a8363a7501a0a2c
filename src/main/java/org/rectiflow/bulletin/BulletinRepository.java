package org.rectiflow.bulletin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.rectiflow.common.deadline.Ladder;
import org.rectiflow.common.deadline.Light;
import org.rectiflow.common.deadline.Outcome;
import org.rectiflow.common.deadline.Outcomes;
import org.rectiflow.inspection.RoundRepository.RoundStatus;
import org.rectiflow.measure.MeasureStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Progress bulletins and their lines in the ledger, and the measures they are compiled from. */
@Repository
public class BulletinRepository {

    /**
     * One measure of a round in rectification, with what a bulletin counts it by and sorts it by: its problem and
     * outcome for the figures ({@link Outcomes}), its status and deadline for its light.
     */
    public record MeasureState(String roundCode, String roundTitle, String unitCode, String unitName, int unitOrder,
                               String keyGroupCode, String keyGroupName, int keyGroupOrder, LocalDate deadline,
                               MeasureStatus status, long problemId, Outcome outcome) {

        /** The measure's light on a day, by the ladder's one rule. */
        public Light light(Ladder ladder, LocalDate today) {
            return ladder.light(status.isClosed(), deadline, today);
        }

        /** The measure as the figures count it on a day. */
        public Outcomes.Counted counted(Ladder ladder, LocalDate today) {
            return new Outcomes.Counted(problemId, light(ladder, today), outcome);
        }
    }

    /**
     * A compiled bulletin: its totals, and its measures by outcome (已完成整改, 基本完成、持续推进, 未完成; 0 in a
     * bulletin compiled before the outcomes, whose rectified count is its closed one).
     */
    public record Bulletin(long id, Timestamp compiledAt, LocalDate asOf, int measuresTotal, int measuresClosed,
                           int measuresOverdue, int measuresRectified, int measuresBasicallyDone,
                           int measuresNotDone) {

        /** The measures' completion rate as {@link Outcomes.Counts#completionRatePercent()} defines it. */
        public String completionRatePercent() {
            return new Outcomes.Counts(measuresTotal, measuresRectified, measuresBasicallyDone, measuresNotDone)
                .completionRatePercent();
        }
    }

    /** One line of a bulletin; {@code roundTitle} is read with it, not stored. */
    public record Line(String roundCode, String roundTitle, BulletinScope scope, String scopeCode, String scopeName,
                       int total, int closed, int openCount, int overdue, Light colour) {
    }

    private static final String SELECT_LINES = """
            SELECT l.round_code, r.title, l.scope, l.scope_code, l.scope_name, l.total, l.closed, l.open_count,
                   l.overdue, l.colour
            FROM bulletin_line l JOIN inspection_round r ON r.code = l.round_code""";

    private final JdbcClient jdbc;

    public BulletinRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String SELECT_MEASURES = """
            SELECT m.round_code, r.title, m.unit_code, u.name, u.sort_order, p.key_group_code, k.name,
                   k.sort_order, m.deadline, m.status, m.problem_id, m.outcome
            FROM measure m
            JOIN inspection_round r ON r.code = m.round_code
            JOIN problem p ON p.id = m.problem_id
            JOIN org_unit u ON u.code = m.unit_code
            JOIN org_key_group k ON k.code = p.key_group_code
            """;

    /** The measures of every round in rectification (status IN_RECTIFICATION). */
    public List<MeasureState> measuresInRectification() {
        return jdbc.sql(SELECT_MEASURES + " WHERE r.status = ? ORDER BY m.round_code, m.code")
            .param(RoundStatus.IN_RECTIFICATION.name()).query(this::measureState).list();
    }

    /** The measures of one round, whatever its status. */
    public List<MeasureState> measuresOfRound(String roundCode) {
        return jdbc.sql(SELECT_MEASURES + " WHERE m.round_code = ? ORDER BY m.code")
            .param(roundCode).query(this::measureState).list();
    }

    private MeasureState measureState(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new MeasureState(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
            rs.getString(6), rs.getString(7), rs.getInt(8), rs.getObject(9, LocalDate.class),
            MeasureStatus.valueOf(rs.getString(10)), rs.getLong(11), Outcome.valueOf(rs.getString(12)));
    }

    public long insertBulletin(Timestamp compiledAt, LocalDate asOf, Outcomes outcomes) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO progress_bulletin (compiled_at, as_of, measures_total, measures_closed, measures_overdue,
                                               measures_rectified, measures_basically_done, measures_not_done)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(compiledAt, asOf, outcomes.total(), outcomes.closed(), outcomes.overdue(),
                outcomes.measures().rectified(), outcomes.measures().basicallyDone(), outcomes.measures().notDone())
            .update(key, "id");
        return key.getKey().longValue();
    }

    public void insertLine(long bulletinId, Line line) {
        jdbc.sql("""
                INSERT INTO bulletin_line (bulletin_id, round_code, scope, scope_code, scope_name, total, closed,
                                           open_count, overdue, colour)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(bulletinId, line.roundCode(), line.scope().name(), line.scopeCode(), line.scopeName(),
                line.total(), line.closed(), line.openCount(), line.overdue(), line.colour().name())
            .update();
    }

    public Optional<Bulletin> find(long id) {
        return jdbc.sql("""
                SELECT id, compiled_at, as_of, measures_total, measures_closed, measures_overdue,
                       measures_rectified, measures_basically_done, measures_not_done
                FROM progress_bulletin WHERE id = ?""")
            .param(id)
            .query((rs, n) -> new Bulletin(rs.getLong(1), rs.getTimestamp(2), rs.getObject(3, LocalDate.class),
                rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9)))
            .optional();
    }

    public Bulletin require(long id) {
        return find(id).orElseThrow(() -> new IllegalStateException("No progress bulletin " + id + " in the ledger"));
    }

    /** A bulletin's lines in the order they were compiled. */
    public List<Line> lines(long bulletinId) {
        return jdbc.sql(SELECT_LINES + " WHERE l.bulletin_id = ? ORDER BY l.id").param(bulletinId)
            .query(this::line).list();
    }

    /** The lines of one round in a bulletin. */
    public List<Line> lines(long bulletinId, String roundCode) {
        return jdbc.sql(SELECT_LINES + " WHERE l.bulletin_id = ? AND l.round_code = ? ORDER BY l.id")
            .params(bulletinId, roundCode).query(this::line).list();
    }

    private Line line(ResultSet rs, int n) throws SQLException {
        return new Line(rs.getString(1), rs.getString(2), BulletinScope.valueOf(rs.getString(3)), rs.getString(4),
            rs.getString(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9),
            Light.valueOf(rs.getString(10)));
    }
}
