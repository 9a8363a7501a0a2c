/**
 * The look-back (回头看): a sample of signed-off measures checked for relapse some months later, a relapse
 * reopening the measure.
 */
package org.rectiflow.lookback;
