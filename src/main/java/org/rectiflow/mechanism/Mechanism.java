package org.rectiflow.mechanism;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.rectiflow.common.EngineClock;

/**
 * A mechanism of the ledger (table mechanism, ledger V14).
 *
 * @param reportedWith the measure whose report recorded it (source REPORT), null for an import
 * @param measures     the codes of the measures it answers, in order
 */
public record Mechanism(long id, String roundCode, String unitCode, String unitName, String title, String docNumber,
                        String issuer, LocalDate issuedOn, MechanismRevision revision, MechanismSource source,
                        String reportedWith, List<String> measures, String recordedBy, Instant recordedAt) {

    /** One line of the reviewers' text: 《名称》（文号，发文机关，2021年5月10日印发，新建）. */
    public String line() {
        StringBuilder text = new StringBuilder("《").append(title).append("》（");
        if (docNumber != null) {
            text.append(docNumber).append("，");
        }
        return text.append(issuer).append("，").append(EngineClock.chinese(issuedOn)).append("印发，").append(revision.label()).append("）")
            .toString();
    }
}
