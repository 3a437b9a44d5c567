package vn.bluezone.server.statistics;

import java.util.ArrayList;
import java.util.List;

/**
 * New installs in the last week and month against the period before, from a trend (oldest day first): "this week
 * 120, the week before 95". A period is left out when the trend does not cover it twice.
 */
public record PeriodComparison(int days, long current, long previous) {
    public long change() {
        return current - previous;
    }

    public static List<PeriodComparison> of(List<TrendPoint> trend) {
        List<PeriodComparison> out = new ArrayList<>();
        for (int days : new int[] {7, 30}) {
            if (trend.size() < 2 * days) {
                continue;
            }
            long current = 0;
            long previous = 0;
            for (int i = 0; i < days; i++) {
                current += trend.get(trend.size() - 1 - i).newInstalls();
                previous += trend.get(trend.size() - 1 - days - i).newInstalls();
            }
            out.add(new PeriodComparison(days, current, previous));
        }
        return out;
    }
}
