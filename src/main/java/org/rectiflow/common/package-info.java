/**
 * Small pieces every feature uses and that know no feature: the engine clock and the office's zone, form
 * values and their plain-text copies, delegate fields, spreadsheet styles, byte sizes.
 */
package org.rectiflow.common;
