package io.deskpulse.ingestion.service;

import io.deskpulse.ingestion.messaging.OutgoingRecord;
import java.util.Iterator;

/** Where a request's normalised records wait until every event of it is known to be valid. */
interface RecordSink {

    void append(OutgoingRecord record);

    long count();

    /** The records in the order appended; call once, after the last append. */
    Iterator<OutgoingRecord> records();
}
