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
 * @param pinHashStrength bcrypt cost of the stored lookup PINs (each intake hashes one, each lookup checks one)
 * @param lookupLimit     failed lookups per client (a wrong code or PIN): over the limit, {@code 429}
 */
@Validated
@ConfigurationProperties("hoso.citizens")
public record CitizensProperties(@DefaultValue("http://localhost:8080") @NotNull URI publicBaseUrl,
                                 @DefaultValue("8") @Min(4) @Max(16) int pinHashStrength,
                                 @DefaultValue @Valid LookupLimit lookupLimit) {

    /** As {@code hoso.login-limit}: {@code max-failures} within {@code window}, {@code tracked-clients} at most. */
    public record LookupLimit(@DefaultValue("20") @Min(1) int maxFailures,
                              @DefaultValue("5m") @NotNull Duration window,
                              @DefaultValue("100000") @Min(1) int trackedClients) {
    }

    /** The public lookup page. */
    public String lookupPage() {
        String base = publicBaseUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/tra-cuu";
    }
}
