package org.rectiflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.rectiflow.support.WebTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The indexes the application adds to the engine's tables exist once it has started, and a second run finds them. */
class EngineIndexesTest extends WebTest {

    @Autowired DataSource dataSource;
    @Autowired ProcessEngineConfigurationImpl configuration;

    @Test
    void theTaskTableHasAnIndexOnTheParentTaskAfterTheStart() throws Exception {
        assertThat(indexedColumns("act_ru_task", "rf_idx_task_parent")).containsExactly("parent_task_id_");
    }

    @Test
    void theJobTableHasIndexesOnTheDueDateAndTheLockExpiryAfterTheStart() throws Exception {
        assertThat(indexedColumns("act_ru_job", "rf_idx_job_duedate")).containsExactly("duedate_");
        assertThat(indexedColumns("act_ru_job", "rf_idx_job_lock_exp")).containsExactly("lock_exp_time_");
    }

    @Test
    void aSecondStartFindsTheIndexesThereAndKeepsThem() throws Exception {
        configuration.getCommandExecutorSchemaOperations().execute(configuration.getSchemaOperationsCommand());

        assertThat(indexedColumns("act_ru_task", "rf_idx_task_parent")).containsExactly("parent_task_id_");
        assertThat(indexedColumns("act_ru_job", "rf_idx_job_duedate")).containsExactly("duedate_");
        assertThat(indexedColumns("act_ru_job", "rf_idx_job_lock_exp")).containsExactly("lock_exp_time_");
    }

    /** The columns of the named index of the table, lower case, as the database's metadata lists them. */
    private List<String> indexedColumns(String table, String index) throws Exception {
        List<String> columns = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            // H2 stores unquoted names in upper case, PostgreSQL in lower case
            String stored = meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
            try (ResultSet rows = meta.getIndexInfo(null, null, stored, false, false)) {
                while (rows.next()) {
                    if (index.equalsIgnoreCase(rows.getString("INDEX_NAME"))) {
                        columns.add(rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        return columns;
    }
}
