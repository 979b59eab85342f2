package vn.hoso.identity;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The administrator the app guarantees at start-up; from HOSO_ADMIN_USER / HOSO_ADMIN_PASSWORD in production. */
@Validated
@ConfigurationProperties("hoso.admin")
record AdminAccount(@NotBlank String user, @NotBlank String password) {
}
