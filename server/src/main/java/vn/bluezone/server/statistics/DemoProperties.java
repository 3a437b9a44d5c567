package vn.bluezone.server.statistics;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code bluezone.demo.*}: the demo data set (on by default so that a fresh {@code ./bluezone start} shows a dashboard;
 * {@code --no-demo} or {@code bluezone.demo.enabled=false} starts empty).
 *
 * @param province GSO code of the province simulated (Thừa Thiên Huế; two digits)
 * @param commune  commune given villages (Xã Quảng Ngạn; five digits)
 * @param days     days of simulated history, ending today (1..730)
 */
@Validated
@ConfigurationProperties("bluezone.demo")
public record DemoProperties(@DefaultValue("true") boolean enabled,
                             @Pattern(regexp = "\\d{2}") @DefaultValue("46") String province,
                             @Pattern(regexp = "\\d{5}") @DefaultValue("19873") String commune,
                             @Min(1) @Max(730) @DefaultValue("42") int days) {
}
