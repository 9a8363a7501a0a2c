/**
 * Notifications: an outbox written in the same transaction as what caused it, delivered exactly once per key
 * by e-mail, webhook or log, with retries; message templates and recipients.
 */
package org.rectiflow.notification;
