package io.cairn.engine.journal;

/**
 * What {@link Journal#open} found.
 *
 * @param recordsReplayed records handed to the handler
 * @param bytesDropped bytes of a torn tail cut from the last segment, not counting the zeros that
 *     follow the data (preallocation); 0 when no record was lost
 * @param elapsedNs time spent reading, verifying and replaying
 * @param endPosition position where appending continues
 * @param replayStartPosition where replay began: the requested position, or the first segment's
 *     base when older segments had been deleted (greater than the requested position then, which a
 *     caller recovering from an old snapshot may want to treat as data loss)
 */
public record RecoveryReport(
    long recordsReplayed,
    long bytesDropped,
    long elapsedNs,
    long endPosition,
    long replayStartPosition) {}
