package io.deskpulse.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What a run found; every list of problems is empty when the run passed. */
public final class FuzzResults {

    public long seed;
    public long requests;
    public long slowRequests;
    public long serverErrors;
    public long noAnswer;
    public long acceptedEvents;
    public long topicRecords;
    public long seconds;
    public Map<String, Map<Integer, Long>> byEndpoint;
    public Map<String, Map<Integer, Long>> byGenerator;
    public Map<String, Long> successfulWrites;
    /** 4xx answered before any application code (HTTP codec, router), by layer and status: not problem+json. */
    public Map<String, Long> beforeTheApplication;
    public Map<String, Long> rowsBefore;
    public Map<String, Long> rowsAfter;
    /** 5xx, 4xx that are not problem+json, requests that got no answer. */
    public List<String> findings = new ArrayList<>();
    /** Unhealthy services, records or rows that no successful request explains. */
    public List<String> failures = new ArrayList<>();
    public IsolationMatrix.Results isolation;

    public boolean passed() {
        return findings.isEmpty() && failures.isEmpty() && (isolation == null || isolation.violations.isEmpty());
    }
}
