package org.rectiflow.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A data source that, while {@link #explain} is on, runs each query it is asked for a second time as
 * {@code EXPLAIN (ANALYZE, BUFFERS)} with the same parameters and keeps the plan (PostgreSQL): the benchmark's
 * way to the plan of one repository method's statement, as the repository writes it.
 */
final class ExplainingDataSource extends DelegatingDataSource {

    volatile boolean explain;
    final List<String> plans = new ArrayList<>();

    ExplainingDataSource(DataSource target) {
        super(target);
    }

    @Override
    public Connection getConnection() throws java.sql.SQLException {
        Connection connection = super.getConnection();
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
                Object result = invoke(method, connection, args);
                if (method.getName().equals("prepareStatement") && args != null && args[0] instanceof String sql) {
                    return statement(connection, (PreparedStatement) result, sql);
                }
                return result;
            });
    }

    private PreparedStatement statement(Connection connection, PreparedStatement real, String sql) {
        List<Object[]> settings = new ArrayList<>();
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer) {
                settings.add(new Object[] {method, args});
            }
            if (method.getName().equals("executeQuery") && (args == null || args.length == 0) && explain) {
                try (PreparedStatement plan = connection.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
                    for (Object[] setting : settings) {
                        invoke((Method) setting[0], plan, (Object[]) setting[1]);
                    }
                    StringBuilder text = new StringBuilder(sql.strip()).append("\n\n");
                    try (ResultSet rs = plan.executeQuery()) {
                        while (rs.next()) {
                            text.append(rs.getString(1)).append('\n');
                        }
                    }
                    synchronized (plans) {
                        plans.add(text.toString());
                    }
                }
            }
            return invoke(method, real, args);
        };
        return (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {PreparedStatement.class}, handler);
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
