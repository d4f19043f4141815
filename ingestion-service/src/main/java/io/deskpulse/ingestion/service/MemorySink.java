package io.deskpulse.ingestion.service;

import io.deskpulse.ingestion.messaging.OutgoingRecord;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Holds the records of a single-event or batch request, whose body is bounded by max-body-size anyway. */
final class MemorySink implements RecordSink {

    private final List<OutgoingRecord> records = new ArrayList<>();

    @Override
    public void append(OutgoingRecord record) {
        records.add(record);
    }

    @Override
    public long count() {
        return records.size();
    }

    @Override
    public Iterator<OutgoingRecord> records() {
        return records.iterator();
    }
}
