package io.deskpulse.faults;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A BI tool keeping a copy of the tickets by incremental export (docs/reporting-api.md, "Incremental export") all
 * through a phase: it follows the pages, upserts every row by ticket id, keeps the resume cursor and polls with it.
 * Whatever failed meanwhile, once the phase has settled its copy must equal the listing, row for row.
 */
final class TicketExporter implements AutoCloseable {

    private final Reports reports;
    private final String key;
    private final long intervalMillis;
    private final Map<String, ObjectNode> copy = new TreeMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private String resume;
    private long pages;

    TicketExporter(Reports reports, String key, long intervalMillis) {
        this.reports = reports;
        this.key = key;
        this.intervalMillis = intervalMillis;
        this.thread = new Thread(this::loop, "ticket-exporter");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            poll();
            try {
                Thread.sleep(intervalMillis);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * One poll: from the resume cursor (the first time, from the start) through every page; the rows are upserted. A
     * page that fails ends the poll where it is, without losing the place: the next poll asks for that page again.
     * Returns the rows served, or -1 when reporting did not answer.
     */
    synchronized int poll() {
        int served = 0;
        String cursor = resume;
        while (true) {
            Reports.ExportPage page = reports.exportPage(key, cursor);
            if (page == null) {
                return served == 0 ? -1 : served;
            }
            pages++;
            page.rows().forEach(row -> copy.put(row.path("ticket_id").asText(), row));
            served += page.rows().size();
            if (page.nextCursor() == null) {
                resume = page.resumeCursor();
                return served;
            }
            cursor = page.nextCursor();
            // a failure on a later page resumes from this one's cursor: nothing before it is served again
            resume = cursor;
        }
    }

    /** Stops polling in the background and polls until a poll serves nothing (the copy is as current as it gets). */
    List<ObjectNode> finish() throws InterruptedException {
        close();
        for (int i = 0; i < 100 && poll() != 0; i++) {
            Thread.sleep(200);
        }
        synchronized (this) {
            return new ArrayList<>(copy.values());
        }
    }

    synchronized long pages() {
        return pages;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(10_000);
    }
}
