package org.rectiflow.report;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The public progress report's settings, from {@code rectiflow.report.*}.
 *
 * @param contact the contact lines at its end (telephone, address, post code, e-mail), none by default
 */
@ConfigurationProperties("rectiflow.report")
public record ReportProperties(List<String> contact) {

    public ReportProperties {
        contact = contact == null ? List.of() : List.copyOf(contact);
    }
}
