package vn.hoso.simulator;

import java.time.Instant;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import vn.hoso.platform.BusinessClock;
import vn.hoso.platform.Maintenance;

/**
 * Runs a simulation when the app has started (web server up, before it reports ready): the one asked for with
 * {@code hoso.simulator.run=true}, else the dev run's start-up history ({@code hoso.simulator.startup-history}).
 * Users are kept out ({@link Maintenance}) from before the web server accepts its first request until the simulation
 * is over: as a lifecycle bean it opens the window in the first phase of the context's start.
 */
@ConditionalOnSimulator
@Component
class SimulatorRunner implements ApplicationRunner, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SimulatorRunner.class);

    private final SimulatorProperties properties;
    private final Simulations simulations;
    private final BusinessClock clock;
    private final Maintenance maintenance;
    private final ConfigurableApplicationContext context;
    private volatile Maintenance.Window untilLoaded;
    private volatile boolean running;

    SimulatorRunner(SimulatorProperties properties, Simulations simulations, BusinessClock clock,
                    Maintenance maintenance, ConfigurableApplicationContext context) {
        this.properties = properties;
        this.simulations = simulations;
        this.clock = clock;
        this.maintenance = maintenance;
        this.context = context;
    }

    /** Before the web server starts: no user is served until {@link #run} is over, if it simulates anything. */
    @Override
    public void start() {
        if (properties.run() || properties.startupHistory()) {
            untilLoaded = maintenance.begin(Simulations.LOADING);
        }
        running = true;
    }

    @Override
    public int getPhase() {
        return Integer.MIN_VALUE; // before the web server's phase
    }

    @Override
    public void stop() {
        letUsersIn();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            simulate();
        } finally {
            letUsersIn();
        }
    }

    private void simulate() {
        Instant now = clock.instant();
        LocalDate today = clock.today();
        if (properties.run()) {
            int lastYear = today.getYear() - 1;
            LocalDate from = properties.from() != null ? properties.from() : LocalDate.of(lastYear, 1, 1);
            LocalDate to = properties.to() != null ? properties.to() : LocalDate.of(lastYear, 12, 31);
            simulations.simulate(new Scenario(from, to, properties.seed(), properties.cases(), properties.units(),
                    properties.onlineShare(), properties.lateShare()), now);
            if (properties.exitWhenDone()) {
                log.info("Simulation done; exiting (hoso.simulator.exit-when-done)");
                System.exit(SpringApplication.exit(context, () -> 0));
            }
        } else if (properties.startupHistory()) {
            LocalDate from = today.minusMonths(properties.startupMonths()).withDayOfMonth(1);
            log.info("Loading a simulated history for the dashboard ({} cases since {}; turn off with "
                    + "--hoso.simulator.startup-history=false); users get 503 until it has loaded",
                    properties.startupCases(), from);
            try {
                simulations.simulate(new Scenario(from, today.minusDays(1), properties.seed(),
                        properties.startupCases()), now);
            } catch (RuntimeException e) {
                log.error("The simulated start-up history could not be loaded; the app runs without it", e);
            }
        }
    }

    private void letUsersIn() {
        Maintenance.Window window = untilLoaded;
        untilLoaded = null;
        if (window != null) {
            window.close();
        }
    }
}
