package vn.hoso.citizens;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code hoso.citizens.*}.
 *
 * @param publicBaseUrl   where citizens reach the app (the receipt's QR code and the messages link to
 *                        {@code {publicBaseUrl}/tra-cuu})
 * @param pinHashStrength bcrypt cost of the stored lookup PINs (each intake hashes one, each lookup checks one): 6
 *                        costs about 20 ms on a loaded 2-core machine (8: 76 ms), see docs/citizens.md
 * @param lookupLimit     failed lookups per client (a wrong code or PIN): over the limit, {@code 429}
 * @param messages        the messages to applicants
 * @param sms             the SMS/Zalo gateway; off while {@code url} is empty
 * @param digest          the officers' daily digest
 */
@Validated
@ConfigurationProperties("hoso.citizens")
public record CitizensProperties(@DefaultValue("http://localhost:8080") @NotNull URI publicBaseUrl,
                                 @DefaultValue("6") @Min(4) @Max(16) int pinHashStrength,
                                 @DefaultValue @Valid LookupLimit lookupLimit,
                                 @DefaultValue @Valid Messages messages,
                                 @DefaultValue @Valid Sms sms,
                                 @DefaultValue @Valid Digest digest) {

    /** As {@code hoso.login-limit}: {@code max-failures} within {@code window}, {@code tracked-clients} at most. */
    public record LookupLimit(@DefaultValue("20") @Min(1) int maxFailures,
                              @DefaultValue("5m") @NotNull Duration window,
                              @DefaultValue("100000") @Min(1) int trackedClients) {
    }

    /**
     * The messages to applicants ({@code hoso.citizens.messages.*}): read from {@code hoso.case-events} by the consumer
     * group {@code groupId} (when {@code enabled}), queued per event and channel, sent every {@code pollInterval};
     * a failed send is tried again after {@code initialBackoff}, doubling up to {@code maxBackoff}, and after
     * {@code maxAttempts} attempts it is dead-lettered (status {@code DEAD}, listed for administrators).
     *
     * @param mailFrom the sender of the e-mails
     */
    public record Messages(@DefaultValue("true") boolean enabled,
                         @DefaultValue("hoso-citizens-notify") @NotNull String groupId,
                         @DefaultValue("Hồ sơ một cửa <no-reply@hoso.local>") @NotNull String mailFrom,
                         @DefaultValue("8") @Min(1) int maxAttempts,
                         @DefaultValue("30s") @NotNull Duration initialBackoff,
                         @DefaultValue("1h") @NotNull Duration maxBackoff,
                         @DefaultValue("5s") @NotNull Duration pollInterval) {
    }

    /**
     * An SMS/Zalo gateway with the HTTP shape of Zalo's notification service (ZNS) template message: {@code POST url}
     * with header {@code access_token} and JSON {@code {phone, template_id, template_data, tracking_id}}; answered
     * {@code {"error": 0, ...}} on success. Off while {@code url} is empty.
     */
    public record Sms(@DefaultValue("") String url,
                      @DefaultValue("") String accessToken,
                      @DefaultValue("hoso-case-update") String templateId,
                      @DefaultValue("10s") @NotNull Duration timeout) {

        public boolean enabled() {
            return url != null && !url.isBlank();
        }
    }

    /**
     * The officers' daily digest ({@code hoso.citizens.digest.*}): at {@code cron} (business time zone), per unit, one
     * e-mail to the officers and leaders of the unit who have an e-mail address (their Camunda user profile), listing
     * the unit's open tasks whose case is due within {@code dueWithinDays} days (and, with {@code overdue}, those past
     * their appointment date), each with a link to the task in Tasklist. docs/citizens.md.
     *
     * @param dueWithinDays cases due from today to this many days ahead (1 = today and tomorrow)
     * @param overdue       also the cases already overdue
     * @param tasklistUrl   the Tasklist officers use; each task links to {@code {tasklistUrl}#/?task={taskId}}
     */
    public record Digest(@DefaultValue("true") boolean enabled,
                         @DefaultValue("0 0 7 * * MON-FRI") @NotNull String cron,
                         @DefaultValue("1") @Min(0) @Max(30) int dueWithinDays,
                         @DefaultValue("true") boolean overdue,
                         @DefaultValue("http://localhost:8080/camunda/app/tasklist/default/") @NotNull URI tasklistUrl) {
    }

    /** The public lookup page. */
    public String lookupPage() {
        String base = publicBaseUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/tra-cuu";
    }
}
