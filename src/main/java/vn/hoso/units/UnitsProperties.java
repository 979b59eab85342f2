package vn.hoso.units;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code hoso.units.*}: how long {@link UnitDirectory} keeps its copy of the registry before reading it again. */
@ConfigurationProperties("hoso.units")
record UnitsProperties(@DefaultValue("PT10M") Duration cacheTtl) {
}
