package vn.bluezone.server.statistics;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code bluezone.statistics.*}: where the console highlights an area. The 2020 campaign wrote to provinces under
 * 10% of population and aimed at 50% of smartphone users (../shared/data/README.md).
 *
 * @param floor     install rate against population under which a unit is flagged (0.10 = 10%; 0..1)
 * @param target    install rate against smartphone users (subscribers when unknown) under which a unit is flagged (0..1)
 * @param trendDays days shown in trend charts (2..730)
 * @param counterStripes counter rows per day of the country and of each province (1..64): a registration adds to one
 *                  of them, chosen at random, so concurrent registrations do not queue on one row lock; reads sum them
 */
@Validated
@ConfigurationProperties("bluezone.statistics")
public record StatisticsProperties(@DecimalMin("0") @DecimalMax("1") @DefaultValue("0.10") double floor,
                                   @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.50") double target,
                                   @Min(2) @Max(730) @DefaultValue("42") int trendDays,
                                   @Min(1) @Max(64) @DefaultValue("16") int counterStripes) {
}
