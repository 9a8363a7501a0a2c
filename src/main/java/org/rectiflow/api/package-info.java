/**
 * What every {@code /api} endpoint shares: the JSON error body (a status, a Chinese message and, for bad input,
 * the path of each wrong field) and the OpenAPI description. Depends on no feature: features throw its
 * exceptions or their own, and it turns them into answers.
 */
package org.rectiflow.api;
