package io.deskpulse.scoring.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The one DNS lookup of a webhook delivery: its answer is both what is checked against the refused ranges and
 * where the connection goes, so a name that answers differently a moment later (DNS rebinding) cannot slip an
 * internal address past the check. A bean so that tests can answer differently on each lookup.
 */
@ApplicationScoped
public class WebhookResolver {

    public List<InetAddress> resolve(String host) throws UnknownHostException {
        return List.of(InetAddress.getAllByName(host));
    }
}
