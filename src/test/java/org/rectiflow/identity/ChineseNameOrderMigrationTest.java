package org.rectiflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.env.MockEnvironment;

/**
 * Ledger migration V19 ({@link ChineseNameOrderMigration}): names stored the old way (first name 明, last name 王)
 * turn into the Chinese order (first name 王, last name 明) so the webapps show 王 明; Latin-script names and the
 * configured administrator stay; a new installation, whose engine tables do not exist yet, migrates without them.
 */
class ChineseNameOrderMigrationTest {

    private static Flyway flyway(DriverManagerDataSource dataSource, String target) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/ledger").table("ledger_schema_history")
            .javaMigrations(new ChineseNameOrderMigration(new MockEnvironment()
                .withProperty("camunda.bpm.admin-user.id", "admin")))
            .target(target).load();
    }

    @Test
    void swapsTheNamesOfPeopleWrittenInChineseCharacters() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:v19-upgrade;DB_CLOSE_DELAY=-1",
            "sa", "");
        JdbcClient jdbc = JdbcClient.create(dataSource);
        flyway(dataSource, "18").migrate();
        // the engine's user table as it stands before the upgrade (the columns V19 reads and writes)
        jdbc.sql("CREATE TABLE ACT_ID_USER (ID_ VARCHAR(64) PRIMARY KEY, REV_ INT, FIRST_ VARCHAR(255),"
            + " LAST_ VARCHAR(255), EMAIL_ VARCHAR(255))").update();
        for (String[] user : new String[][] {{"officer1", "明", "王"}, {"educationHead", "淑贞", "苏"},
            {"guest", "Demo", "Admin"}, {"admin", "系统", "管理员"}}) {
            jdbc.sql("INSERT INTO ACT_ID_USER (ID_, REV_, FIRST_, LAST_) VALUES (?, 1, ?, ?)")
                .params(user[0], user[1], user[2]).update();
            jdbc.sql("INSERT INTO org_user (user_id, display_name) VALUES (?, ?)").params(user[0], user[2] + user[1])
                .update();
        }

        flyway(dataSource, "19").migrate();

        assertThat(jdbc.sql("SELECT ID_ || ':' || FIRST_ || ':' || LAST_ FROM ACT_ID_USER ORDER BY ID_")
            .query(String.class).list()).containsExactly("admin:系统:管理员", "educationHead:苏:淑贞", "guest:Demo:Admin",
            "officer1:王:明");
        assertThat(jdbc.sql("SELECT user_id || ':' || display_name FROM org_user ORDER BY user_id")
            .query(String.class).list()).containsExactly("admin:系统管理员", "educationHead:苏淑贞", "guest:Demo Admin",
            "officer1:王明");
    }

    @Test
    void aNewInstallationHasNoEngineTablesYetAndMigratesAllTheSame() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:v19-new;DB_CLOSE_DELAY=-1",
            "sa", "");

        flyway(dataSource, "19").migrate();

        List<String> versions = JdbcClient.create(dataSource)
            .sql("SELECT \"version\" FROM \"ledger_schema_history\" WHERE \"success\" ORDER BY \"installed_rank\"")
            .query(String.class).list();
        assertThat(versions).endsWith("19");
    }
}
