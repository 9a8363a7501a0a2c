package org.rectiflow.report;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The public progress report's defaults, from {@code rectiflow.report.*}. A round's office may write its own
 * contact lines and issuing body through its 登记工作记录 task; these apply where it has not.
 *
 * @param contact the contact lines at its end (telephone, address, post code, e-mail), none by default
 * @param issuer  the issuing body under it; empty for the inspected organisation of the round
 */
@ConfigurationProperties("rectiflow.report")
public record ReportProperties(List<String> contact, String issuer) {

    public ReportProperties {
        contact = contact == null ? List.of() : List.copyOf(contact);
        issuer = issuer == null || issuer.isBlank() ? null : issuer.strip();
    }
}
