package vn.hoso.cases;

import java.time.OffsetDateTime;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import vn.hoso.events.CaseEventData;

/**
 * For benchmarks only: a switch in front of the case flow's events, so that rounds with the event pipeline and rounds
 * without it ("bare Camunda": the same BPMN, case tables and HTTP calls, but no event log, relay, Kafka or rollups)
 * run in one app. A test that wants it imports this class ({@code @Import(EventPublication.class)}: its bean
 * methods are read as a configuration's); the app itself has no such switch. Deliberately no {@code @Configuration}:
 * the dev run ({@code spring-boot:test-run}) scans the test classes too and must not pick it up.
 */
public class EventPublication {

    /** Passes the case flow's events on to the app's sink while on (the default), drops them while off. */
    static final class Switch implements CaseEventSink {

        private final CaseEventSink target;
        private volatile boolean on = true;

        Switch(CaseEventSink target) {
            this.target = target;
        }

        @Override
        public void append(OffsetDateTime time, CaseEventData event) {
            if (on) {
                target.append(time, event);
            }
        }
    }

    @Bean
    @Primary
    Switch caseEventPublicationSwitch(CaseEventSink.ToEventLog eventLog) {
        return new Switch(eventLog);
    }

    /** Switches the flow's event publication off or on (between rounds; the flow must have the switch). */
    public static void set(CaseFlow flow, boolean enabled) {
        if (!(flow.events instanceof Switch publication)) {
            throw new IllegalStateException("The case flow has no publication switch: @Import(EventPublication.class)");
        }
        publication.on = enabled;
    }

    /** Whether the flow writes its events: always without the switch, while it is on with it. */
    public static boolean enabled(CaseFlow flow) {
        return !(flow.events instanceof Switch publication) || publication.on;
    }
}
