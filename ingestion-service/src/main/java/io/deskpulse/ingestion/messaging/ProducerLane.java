package io.deskpulse.ingestion.messaging;

/**
 * Which of ingestion's producers a request's records go through. A request of many records goes through the batching
 * producer (it lingers to fill large batches). A request of a few records must not wait for such a linger: it is
 * sent at once while Kafka is not busy with other requests, and lingers 1 ms once enough requests are waiting, since
 * then others arrive within that millisecond and share its batch and produce request.
 */
enum ProducerLane {
    BATCHING, IMMEDIATE, GATHERING;

    /**
     * @param records the request's records
     * @param waiting the requests already waiting for Kafka, this one not counted
     * @param immediateMaxRecords requests of at most this many records are small; 0: none is
     * @param gatherFromWaiting small requests gather while at least this many wait; 0: they never do
     */
    static ProducerLane of(long records, int waiting, int immediateMaxRecords, int gatherFromWaiting) {
        if (records > immediateMaxRecords) {
            return BATCHING;
        }
        return gatherFromWaiting > 0 && waiting >= gatherFromWaiting ? GATHERING : IMMEDIATE;
    }
}
