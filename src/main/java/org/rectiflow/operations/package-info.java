/**
 * What operators watch: the business metrics (measures by status, overdue, outbox backlog) for Prometheus.
 */
package org.rectiflow.operations;
