package vn.bluezone.server.statistics;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code bluezone.statistics.*}: where the console highlights an area. The 2020 campaign wrote to provinces under
 * 10% of population and aimed at 50% of smartphone users (../shared/data/README.md).
 *
 * @param floor     install rate against population under which a unit is flagged (0.10 = 10%)
 * @param target    install rate against smartphone users (subscribers when unknown) under which a unit is flagged
 * @param trendDays days shown in trend charts
 */
@ConfigurationProperties("bluezone.statistics")
public record StatisticsProperties(Double floor, Double target, Integer trendDays) {
    public StatisticsProperties {
        floor = floor == null ? 0.10 : floor;
        target = target == null ? 0.50 : target;
        trendDays = trendDays == null ? 42 : trendDays;
        if (floor < 0 || floor > 1 || target < 0 || target > 1) {
            throw new IllegalArgumentException("bluezone.statistics.floor and .target are fractions between 0 and 1");
        }
        if (trendDays < 2 || trendDays > 730) {
            throw new IllegalArgumentException("bluezone.statistics.trend-days must be between 2 and 730");
        }
    }
}
