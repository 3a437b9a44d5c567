package vn.bluezone.server.statistics;

import java.time.LocalDate;

/** One day of a unit's trend: cumulative installs and the day's activity. */
public record TrendPoint(LocalDate day, long installs, long newInstalls, long active1d, long active7d,
                         long bluetoothOn, Double populationRate) {
}
