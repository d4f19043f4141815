package io.deskpulse.reporting.repository;

/**
 * Reads a histogram column sent as text ({@code int[]::text}, e.g. {@code {3,1,7,2}}) into its (bin, count) pairs.
 * pgjdbc's own array reading boxes every element; a quarter of daily rows holds millions of them.
 */
final class HistogramText {

    private static final int[] EMPTY = new int[0];

    private HistogramText() {
    }

    static int[] parse(String text) {
        if (text == null || text.length() <= 2) {
            return EMPTY;
        }
        int n = 1;
        for (int i = 1; i < text.length() - 1; i++) {
            if (text.charAt(i) == ',') {
                n++;
            }
        }
        int[] values = new int[n];
        int v = 0;
        int value = 0;
        boolean negative = false;
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '}') {
                values[v++] = negative ? -value : value;
                value = 0;
                negative = false;
            } else if (c == '-') {
                negative = true;
            } else if (c >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
            } else {
                throw new IllegalStateException("not an integer array: " + text);
            }
        }
        if (v != n || text.charAt(0) != '{') {
            throw new IllegalStateException("not an integer array: " + text);
        }
        return values;
    }
}
