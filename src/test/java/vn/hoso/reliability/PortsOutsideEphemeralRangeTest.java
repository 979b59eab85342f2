package vn.hoso.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

class PortsOutsideEphemeralRangeTest {

    @Test
    void aPortIsBelowTheKernelsEphemeralRangeAndFree() throws IOException {
        int port = FaultInfrastructure.freePort();
        PortsOutsideEphemeralRange range = PortsOutsideEphemeralRange.fromKernel();

        assertThat(port).isGreaterThanOrEqualTo(PortsOutsideEphemeralRange.LOWEST).isLessThan(range.toExclusive());
        try (ServerSocket server = new ServerSocket(port)) {
            assertThat(server.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void aPortSomeoneListensOnIsNotGiven() throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            PortsOutsideEphemeralRange onlyThatPort = new PortsOutsideEphemeralRange(taken.getLocalPort(),
                    taken.getLocalPort() + 1);

            assertThatThrownBy(onlyThatPort::free).hasMessageContaining("no free port");
        }
    }

    @Test
    void aRangeStartingTooLowIsRefused() {
        assertThatThrownBy(() -> PortsOutsideEphemeralRange.below(10_500)).isInstanceOf(IllegalStateException.class);
        assertThat(PortsOutsideEphemeralRange.below(32_768).toExclusive()).isEqualTo(32_768);
    }
}
