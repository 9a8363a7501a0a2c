package org.rectiflow.security;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose body a filter has begun to read (or read whole): what it read is offered again, then whatever
 * the stream still holds, so the servlet behind it reads the body as it was sent.
 */
final class ReplayedBody extends HttpServletRequestWrapper {

    private final byte[] head;
    private ServletInputStream stream;

    ReplayedBody(HttpServletRequest request, byte[] head) {
        super(request);
        this.head = head;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (stream == null) {
            ServletInputStream rest = super.getInputStream();
            ByteArrayInputStream first = new ByteArrayInputStream(head);
            stream = new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    int b = first.read();
                    return b >= 0 ? b : rest.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    return first.available() > 0 ? first.read(buffer, offset, length) : rest.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return first.available() == 0 && rest.isFinished();
                }

                @Override
                public boolean isReady() {
                    return first.available() > 0 || rest.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    rest.setReadListener(listener);
                }
            };
        }
        return stream;
    }

    /** The body as text in the request's encoding, or UTF-8 where it names none or one Java does not know. */
    @Override
    public BufferedReader getReader() throws IOException {
        Charset charset;
        try {
            charset = getCharacterEncoding() == null ? StandardCharsets.UTF_8 : Charset.forName(getCharacterEncoding());
        } catch (IllegalArgumentException e) {
            charset = StandardCharsets.UTF_8;
        }
        return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }
}
