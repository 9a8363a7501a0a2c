package org.rectiflow.security;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;

/**
 * The user logged into the webapps (Camunda's session login), as an {@code /api} call without HTTP Basic sees it:
 * a script in the Tasklist calls {@code /api} with the session cookie. Camunda's own classes judge it, as the
 * webapps' filters do for {@code /camunda/api/*}:
 * <ul>
 * <li>the session's {@link Authentications} ({@code AuthenticationUtil}), refreshed when the login's cache time
 * ({@code camunda.bpm.webapp.auth.cache.*}, by default 5 minutes) has passed, exactly as the webapps' {@code
 * AuthenticationFilter} does: the groups are then the engine's again, and a deleted user's login is gone;</li>
 * <li>only the default engine's login counts (the application runs one engine);</li>
 * <li>an unsafe method (anything but GET, HEAD, OPTIONS) carries the session's CSRF token in {@code X-XSRF-TOKEN}, as
 * Camunda's {@code CsrfPreventionFilter} checks it (its constants; with a configured target origin, the Origin or
 * Referer must match it too); a refusal invalidates the session, as Camunda's does, and answers 403 in Chinese.</li>
 * </ul>
 */
final class WebappSession {

    static final String TOKEN_MISSING = "缺少请求头X-XSRF-TOKEN（Tasklist登录会话的防跨站令牌），请求已拒绝；请重新登录后再试";
    static final String TOKEN_WRONG = "请求头X-XSRF-TOKEN（Tasklist登录会话的防跨站令牌）不正确，请求已拒绝；请重新登录后再试";
    static final String ORIGIN_WRONG = "请求的来源（Origin或Referer）不是本系统的地址，请求已拒绝";

    private final ProcessEngine engine;
    /** Camunda's cache time of a login in milliseconds; null when the cache is off (a login then never refreshes). */
    private final Long cacheTimeToLive;
    /** Camunda's {@code camunda.bpm.webapp.csrf.target-origin}; null when not set. */
    private final URI targetOrigin;

    WebappSession(ProcessEngine engine, Long cacheTimeToLive, String targetOrigin) {
        this.engine = engine;
        this.cacheTimeToLive = cacheTimeToLive;
        this.targetOrigin = targetOrigin == null || targetOrigin.isBlank() ? null : URI.create(targetOrigin.strip());
    }

    /** The default engine's user of the request's session, when it has one that Camunda still holds valid. */
    Optional<UserAuthentication> user(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        if (cacheTimeToLive != null) {
            AuthenticationUtil.updateCache(authentications, session, cacheTimeToLive);
            AuthenticationUtil.updateSession(session, authentications);
        }
        Authentication authentication = authentications.getAuthenticationForProcessEngine(engine.getName());
        return authentication instanceof UserAuthentication user ? Optional.of(user) : Optional.empty();
    }

    /** Runs the call as the session's user: the engine's authorizations apply as for HTTP Basic. */
    void authenticate(UserAuthentication user) {
        engine.getIdentityService().setAuthentication(user.getIdentityId(),
            user.getGroupIds() == null ? List.of() : user.getGroupIds(),
            user.getTenantIds() == null ? List.of() : user.getTenantIds());
    }

    void clear() {
        engine.getIdentityService().clearAuthentication();
    }

    /**
     * True when the request may go on: a safe method, or an unsafe one with the session's token. Otherwise the
     * refusal is written (403) and the session invalidated, as Camunda's filter does.
     */
    boolean csrfHolds(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (CsrfConstants.CSRF_NON_MODIFYING_METHODS_PATTERN.matcher(request.getMethod()).matches()) {
            return true;
        }
        if (targetOrigin != null && !sameOrigin(request)) {
            return refuse(request, response, ORIGIN_WRONG);
        }
        String header = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
        if (header == null || header.isBlank()) {
            response.setHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME, CsrfConstants.CSRF_TOKEN_HEADER_REQUIRED);
            return refuse(request, response, TOKEN_MISSING);
        }
        HttpSession session = request.getSession(false);
        Object token = session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
        if (!(token instanceof String expected) || expected.isBlank() || !expected.equals(header)) {
            return refuse(request, response, TOKEN_WRONG);
        }
        return true;
    }

    private boolean sameOrigin(HttpServletRequest request) {
        String source = request.getHeader("Origin");
        if (source == null || source.isBlank()) {
            source = request.getHeader("Referer");
        }
        if (source == null || source.isBlank()) {
            return false;
        }
        try {
            URI uri = URI.create(source.strip());
            return targetOrigin.getScheme().equalsIgnoreCase(String.valueOf(uri.getScheme()))
                && targetOrigin.getHost().equalsIgnoreCase(String.valueOf(uri.getHost()))
                && port(targetOrigin) == port(uri);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static boolean refuse(HttpServletRequest request, HttpServletResponse response, String message)
        throws IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        JsonRefusal.write(response, HttpServletResponse.SC_FORBIDDEN, Map.of("message", message, "errors",
            List.of(message)));
        return false;
    }
}
