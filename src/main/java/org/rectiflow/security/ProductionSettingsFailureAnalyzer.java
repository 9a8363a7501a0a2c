package org.rectiflow.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns missing production settings into Spring Boot's short "what went wrong, what to do" report. */
public class ProductionSettingsFailureAnalyzer
    extends AbstractFailureAnalyzer<ProductionSettings.MissingProductionSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure,
                                      ProductionSettings.MissingProductionSettingsException cause) {
        return new FailureAnalysis(
            "The prod profile is missing settings:\n  - " + String.join("\n  - ", cause.problems()),
            "Set them in the environment (see docs/operations.md, Production settings), or run without the prod profile "
                + "for the H2 demo.",
            cause);
    }
}
