package io.deskpulse.reporting.domain;

/** One bad query parameter: its name and what is wrong with it, in words for the client. */
public record ParameterError(String field, String reason) {

    private static final int MAX_ECHO = 64;

    /** The client's value in quotes for a reason text, cut short so that an error never echoes a huge input. */
    public static String quote(String value) {
        return "'" + (value.length() <= MAX_ECHO ? value : value.substring(0, MAX_ECHO) + "...") + "'";
    }
}
