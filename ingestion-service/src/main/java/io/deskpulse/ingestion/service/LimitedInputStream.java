package io.deskpulse.ingestion.service;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes read and refuses to go past a limit. Content-Length is checked before reading, but a
 * chunked body announces no length, so the count is what really enforces the limit.
 */
public final class LimitedInputStream extends FilterInputStream {

    private final long limit;
    private final String tooLargeDetail;
    private long count;

    public LimitedInputStream(InputStream in, long limit, String tooLargeDetail) {
        super(in);
        this.limit = limit;
        this.tooLargeDetail = tooLargeDetail;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        counted(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    public long count() {
        return count;
    }

    private void counted(long n) {
        count += n;
        if (count > limit) {
            throw new PayloadTooLargeException(tooLargeDetail);
        }
    }
}
