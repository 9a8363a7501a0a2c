package org.rectiflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.zaxxer.hikari.HikariDataSource;

/** The pool of a PostgreSQL database turns JIT off on each connection; other pools and a site's own setting stay. */
class PostgresJitOffTest {

    private final PostgresJitOff settings = new PostgresJitOff();

    @Test
    void aPostgresPoolSetsJitOffOnEachNewConnection() {
        HikariDataSource pool = pool("jdbc:postgresql://127.0.0.1:5432/rectiflow", null);

        settings.postProcessBeforeInitialization(pool, "dataSource");

        assertThat(pool.getConnectionInitSql()).isEqualTo("SET jit = off");
    }

    @Test
    void anH2PoolIsLeftAsItIs() {
        HikariDataSource pool = pool("jdbc:h2:file:./data/rectiflow", null);

        settings.postProcessBeforeInitialization(pool, "dataSource");

        assertThat(pool.getConnectionInitSql()).isNull();
    }

    @Test
    void aSitesOwnConnectionInitSqlIsKept() {
        HikariDataSource pool = pool("jdbc:postgresql://db:5432/rectiflow", "SET statement_timeout = '30s'");

        settings.postProcessBeforeInitialization(pool, "dataSource");

        assertThat(pool.getConnectionInitSql()).isEqualTo("SET statement_timeout = '30s'");
    }

    private static HikariDataSource pool(String url, String initSql) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setConnectionInitSql(initSql);
        return pool;
    }
}
