package io.deskpulse.ingestion.service;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads an NDJSON body line by line as bytes, holding one line at a time: a line longer than the limit is
 * skipped rather than buffered, so one bad line cannot exhaust the heap. Handles LF and CRLF endings.
 */
final class LineReader {

    static final int END = -1;
    static final int TOO_LONG = -2;

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] chunk = new byte[64 * 1024];
    private int position;
    private int limit;
    private byte[] line = new byte[8 * 1024];

    LineReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** Reads the next line into {@link #line()}: its length, {@link #TOO_LONG}, or {@link #END}. */
    int next() throws IOException {
        int length = 0;
        boolean tooLong = false;
        boolean readAny = false;
        while (true) {
            if (position == limit) {
                int n = in.read(chunk);
                if (n < 0) {
                    if (!readAny) {
                        return END;
                    }
                    break;
                }
                position = 0;
                limit = n;
            }
            readAny = true;
            int start = position;
            while (position < limit && chunk[position] != '\n') {
                position++;
            }
            int n = position - start;
            if (!tooLong && length + n > maxLineBytes) {
                tooLong = true;
            }
            if (!tooLong) {
                if (length + n > line.length) {
                    line = Arrays.copyOf(line, Math.min(maxLineBytes, Math.max(line.length * 2, length + n)));
                }
                System.arraycopy(chunk, start, line, length, n);
                length += n;
            }
            if (position < limit) {
                position++;
                break;
            }
        }
        if (tooLong) {
            return TOO_LONG;
        }
        return length > 0 && line[length - 1] == '\r' ? length - 1 : length;
    }

    byte[] line() {
        return line;
    }

    static boolean isBlank(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
