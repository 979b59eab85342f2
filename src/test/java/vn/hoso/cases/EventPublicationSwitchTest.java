package vn.hoso.cases;

import java.lang.reflect.Constructor;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import vn.hoso.events.CaseEventLog;
import vn.hoso.events.CaseEventData;
import vn.hoso.events.StepCompleted;
import vn.hoso.events.StepMode;
import vn.hoso.procedures.CaseKind;
import vn.hoso.units.Tier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static vn.hoso.cases.CaseModel.RECEIVE;

/** {@code hoso.events.publication-enabled}: on unless configured off; off, the case flow writes no event. */
@Tag("fast")
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
        flow.append(OffsetDateTime.now(), step(caseId));
        verify(log, never()).append(any(OffsetDateTime.class), any(CaseEventData.class));
        assertThat(flow.publicationEnabled()).isFalse();

        flow.setPublicationEnabled(true);
        flow.append(OffsetDateTime.now(), step(caseId));
        verify(log).append(any(OffsetDateTime.class), any(CaseEventData.class));
    }

    private static StepCompleted step(UUID caseId) {
        return new StepCompleted(caseId.toString(), RECEIVE, "t", "10507", Tier.COMMUNE, StepMode.ELECTRONIC,
                "officer.10507", OffsetDateTime.now(), CaseKind.PROCEDURE, "BIRTH_REG", null);
    }
}
