package org.rectiflow.security;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Only the office registers rounds ({@link org.rectiflow.identity.AccessPolicy#mayRegisterRounds}):
 * {@code POST /api/rounds} from anyone else is refused with 403 here, after the login and before anything reads
 * the body (Spring MVC reads a JSON body, and parses a multipart one, before the controller runs). The path is
 * the one the container decoded and normalised ({@code ..}, {@code //}, {@code ;…} already resolved), the path
 * Spring MVC maps.
 */
public class RoundImportAccessFilter extends OncePerRequestFilter {

    static final String ROUNDS = "/api/rounds";

    private final ApiUser user;

    public RoundImportAccessFilter(ApiUser user) {
        this.user = user;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
        if ("POST".equalsIgnoreCase(request.getMethod()) && isRounds(request) && !user.isOffice()) {
            String text = "只有整改专班（或系统管理员）可以登记巡察反馈";
            RequestBodyLimitFilter.closing(request, response);
            JsonRefusal.write(response, HttpServletResponse.SC_FORBIDDEN, Map.of("message", text + "，未作任何更改",
                "errors", List.of(text)));
            return;
        }
        chain.doFilter(request, response);
    }

    /** The rounds collection, with or without a trailing slash. */
    private static boolean isRounds(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path.equals(ROUNDS);
    }
}
