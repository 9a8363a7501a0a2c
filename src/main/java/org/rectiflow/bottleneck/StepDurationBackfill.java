package org.rectiflow.bottleneck;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.migration.Context;
import org.rectiflow.ledger.EngineTables;
import org.rectiflow.ledger.LedgerJavaMigration;
import org.springframework.stereotype.Component;

/**
 * Ledger migration V22: the histogram of finished steps ({@code step_duration}, V21) filled from the history an
 * existing database holds (completed tasks, ended call activities), so that the figures of an upgraded site start
 * from its whole past. A new installation has no engine tables yet when the ledger migrates: nothing to do. A
 * Spring bean, so Spring Boot hands it to Flyway with the SQL migrations of {@code db/ledger}.
 */
@Component
public class StepDurationBackfill extends LedgerJavaMigration {

    public StepDurationBackfill() {
        super(22, "step durations from history");
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if (!EngineTables.exist(connection, "ACT_HI_TASKINST", "ACT_HI_ACTINST")) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(StepDurationRepository.REBUILD);
        }
    }
}
