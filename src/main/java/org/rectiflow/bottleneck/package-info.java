/**
 * Bottlenecks (瓶颈): where the work waits, for how long, and who is late, computed from the engine's history and
 * runtime tables and the ledger, for Cockpit's bottleneck plugin ({@code app/cockpit/scripts/rectiflow/
 * bottlenecks.js}) through {@code GET /api/bottlenecks/…}. Read-only; nothing here writes.
 */
package org.rectiflow.bottleneck;
