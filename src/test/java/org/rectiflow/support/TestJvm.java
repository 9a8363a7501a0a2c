package org.rectiflow.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

/** What a test needs to start the application in a JVM of its own: the test's classpath, a free loopback port. */
public final class TestJvm {

    private TestJvm() {
    }

    /**
     * The test's full classpath (Surefire runs the tests from a manifest-only jar), without empty entries: an empty
     * entry means the working directory, whose processes/ and forms/ would be deployed twice.
     */
    public static List<String> classPathEntries() {
        String surefire = System.getProperty("surefire.test.class.path");
        String path = surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
        return Arrays.stream(path.split(File.pathSeparator)).filter(entry -> !entry.isBlank()).toList();
    }

    /** A port free on this machine now. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
