package io.deskpulse.scoring.service;

/** The tenant already has as many report webhooks as it may: a 409. */
public class ReportWebhookLimitException extends RuntimeException {

    public ReportWebhookLimitException(String message) {
        super(message);
    }
}
