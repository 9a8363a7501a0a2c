package org.rectiflow.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The proxies (load balancers) whose forwarding headers the application believes: {@code X-Forwarded-For},
 * {@code -Proto}, {@code -Host} and {@code -Port} are applied only to requests whose connection comes from one
 * of these addresses; from anyone else they are ignored, as is {@code Forwarded} always. Empty (the default):
 * nobody is trusted. The compose file names its load balancer ({@code RECTIFLOW_PROXY_TRUSTED}).
 *
 * @param trusted IPv4 addresses ({@code 172.28.0.10}), IPv4 networks ({@code 172.28.0.0/24}) or IPv6
 *                addresses; from the environment as one comma-separated value
 */
@ConfigurationProperties("rectiflow.proxy")
public record ProxyProperties(List<String> trusted) {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?:/(\\d{1,2}))?");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

    public ProxyProperties {
        trusted = trusted == null ? List.of()
            : trusted.stream().map(String::trim).filter(entry -> !entry.isEmpty()).toList();
        trusted.forEach(ProxyProperties::pattern);
    }

    /** One regular expression matching exactly the trusted addresses (as Tomcat writes a remote address). */
    public String addressPattern() {
        return String.join("|", trusted.stream().map(ProxyProperties::pattern).toList());
    }

    private static String pattern(String entry) {
        Matcher v4 = IPV4.matcher(entry);
        if (v4.matches()) {
            int bits = v4.group(5) == null ? 32 : Integer.parseInt(v4.group(5));
            if (bits > 32) {
                throw invalid(entry, "a network's prefix length is at most 32");
            }
            List<String> octets = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int value = Integer.parseInt(v4.group(i + 1));
                if (value > 255) {
                    throw invalid(entry, "an address's numbers are at most 255");
                }
                octets.add(octet(value, Math.max(0, Math.min(8, bits - 8 * i))));
            }
            return String.join("\\.", octets);
        }
        if (entry.contains(":") && IPV6.matcher(entry).matches()) {
            try {
                // a literal: no name lookup; Tomcat writes remote IPv6 addresses in this full form
                return Pattern.quote(InetAddress.getByName(entry).getHostAddress());
            } catch (UnknownHostException e) {
                throw invalid(entry, "not an IPv6 address");
            }
        }
        throw invalid(entry, "give IP addresses (172.28.0.10, 2001:db8::10) or IPv4 networks (172.28.0.0/24), "
            + "not host names");
    }

    /** The octet's values whose first {@code fixed} bits are those of {@code value}. */
    private static String octet(int value, int fixed) {
        if (fixed == 8) {
            return Integer.toString(value);
        }
        if (fixed == 0) {
            return "\\d{1,3}";
        }
        int mask = (0xff << (8 - fixed)) & 0xff;
        int first = value & mask;
        List<String> values = new ArrayList<>();
        for (int v = first; v <= first + (~mask & 0xff); v++) {
            values.add(Integer.toString(v));
        }
        return "(?:" + String.join("|", values) + ")";
    }

    private static IllegalArgumentException invalid(String entry, String why) {
        return new IllegalArgumentException("rectiflow.proxy.trusted: '" + entry + "': " + why);
    }
}
