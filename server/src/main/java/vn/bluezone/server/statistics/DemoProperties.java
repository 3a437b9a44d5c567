package vn.bluezone.server.statistics;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code bluezone.demo.*}: the demo data set (on by default so that a fresh {@code ./bluezone start} shows a dashboard;
 * {@code --no-demo} or {@code bluezone.demo.enabled=false} starts empty).
 *
 * @param province GSO code of the province simulated (Thừa Thiên Huế)
 * @param commune  commune given villages (Xã Quảng Ngạn)
 * @param days     days of simulated history, ending today
 */
@ConfigurationProperties("bluezone.demo")
public record DemoProperties(Boolean enabled, String province, String commune, Integer days) {
    public DemoProperties {
        enabled = enabled == null || enabled;
        province = province == null ? "46" : province;
        commune = commune == null ? "19873" : commune;
        days = days == null ? 42 : days;
    }
}
