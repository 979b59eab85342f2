package vn.hoso.platform;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The platform's settings (README, "Configuration").
 *
 * @param timeZone    {@code hoso.time-zone}: the business time zone; dates of cases, deadlines and rollups are days
 *                    in this zone
 * @param limits      {@code hoso.limits.*}: request body limits ({@link RequestGuard})
 * @param maintenance {@code hoso.maintenance.*}: how users are kept out ({@link Maintenance})
 * @param database    {@code hoso.database.*}: how a database outage is noticed and answered ({@link DatabaseProbe},
 *                    {@link DatabaseOutageFilter})
 */
@ConfigurationProperties("hoso")
record PlatformProperties(@DefaultValue("Asia/Ho_Chi_Minh") ZoneId timeZone,
                          @DefaultValue Limits limits,
                          @DefaultValue MaintenanceSettings maintenance,
                          @DefaultValue DatabaseSettings database) {

    /**
     * @param apiBody    largest body on {@code /api/**} and the dashboard's API (413 over it)
     * @param engineBody largest body on {@code /engine-rest/**} and the web apps' API (BPMN/DMN uploads)
     * @param uploadBody largest {@code multipart/form-data} body of a document upload ({@code POST /api/cases},
     *                   {@code POST /api/cases/{id}/documents}); the documents module's own limits per file and per
     *                   case apply within it
     */
    record Limits(@DefaultValue("256KB") DataSize apiBody, @DefaultValue("5MB") DataSize engineBody,
                  @DefaultValue("110MB") DataSize uploadBody) {
    }

    /**
     * @param drainTimeout how long opening a maintenance window waits for the user requests in flight to finish
     */
    record MaintenanceSettings(@DefaultValue("30s") Duration drainTimeout) {
    }

    /**
     * @param probeTimeout how long the probe waits for PostgreSQL to connect and answer
     * @param probeTtl     how long a probe's answer is kept (a burst of failing requests costs one probe)
     * @param retryAfter   the {@code Retry-After} of the 503 answered during an outage
     */
    record DatabaseSettings(@DefaultValue("2s") Duration probeTimeout, @DefaultValue("1s") Duration probeTtl,
                            @DefaultValue("5s") Duration retryAfter) {
    }
}
