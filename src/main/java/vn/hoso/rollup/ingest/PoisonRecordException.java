package vn.hoso.rollup.ingest;

/** A record the read model cannot take: it goes to the DLT untried (see {@link CaseEventReader}). */
final class PoisonRecordException extends RuntimeException {

    PoisonRecordException(String message) {
        super(message);
    }
}
