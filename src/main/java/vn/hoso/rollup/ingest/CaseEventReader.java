package vn.hoso.rollup.ingest;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import vn.hoso.events.CaseEventData;
import vn.hoso.events.CaseEventTypes;
import vn.hoso.events.OtherCaseEvent;
import vn.hoso.events.PublishedCaseEvent;
import vn.hoso.events.SegmentClosed;

/**
 * Reads a record of the case event topic for the read model. Poison ({@link PoisonRecordException}) is what is no
 * case event at all ({@link PublishedCaseEvent#parse}: not JSON, no UUID {@code id}, no {@code type} or
 * {@code subject}), a {@code segment.closed} without {@code unitCode}, a valid {@code tier}, a boolean
 * {@code processedOnline} or a {@code closedAt} (nor the event's {@code time}), and an event of a known type without a
 * {@code data} object. Events of unknown types are read ({@link OtherCaseEvent}); the writer counts them as ignored.
 */
final class CaseEventReader {

    /** Per known type, what its typed payload reads from an empty data object: every field null. */
    private static final Map<String, CaseEventData> EMPTY = new HashMap<>();

    static {
        for (String type : List.of(CaseEventTypes.RECEIVED, CaseEventTypes.STEP_COMPLETED, CaseEventTypes.TRANSFERRED,
                CaseEventTypes.SEGMENT_CLOSED, CaseEventTypes.RESOLVED, CaseEventTypes.SUPPLEMENTATION_REQUESTED,
                CaseEventTypes.DUE_DATE_CHANGED, CaseEventTypes.REFUSED, CaseEventTypes.OVERDUE_WARNING,
                CaseEventTypes.RETURNED_INCOMPLETE, CaseEventTypes.PAYMENT_REQUESTED,
                CaseEventTypes.SEGMENT_JUDGED)) {
            EMPTY.put(type, CaseEventData.parse(type, JsonNodeFactory.instance.objectNode()));
        }
    }

    private CaseEventReader() {
    }

    static PublishedCaseEvent read(ObjectMapper mapper, byte[] value) {
        PublishedCaseEvent event;
        try {
            event = PublishedCaseEvent.parse(mapper, value);
        } catch (PublishedCaseEvent.MalformedCaseEvent e) {
            throw new PoisonRecordException(e.getMessage());
        }
        if (event.data() instanceof SegmentClosed segment) {
            if (segment.unitCode() == null || segment.tier() == null) {
                throw new PoisonRecordException("segment.closed without unitCode or a valid tier");
            }
            if (segment.processedOnline() == null) {
                throw new PoisonRecordException("segment.closed without a boolean processedOnline");
            }
            if (closedAt(event, segment) == null) {
                throw new PoisonRecordException("segment.closed without closedAt");
            }
        } else if (!(event.data() instanceof OtherCaseEvent) && withoutDataObject(mapper, value, event)) {
            throw new PoisonRecordException(event.type() + " without a data object");
        }
        return event;
    }

    /** When the segment closed: its {@code closedAt}, else the event's {@code time}. */
    static OffsetDateTime closedAt(PublishedCaseEvent event, SegmentClosed segment) {
        return segment.closedAt() != null ? segment.closedAt() : event.time();
    }

    /**
     * The typed payload reads every field as null both from an empty object and from a missing or non-object
     * {@code data}; only the first is an event. Only such payloads (never one the workflow writes: its data always
     * names the case) are looked at again in the record.
     */
    private static boolean withoutDataObject(ObjectMapper mapper, byte[] value, PublishedCaseEvent event) {
        if (!event.data().equals(EMPTY.get(event.type()))) {
            return false;
        }
        try {
            JsonNode data = mapper.readTree(value).path("data");
            return !data.isObject();
        } catch (Exception e) {
            return true; // cannot happen: the record was just parsed
        }
    }
}
