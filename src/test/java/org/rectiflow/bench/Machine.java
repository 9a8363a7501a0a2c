package org.rectiflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/** The machine the figures were measured on, for the report. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        return "Machine: " + cpu() + ", " + Runtime.getRuntime().availableProcessors() + " cores, " + memory()
            + "; Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + "), heap max "
            + Runtime.getRuntime().maxMemory() / 1048576 + " MB; PostgreSQL " + postgresVersion() + " on loopback; "
            + "H2 " + org.h2.engine.Constants.VERSION + " (file).";
    }

    private static String cpu() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static String memory() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .findFirst().map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1048576 + " GiB RAM").orElse("");
        } catch (IOException | NumberFormatException e) {
            return "";
        }
    }

    private static String postgresVersion() {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres",
            "postgres", ""); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1);
        } catch (Exception e) {
            return "(not reachable)";
        }
    }
}
