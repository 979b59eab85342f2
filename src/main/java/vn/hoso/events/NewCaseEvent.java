package vn.hoso.events;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * An event to append to a case's log with {@link CaseEventLog#append}.
 *
 * @param caseId   the case (also the Kafka key and the CloudEvents {@code subject})
 * @param type     a {@link CaseEventTypes} constant (or another {@code vn.hoso.*} type)
 * @param unitCode the official code of the unit where it happened ({@code source} = {@code /units/{unitCode}})
 * @param time     business time of the event; stored at the business zone's offset, truncated to milliseconds
 * @param data     the payload: strings, integers, booleans, nulls, {@code LocalDate}s, times, enums, UUIDs, lists
 *                 and maps; never personal data of the applicant
 */
public record NewCaseEvent(String caseId, String type, String unitCode, OffsetDateTime time,
                           Map<String, Object> data) {
}
