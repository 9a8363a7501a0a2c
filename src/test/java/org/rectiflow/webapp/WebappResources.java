package org.rectiflow.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;

/**
 * The webapps' files as the tests read them: the project's own override (target/classes comes first on the
 * classpath and shadows the webjar) or the Camunda webjar's original, by classpath path.
 */
final class WebappResources {

    private WebappResources() {
    }

    /** The project's own file: fails when it is missing or comes from a jar. */
    static URL project(String path) {
        URL url = WebappResources.class.getClassLoader().getResource(path);
        assertThat(url).as(path).isNotNull();
        assertThat(url.getProtocol()).as("%s comes from the project, not from a jar", path).isEqualTo("file");
        return url;
    }

    /** The Camunda webjar's file, even where the project shadows it. */
    static URL webjar(String path) throws IOException {
        for (URL url : Collections.list(WebappResources.class.getClassLoader().getResources(path))) {
            if (url.toString().contains("camunda-webapp-webjar")) {
                return url;
            }
        }
        throw new AssertionError("not in the Camunda webjar: " + path);
    }

    /** The file's text (UTF-8), without the byte order mark some of the webjar's locale files begin with. */
    static String read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        }
    }
}
