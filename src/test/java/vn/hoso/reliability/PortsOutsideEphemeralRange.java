package vn.hoso.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Picks listening ports for servers the fault tests start later, from the ports the kernel never gives to outgoing
 * connections: those between {@value #LOWEST} and the first port of {@code ip_local_port_range}.
 */
record PortsOutsideEphemeralRange(int from, int toExclusive) {

    static final int LOWEST = 10_000;
    private static final Path RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int ATTEMPTS = 200;

    PortsOutsideEphemeralRange {
        if (from < 1 || toExclusive > 65_536 || toExclusive - from < 1) {
            throw new IllegalArgumentException("no ports in [" + from + ", " + toExclusive + ")");
        }
    }

    /** Below this machine's ephemeral range; Linux's default range (32768–60999) where /proc does not say. */
    static PortsOutsideEphemeralRange fromKernel() {
        int ephemeralLow = 32_768;
        try {
            if (Files.isReadable(RANGE)) {
                // Files.readString reads one byte of this /proc file (its size says 0); readAllLines reads it all.
                ephemeralLow = Integer.parseInt(Files.readAllLines(RANGE).get(0).trim().split("\\s+")[0]);
            }
        } catch (IOException | RuntimeException unreadable) {
            // keep Linux's default
        }
        return below(ephemeralLow);
    }

    static PortsOutsideEphemeralRange below(int ephemeralLow) {
        if (ephemeralLow - LOWEST < 1_000) {
            throw new IllegalStateException("the ephemeral range starts at " + ephemeralLow
                    + ": too few ports below it for the fault tests' servers");
        }
        return new PortsOutsideEphemeralRange(LOWEST, ephemeralLow);
    }

    /** A port of the range nobody listens on now (random start, so parallel JVMs rarely try the same one). */
    int free() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < ATTEMPTS; i++) {
            int port = random.nextInt(from, toExclusive);
            try (ServerSocket s = new ServerSocket(port)) {
                return s.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new UncheckedIOException(new IOException(
                "no free port in [" + from + ", " + toExclusive + ") after " + ATTEMPTS + " attempts"));
    }
}
