package org.rectiflow.engine;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

/**
 * On PostgreSQL, each of the application's connections turns the planner's JIT compilation off
 * ({@code SET jit = off} as the pool's connection-init SQL).
 * <p>
 * PostgreSQL compiles a query to machine code when its estimated cost passes {@code jit_above_cost}. The engine's
 * queries with an authorization check (a CASE of sub-queries per row: every task list, filter and count a user
 * asks for) are estimated far above it once a unit has thousands of tasks, and the compilation then took longer than
 * the query: at 100,000 open measures 106 of a unit's task list's 196 ms, and the unit's Tasklist filter went from 723
 * to 379 ms with JIT off (docs/benchmarks.md, tuning log). Nothing the application runs reads enough rows to gain from
 * it (the bottleneck figures too were faster without). A site that sets its own
 * {@code spring.datasource.hikari.connection-init-sql} keeps it, and then decides on JIT itself; a database
 * administrator may also set {@code ALTER DATABASE … SET jit = off}.
 */
@Component
public class PostgresJitOff implements BeanPostProcessor {

    static final String INIT_SQL = "SET jit = off";

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
            && pool.getJdbcUrl().startsWith("jdbc:postgresql:") && pool.getConnectionInitSql() == null) {
            pool.setConnectionInitSql(INIT_SQL);
        }
        return bean;
    }
}
