package vn.hoso.cases;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hoso.tasklist.*}.
 *
 * @param filterRefresh how often the shared Tasklist filters' fixed dates ("due soon", "overdue") are rewritten
 *                      ({@link TasklistFilters})
 */
@ConfigurationProperties("hoso.tasklist")
record TasklistProperties(@DefaultValue("5m") Duration filterRefresh) {
}
