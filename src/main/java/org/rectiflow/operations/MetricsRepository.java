package org.rectiflow.operations;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;

import org.rectiflow.common.deadline.Ladder;
import org.rectiflow.measure.MeasureStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ledger's counts behind {@link BusinessMetrics}' gauges, one COUNT each. "Open" is generated from
 * {@link MeasureStatus#CLOSED} and "past its deadline" is {@link Ladder#PAST_DEADLINE_SQL}, so that
 * {@link #OPEN_AND_OVERDUE} is the one SQL of "open and past its deadline", the same rule as {@link Ladder#light}.
 */
@Repository
public class MetricsRepository {

    private static final List<String> CLOSED = MeasureStatus.CLOSED.stream().map(Enum::name).sorted().toList();

    /** Not closed: {@code status NOT IN (?, …)}, the closed statuses as parameters. */
    static final String OPEN = "status NOT IN (" + String.join(", ", Collections.nCopies(CLOSED.size(), "?")) + ")";

    /** Open and past its deadline; the parameters are the closed statuses, then today. */
    static final String OPEN_AND_OVERDUE = OPEN + " AND " + Ladder.PAST_DEADLINE_SQL.formatted("deadline");

    private final JdbcClient jdbc;

    public MetricsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long measures(MeasureStatus status) {
        return count("SELECT COUNT(*) FROM measure WHERE status = ?", status.name());
    }

    public long openMeasures() {
        return count("SELECT COUNT(*) FROM measure WHERE " + OPEN, CLOSED.toArray());
    }

    public long overdueMeasures(LocalDate today) {
        Object[] params = new Object[CLOSED.size() + 1];
        System.arraycopy(CLOSED.toArray(), 0, params, 0, CLOSED.size());
        params[CLOSED.size()] = today;
        return count("SELECT COUNT(*) FROM measure WHERE " + OPEN_AND_OVERDUE, params);
    }

    public long notices(String step) {
        return count("SELECT COUNT(*) FROM supervision_notice WHERE step = ?", step);
    }

    public long notifications(String status) {
        return count("SELECT COUNT(*) FROM notification WHERE status = ?", status);
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
