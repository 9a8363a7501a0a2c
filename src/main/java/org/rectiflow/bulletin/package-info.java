/**
 * The weekly progress bulletin (进展通报), diagram {@code processes/progress-bulletin.bpmn}: every unit's and
 * key group's measures counted and given the one traffic light, compiled, stored and sent to the office.
 */
package org.rectiflow.bulletin;
