package org.rectiflow.security;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;

/** A filter's refusal: the status and a JSON body, in UTF-8, before anything behind the filter answers. */
final class JsonRefusal {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonRefusal() {
    }

    static void write(HttpServletResponse response, int status, Map<String, ?> body) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), body);
    }
}
