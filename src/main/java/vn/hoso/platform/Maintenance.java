package vn.hoso.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Whether the app serves its users right now. Work that must not meet a user's request runs in a {@link Window} —
 * the simulator moves the engine's global clock into the past, so a user's step taken meanwhile would be recorded
 * with a simulated date. While a window is open, every request but the health probes is answered {@code 503} with
 * {@code Retry-After} ({@link MaintenanceGate}) and readiness is {@link ReadinessState#REFUSING_TRAFFIC}; liveness
 * is untouched. Opening the first window waits (at most {@code drainTimeout}) for the requests already being served
 * to finish, so none of them sees the work either.
 */
public class Maintenance {

    private static final Logger log = LoggerFactory.getLogger(Maintenance.class);

    /** Why users are kept out: the problem answer's detail (Vietnamese and English) and when to try again. */
    public record Reason(String detail, Duration retryAfter) {
        public Reason {
            Objects.requireNonNull(detail, "detail");
            if (retryAfter == null || retryAfter.isNegative() || retryAfter.isZero()) {
                throw new IllegalArgumentException("retryAfter must be positive");
            }
        }
    }

    /** An open maintenance window: closing it (once is enough) lets users in when no other window is open. */
    public interface Window extends AutoCloseable {
        @Override
        void close();
    }

    private final ApplicationEventPublisher events;
    private final ApplicationAvailability availability;
    private final Duration drainTimeout;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Object drained = new Object();
    private final List<Reason> open = new ArrayList<>(); // guarded by this
    private ReadinessState readinessBefore;             // guarded by this
    private volatile Reason current;                     // null: users are served

    public Maintenance(ApplicationEventPublisher events, ApplicationAvailability availability, Duration drainTimeout) {
        this.events = events;
        this.availability = availability;
        this.drainTimeout = drainTimeout;
    }

    /** Keeps users out until the window is closed; returns once the requests in flight have finished. */
    public Window begin(Reason reason) {
        Objects.requireNonNull(reason, "reason");
        synchronized (this) {
            if (open.isEmpty()) {
                readinessBefore = availability.getReadinessState();
                AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
                log.info("Not serving users (503, readiness REFUSING_TRAFFIC): {}", reason.detail());
            }
            open.add(reason);
            current = reason;
        }
        awaitRequestsInFlight();
        AtomicBoolean closed = new AtomicBoolean();
        return () -> {
            if (closed.compareAndSet(false, true)) {
                end(reason);
            }
        };
    }

    /** Why users are kept out now; empty while they are served. */
    public Optional<Reason> reason() {
        return Optional.ofNullable(current);
    }

    private synchronized void end(Reason reason) {
        for (int i = open.size() - 1; i >= 0; i--) {
            if (open.get(i) == reason) {
                open.remove(i);
                break;
            }
        }
        current = open.isEmpty() ? null : open.get(open.size() - 1);
        if (open.isEmpty()) {
            log.info("Serving users again");
            // at start-up readiness was not yet ACCEPTING_TRAFFIC: Spring Boot announces it once the app is ready
            if (readinessBefore == ReadinessState.ACCEPTING_TRAFFIC) {
                AvailabilityChangeEvent.publish(events, this, ReadinessState.ACCEPTING_TRAFFIC);
            }
        }
    }

    /** A user's request wants in: false when users are kept out, else it counts as in flight until {@link #leave}. */
    boolean enter() {
        inFlight.incrementAndGet();
        if (current != null) {
            leave();
            return false;
        }
        return true;
    }

    void leave() {
        if (inFlight.decrementAndGet() == 0) {
            synchronized (drained) {
                drained.notifyAll();
            }
        }
    }

    private void awaitRequestsInFlight() {
        long deadline = System.nanoTime() + drainTimeout.toNanos();
        synchronized (drained) {
            long left;
            while (inFlight.get() > 0 && (left = deadline - System.nanoTime()) > 0) {
                try {
                    drained.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        if (inFlight.get() > 0) {
            log.warn("{} user requests still running after {}; going on without them", inFlight.get(), drainTimeout);
        }
    }
}
