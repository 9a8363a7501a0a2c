package org.rectiflow.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * One node starts at a time. Flyway migrates the ledger, Camunda creates its schema, deploys and creates the
 * administrator at start, and this application loads the organisation: none of that is safe when two nodes of
 * a new installation start at the same moment on one PostgreSQL database (both would create the same tables
 * and rows; two Flyway runs on an empty database race to baseline the history table). Before the ledger's
 * migration and before the engine is built, whichever Spring runs first, this bean takes a PostgreSQL session
 * advisory lock on a connection of its own and holds it until the application is ready (or has failed): a
 * second node waits, then finds everything in place. A node killed while starting loses its connection, and
 * PostgreSQL releases the lock. H2 (one node) needs no lock.
 */
@Component
public class ClusterStartupLock extends AbstractProcessEnginePlugin implements FlywayMigrationStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterStartupLock.class);
    /** The advisory lock's key: any constant that no other application on the database uses. */
    private static final long KEY = 0x5245435449464CL; // "RECTIFL"

    private final DataSource dataSource;
    private Connection holder;
    private boolean taken;

    public ClusterStartupLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The ledger's migration runs under the lock. */
    @Override
    public void migrate(Flyway flyway) {
        acquire();
        flyway.migrate();
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        acquire();
    }

    /** Takes the lock once per start; later calls (the engine after the migration) find it held. */
    private synchronized void acquire() {
        if (taken) {
            return;
        }
        taken = true;
        try {
            Connection connection = dataSource.getConnection();
            if (!connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
                connection.close();
                return;
            }
            connection.setAutoCommit(true);
            LOG.info("Waiting for the start-up lock (another node may be starting)");
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
                lock.setLong(1, KEY);
                lock.execute();
            }
            holder = connection;
            LOG.info("Start-up lock held");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot take the start-up lock: " + e.getMessage(), e);
        }
    }

    @EventListener({ApplicationReadyEvent.class, ApplicationFailedEvent.class, ContextClosedEvent.class})
    public synchronized void release() {
        if (holder == null) {
            return;
        }
        try (Connection connection = holder) {
            try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                unlock.setLong(1, KEY);
                unlock.execute();
            }
            LOG.info("Start-up lock released");
        } catch (SQLException e) {
            LOG.warn("Releasing the start-up lock failed (it goes with the connection): {}", e.getMessage());
        } finally {
            holder = null;
        }
    }
}
