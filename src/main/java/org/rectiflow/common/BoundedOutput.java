package org.rectiflow.common;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Passes bytes on up to a limit, then only counts them: an upload longer than the limit is known by its
 * {@link #written()} count without being stored (the round's workbook, the organisation's, an evidence file).
 */
public final class BoundedOutput extends OutputStream {

    private final OutputStream out;
    private final long limit;
    private long written;

    public BoundedOutput(OutputStream out, long limit) {
        this.out = out;
        this.limit = limit;
    }

    /** Every byte written, those beyond the limit included. */
    public long written() {
        return written;
    }

    @Override
    public void write(int b) throws IOException {
        if (++written <= limit) {
            out.write(b);
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        long room = Math.max(0, limit - written);
        written += length;
        if (room > 0) {
            out.write(bytes, offset, (int) Math.min(room, length));
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
