package vn.bluezone.server.keys.verification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import vn.bluezone.server.TimeZoneProperties;
import vn.bluezone.server.accounts.Official;

/**
 * Per-day figures of verification codes, as the verification server gives its officers: for each day (Vietnam
 * time, by day of issue), officer and province, how many codes were issued, how many of them were claimed by a
 * phone and how many expired unused. Only codes the reader may manage are counted.
 */
@Component
public class CodeStatistics {
    private final VerificationService codes;
    private final Clock clock;
    private final ZoneId zone;

    public CodeStatistics(VerificationService codes, Clock clock, TimeZoneProperties time) {
        this.codes = codes;
        this.clock = clock;
        this.zone = time.timeZone();
    }

    /** One line of the table. */
    public record DayLine(LocalDate day, String officer, String region, int issued, int claimed, int expired) {
        public double claimedShare() {
            return issued == 0 ? 0 : (double) claimed / issued;
        }
    }

    /** The last {@code days} days (today included), newest day first, officers in name order. */
    public List<DayLine> lastDays(Official reader, int days) {
        int n = Math.max(1, Math.min(days, 90));
        LocalDate first = LocalDate.now(clock.withZone(zone)).minusDays(n - 1L);
        Instant from = first.atStartOfDay(zone).toInstant();
        record Key(LocalDate day, String officer, String region) {
        }
        Map<Key, int[]> counts = new TreeMap<>(Comparator.comparing(Key::day).reversed()
                .thenComparing(Key::officer).thenComparing(Key::region));
        for (VerificationService.CodeStatus c : codes.issuedSince(reader, from)) {
            Key k = new Key(LocalDate.ofInstant(c.issuedAt(), zone), c.issuedBy(), c.region());
            int[] v = counts.computeIfAbsent(k, x -> new int[3]);
            v[0]++;
            if ("CLAIMED".equals(c.status())) {
                v[1]++;
            } else if ("EXPIRED".equals(c.status())) {
                v[2]++;
            }
        }
        List<DayLine> lines = new ArrayList<>();
        counts.forEach((k, v) -> lines.add(new DayLine(k.day(), k.officer(), k.region(), v[0], v[1], v[2])));
        return lines;
    }
}
