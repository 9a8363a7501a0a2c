package org.rectiflow.common;

import java.net.InetAddress;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * This node's name among the nodes that share one database ({@code rectiflow.node-id}): the outbox dispatcher
 * writes it on the rows it claims. By default the host name and a random suffix, so that two processes on
 * one host, or a restarted one, never pass for each other.
 */
@Component
public class NodeId {

    private static final int MAX_LENGTH = 100;

    private final String value;

    public NodeId(@Value("${rectiflow.node-id:}") String configured) {
        if (configured == null || configured.isBlank()) {
            this.value = defaultId();
        } else if (configured.strip().length() > MAX_LENGTH) {
            throw new IllegalArgumentException("rectiflow.node-id must be at most " + MAX_LENGTH + " characters, not "
                + configured.strip().length());
        } else {
            this.value = configured.strip();
        }
    }

    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }

    private static String defaultId() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (Exception e) {
                host = "node";
            }
        }
        host = host.length() > 60 ? host.substring(0, 60) : host;
        byte[] suffix = new byte[4];
        ThreadLocalRandom.current().nextBytes(suffix);
        return host + "-" + HexFormat.of().formatHex(suffix);
    }
}
