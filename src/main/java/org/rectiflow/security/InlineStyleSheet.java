package org.rectiflow.security;

/**
 * An inline style sheet a page under {@code /api} carries, allowed by its hash in the Content-Security-Policy
 * ({@link SecurityHeadersFilter}). The feature that renders the page declares it as a bean, so that security
 * needs to know no feature.
 *
 * @param hash the CSP source, {@code 'sha256-…'}
 */
public record InlineStyleSheet(String hash) {
}
