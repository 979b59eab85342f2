package vn.hoso.platform;

import java.time.Clock;
import java.time.ZoneId;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class PlatformConfiguration {

    /** Business time zone: dates of cases, deadlines and rollups are days in this zone. */
    @Bean
    ZoneId businessZone(PlatformProperties properties) {
        return properties.timeZone();
    }

    /** Wall-clock time for caches and timeouts; business time (case and event times) is {@link BusinessClock}. */
    @Bean
    Clock clock(ZoneId businessZone) {
        return Clock.system(businessZone);
    }

    @Bean
    BusinessClock businessClock(ZoneId businessZone) {
        return new BusinessClock(businessZone);
    }

    @Bean
    Maintenance maintenance(ApplicationEventPublisher events, ApplicationAvailability availability,
                            PlatformProperties properties) {
        return new Maintenance(events, availability, properties.maintenance().drainTimeout());
    }

    /** 503 for every request but the health probes while {@link Maintenance} keeps users out; first of all filters. */
    @Bean
    FilterRegistrationBean<MaintenanceGate> maintenanceGate(Maintenance maintenance, ObjectMapper objectMapper) {
        var registration = new FilterRegistrationBean<>(new MaintenanceGate(maintenance, objectMapper));
        registration.addUrlPatterns("/*");
        registration.setOrder(FilterOrder.MAINTENANCE_GATE);
        return registration;
    }

    /** PostgreSQL asked on a connection of its own (never the pool's); the readiness group's {@code database}. */
    @Bean
    DatabaseProbe database(ObjectProvider<JdbcConnectionDetails> connection, PlatformProperties properties,
                           Clock clock) {
        PlatformProperties.DatabaseSettings settings = properties.database();
        return new DatabaseProbe(connection::getObject, settings.probeTimeout(), settings.probeTtl(), clock);
    }

    /** 503 with Retry-After instead of 500 while the database is down (see DatabaseOutageFilter). */
    @Bean
    FilterRegistrationBean<DatabaseOutageFilter> databaseOutageFilter(DatabaseProbe probe, ObjectMapper objectMapper,
                                                                      PlatformProperties properties) {
        var registration = new FilterRegistrationBean<>(new DatabaseOutageFilter(probe, objectMapper,
                Math.max(1, properties.database().retryAfter().toSeconds())));
        registration.addUrlPatterns("/*");
        registration.setOrder(FilterOrder.DATABASE_OUTAGE);
        return registration;
    }

    /** Body size limits and a sane Accept header, before Spring Security and everything else (see RequestGuard). */
    @Bean
    FilterRegistrationBean<RequestGuard> requestGuard(ObjectMapper objectMapper, PlatformProperties properties) {
        PlatformProperties.Limits limits = properties.limits();
        var registration = new FilterRegistrationBean<>(
                new RequestGuard(objectMapper, limits.apiBody(), limits.engineBody(), limits.uploadBody()));
        registration.addUrlPatterns("/*");
        registration.setOrder(FilterOrder.REQUEST_GUARD);
        return registration;
    }

    /**
     * An encoded slash or backslash ({@code %2F}, {@code %5C}) in a path reaches Spring Security's firewall, which
     * refuses it (400 problem+json through the error controller) instead of Tomcat answering with its own HTML page.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashesToTheFirewall() {
        return factory -> factory.addConnectorCustomizers(connector -> {
            connector.setEncodedSolidusHandling("passthrough");
            connector.setEncodedReverseSolidusHandling("passthrough");
        });
    }

    /** What Tomcat refuses itself (a NUL in the path …) is answered as problem+json too, not Tomcat's HTML page. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof org.apache.catalina.core.StandardHost host) {
                for (org.apache.catalina.Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof org.apache.catalina.valves.ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                host.getPipeline().addValve(new ProblemErrorReportValve());
            }
        });
    }
}
