/**
 * Security of the web layer: authentication of {@code /api}, request limits, the path firewall, security
 * headers, trusted proxies and the settings a production start refuses.
 */
package org.rectiflow.security;
