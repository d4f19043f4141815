package io.deskpulse.scoring.repository;

import java.util.Comparator;

/** An agent of a tenant: the key of its day timelines ("" is the tenant's "no agent"). */
public record AgentRef(String tenantId, String agentId) implements Comparable<AgentRef> {

    private static final Comparator<AgentRef> ORDER =
            Comparator.comparing(AgentRef::tenantId).thenComparing(AgentRef::agentId);

    @Override
    public int compareTo(AgentRef other) {
        return ORDER.compare(this, other);
    }
}
