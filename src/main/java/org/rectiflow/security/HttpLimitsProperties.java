package org.rectiflow.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits of what a request may carry, from {@code rectiflow.http.*}.
 *
 * @param maxJsonBody the largest body that is not multipart (JSON, or anything else) on {@code /api},
 *                    {@code /engine-rest} and {@code /camunda/api}: 10MB by default, far above a round of a few
 *                    thousand measures. A larger body is refused with 413 before it is read: by its declared
 *                    {@code Content-Length}, or, sent in chunks, as soon as it grows past the limit
 * @param maxEngineMultipartBody the largest multipart body on {@code /engine-rest} and {@code /camunda/api}
 *                    (deployments, file variables, which the engine's REST API reads whole into memory): 13MB by
 *                    default. Its own setting, so that {@code spring.servlet.multipart.*}, raised for the evidence
 *                    files of {@code /api}, does not raise it
 */
@ConfigurationProperties("rectiflow.http")
public record HttpLimitsProperties(DataSize maxJsonBody, DataSize maxEngineMultipartBody) {

    /** Bodies sent in chunks are counted into a buffer of this size at most. */
    static final DataSize CEILING = DataSize.ofMegabytes(512);

    public HttpLimitsProperties {
        maxJsonBody = maxJsonBody == null ? DataSize.ofMegabytes(10) : maxJsonBody;
        if (maxJsonBody.toBytes() < 1 || maxJsonBody.compareTo(CEILING) > 0) {
            throw new IllegalArgumentException("rectiflow.http.max-json-body must lie between 1B and 512MB, not "
                + maxJsonBody);
        }
        maxEngineMultipartBody = maxEngineMultipartBody == null ? DataSize.ofMegabytes(13) : maxEngineMultipartBody;
        if (maxEngineMultipartBody.toBytes() < 1 || maxEngineMultipartBody.compareTo(CEILING) > 0) {
            throw new IllegalArgumentException("rectiflow.http.max-engine-multipart-body must lie between 1B and 512MB, "
                + "not " + maxEngineMultipartBody);
        }
    }
}
