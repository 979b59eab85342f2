package vn.hoso.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The identity module's settings besides the administrator ({@link AdminAccount}) and the login limit
 * ({@link LoginLimitProperties}).
 *
 * @param demoAccounts {@code hoso.demo-accounts}: create the demo users (password {@code demo}) of every unit; only
 *                     the dev profile sets it
 */
@ConfigurationProperties("hoso")
record IdentityProperties(boolean demoAccounts) {
}
