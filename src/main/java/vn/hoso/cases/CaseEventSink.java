package vn.hoso.cases;

import java.time.OffsetDateTime;

import org.springframework.stereotype.Component;
import vn.hoso.events.CaseEventData;
import vn.hoso.events.CaseEventLog;

/** Where the case flow writes the events of a case: in the app, the case event log ({@link ToEventLog}). */
@FunctionalInterface
interface CaseEventSink {

    void append(OffsetDateTime time, CaseEventData event);

    /** Appends to the event log, in the caller's (the engine's) transaction. */
    @Component
    final class ToEventLog implements CaseEventSink {

        private final CaseEventLog log;

        ToEventLog(CaseEventLog log) {
            this.log = log;
        }

        @Override
        public void append(OffsetDateTime time, CaseEventData event) {
            log.append(time, event);
        }
    }
}
