package vn.hoso.cases;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.hoso.events.CaseEventData;
import vn.hoso.events.CaseEventLog;
import vn.hoso.events.StepCompleted;
import vn.hoso.events.StepMode;
import vn.hoso.procedures.CaseKind;
import vn.hoso.units.Tier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static vn.hoso.cases.CaseModel.RECEIVE;

/**
 * The benchmarks' publication switch ({@link EventPublication}, test code only): without it the case flow always
 * writes its events; with it, on unless switched off, and off the case flow writes no event.
 */
@Tag("fast")
class EventPublicationSwitchTest {

    @Test
    void publicationIsOnByDefault() {
        CaseEventLog log = mock(CaseEventLog.class);
        CaseFlow app = new CaseFlow(null, new CaseEventSink.ToEventLog(log), null, null, null, null);
        assertThat(EventPublication.enabled(app)).isTrue();
        assertThatThrownBy(() -> EventPublication.set(app, false)).isInstanceOf(IllegalStateException.class);
        app.append(OffsetDateTime.now(), step(UUID.randomUUID()));
        verify(log).append(any(OffsetDateTime.class), any(CaseEventData.class));

        CaseFlow benchmark = new CaseFlow(null, new EventPublication.Switch(new CaseEventSink.ToEventLog(log)), null,
                null, null, null);
        assertThat(EventPublication.enabled(benchmark)).isTrue();
    }

    @Test
    void offTheFlowAppendsNothingAndOnItAppends() {
        CaseEventLog log = mock(CaseEventLog.class);
        CaseFlow flow = new CaseFlow(null, new EventPublication.Switch(new CaseEventSink.ToEventLog(log)), null, null, null, null);
        EventPublication.set(flow, false);
        UUID caseId = UUID.randomUUID();
        flow.append(OffsetDateTime.now(), step(caseId));
        verify(log, never()).append(any(OffsetDateTime.class), any(CaseEventData.class));
        assertThat(EventPublication.enabled(flow)).isFalse();

        EventPublication.set(flow, true);
        flow.append(OffsetDateTime.now(), step(caseId));
        verify(log).append(any(OffsetDateTime.class), any(CaseEventData.class));
    }

    private static StepCompleted step(UUID caseId) {
        return new StepCompleted(caseId.toString(), RECEIVE, "t", "10507", Tier.COMMUNE, StepMode.ELECTRONIC,
                "officer.10507", OffsetDateTime.now(), CaseKind.PROCEDURE, "BIRTH_REG", null);
    }
}
