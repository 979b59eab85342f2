package vn.hoso.cases;

import java.lang.reflect.Constructor;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import vn.hoso.events.CaseEventLog;
import vn.hoso.events.CaseEventTypes;
import vn.hoso.events.NewCaseEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/** {@code hoso.events.publication-enabled}: on unless configured off; off, the case flow writes no event. */
class EventPublicationSwitchTest {

    @Test
    void publicationIsOnByDefault() throws Exception {
        Constructor<?> constructor = CaseFlow.class.getDeclaredConstructors()[0];
        Value value = constructor.getParameters()[constructor.getParameterCount() - 1].getAnnotation(Value.class);
        assertThat(value.value()).isEqualTo("${hoso.events.publication-enabled:true}");
    }

    @Test
    void offTheFlowAppendsNothingAndOnItAppends() {
        CaseEventLog log = mock(CaseEventLog.class);
        CaseFlow flow = new CaseFlow(null, log, null, null, false);
        UUID caseId = UUID.randomUUID();
        flow.append(caseId, CaseEventTypes.STEP_COMPLETED, "10507", OffsetDateTime.now(), Map.of());
        verify(log, never()).append(any(NewCaseEvent.class));
        assertThat(flow.publicationEnabled()).isFalse();

        flow.setPublicationEnabled(true);
        flow.append(caseId, CaseEventTypes.STEP_COMPLETED, "10507", OffsetDateTime.now(), Map.of());
        verify(log).append(any(NewCaseEvent.class));
    }
}
