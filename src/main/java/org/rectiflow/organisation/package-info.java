/**
 * The organisation's API: {@code /api/organisation} (read and change the units, key groups, role groups and
 * people, identity/OrganisationService; the same as a workbook, OrganisationWorkbook) and
 * {@code POST /api/measures/{code}/transfer} (转办, measure/MeasureTransfer), for the office and the administrators.
 * HTTP only; the rules live in those services.
 */
package org.rectiflow.organisation;
