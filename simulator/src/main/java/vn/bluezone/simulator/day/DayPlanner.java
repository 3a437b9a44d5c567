package vn.bluezone.simulator.day;

import java.util.Arrays;
import java.util.SplittableRandom;
import vn.bluezone.simulator.population.Population;
import vn.bluezone.simulator.util.IntList;
import vn.bluezone.simulator.util.Rand;

/**
 * One day of commune life. Everyone's plans are drawn first (from per-person hashes, whether or not they will be
 * allowed out, so that one person's quarantine does not reshuffle everyone else's day), then filtered by
 * quarantine and isolation, then each place is run through the {@link GatheringProcessor}:
 * homes; classes and workplaces (desks in small-world ring order); markets, eateries and the one-stop desk;
 * random encounters and cross-workplace meetings.
 */
public final class DayPlanner {
    public static final byte FREE = 0;
    public static final byte HOME_ONLY = 1;
    public static final byte AWAY = 2;

    private static final long PLAN = 0x506C616EL;
    private static final int SCHOOL_AM_FROM = Ticks.at(7, 0);
    private static final int SCHOOL_AM_TO = Ticks.at(11, 0);
    private static final int SCHOOL_PM_FROM = Ticks.at(13, 30);
    private static final int SCHOOL_PM_TO = Ticks.at(16, 30);
    private static final int WORK_AM_FROM = Ticks.at(7, 30);
    private static final int WORK_AM_TO = Ticks.at(11, 30);
    private static final int WORK_PM_FROM = Ticks.at(13, 0);
    private static final int WORK_PM_TO = Ticks.at(17, 0);

    private final Population pop;
    private final DayContext ctx;
    private final GatheringProcessor proc;
    private final PlaceLayouts layouts;
    private final double randomMeanPerDay;
    private final long[] away;
    private final IntList visitPerson = new IntList();
    private final IntList visitVenue = new IntList();
    private final IntList visitFrom = new IntList();
    private final IntList visitTo = new IntList();
    private final IntList visitKind = new IntList();
    private int[] members = new int[64];
    private long[] presence = new long[64 * Ticks.WORDS];

    public DayPlanner(Population pop, DayContext ctx, GatheringProcessor proc, double randomMeanPerDay) {
        this.pop = pop;
        this.ctx = ctx;
        this.proc = proc;
        this.layouts = new PlaceLayouts(pop, ctx.seed);
        this.randomMeanPerDay = randomMeanPerDay;
        this.away = new long[pop.size * Ticks.WORDS];
    }

    public static boolean schoolDay(int day) {
        return day % 7 < 5;
    }

    public static boolean workDay(int day) {
        return day % 7 < 6;
    }

    public void run(int day, byte[] status) {
        Arrays.fill(away, 0);
        visitPerson.clear();
        visitVenue.clear();
        visitFrom.clear();
        visitTo.clear();
        visitKind.clear();
        planVisits(day, status);
        runGroups(day, status);
        runVenues(day);
        runMeetings(day, status);
        runHomes(day, status);
    }

    private long h(int day, int person, int what) {
        return Rand.hash(ctx.seed ^ PLAN, day, person, what);
    }

    private void planVisits(int day, byte[] status) {
        for (int p = 0; p < pop.size; p++) {
            if (status[p] != FREE) {
                continue;
            }
            int age = pop.age[p];
            int hh = pop.household[p];
            if (pop.activity[p] == Population.SCHOOL && schoolDay(day)) {
                awayFor(p, SCHOOL_AM_FROM, SCHOOL_AM_TO);
                awayFor(p, SCHOOL_PM_FROM, SCHOOL_PM_TO);
            }
            boolean working = pop.activity[p] == Population.WORK && workDay(day);
            if (working) {
                awayFor(p, WORK_AM_FROM, WORK_AM_TO);
                awayFor(p, WORK_PM_FROM, WORK_PM_TO);
                if (Rand.uniform(h(day, p, 1)) < 0.3) {
                    visit(p, PlaceKind.EATERY, nearbyEatery(day, p, hh), WORK_AM_TO, WORK_AM_TO + 12);
                }
            }
            if (age >= 18 && Rand.uniform(h(day, p, 2)) < 0.2) {
                int from = Ticks.at(6, 0) + Rand.below(h(day, p, 3), 12);
                visit(p, PlaceKind.EATERY, nearbyEatery(day, p, hh), from, from + 3 + Rand.below(h(day, p, 4), 4));
            }
            if (age >= 18 && age < 65 && Rand.uniform(h(day, p, 5)) < 0.15) {
                int from = Ticks.at(19, 0) + Rand.below(h(day, p, 6), 24);
                visit(p, PlaceKind.EATERY, nearbyEatery(day, p, hh), from, from + 6 + Rand.below(h(day, p, 7), 12));
            }
            if (age >= 18 && day % 7 < 5 && Rand.uniform(h(day, p, 8)) < 0.01) {
                int from = Rand.uniform(h(day, p, 9)) < 0.6
                        ? Ticks.at(7, 30) + Rand.below(h(day, p, 10), 36)
                        : Ticks.at(13, 30) + Rand.below(h(day, p, 10), 30);
                visit(p, PlaceKind.DESK, pop.deskOf(hh), from, from + 3 + Rand.below(h(day, p, 11), 7));
            }
        }
        // Market: most households send one shopper in the morning (the wet market's busy hours).
        for (int hh = 0; hh < pop.households(); hh++) {
            int first = pop.householdStart[hh];
            int size = pop.householdStart[hh + 1] - first;
            if (Rand.uniform(Rand.hash(ctx.seed ^ PLAN, day, -1 - hh, 0)) >= 0.6) {
                continue;
            }
            int start = Rand.below(Rand.hash(ctx.seed ^ PLAN, day, -1 - hh, 1), size);
            for (int k = 0; k < size; k++) {
                int p = first + (start + k) % size;
                if (status[p] == FREE && pop.age[p] >= 15) {
                    int from = Ticks.at(5, 30) + Rand.below(Rand.hash(ctx.seed ^ PLAN, day, -1 - hh, 2), 42);
                    visit(p, PlaceKind.MARKET, pop.marketOf(hh), from,
                            from + 4 + Rand.below(Rand.hash(ctx.seed ^ PLAN, day, -1 - hh, 3), 9));
                    break;
                }
            }
        }
    }

    private int nearbyEatery(int day, int p, int hh) {
        int home = pop.eateryOf(hh);
        int shift = Rand.below(h(day, p, 12), 3) - 1;
        return Math.floorMod(home + shift, pop.eateries);
    }

    private void awayFor(int p, int from, int to) {
        Ticks.set(away, p * Ticks.WORDS, from, to);
    }

    private void visit(int p, PlaceKind kind, int venue, int from, int to) {
        to = Math.min(to, Ticks.PER_DAY);
        visitPerson.add(p);
        visitVenue.add(venue);
        visitFrom.add(from);
        visitTo.add(to);
        visitKind.add(kind.ordinal());
        awayFor(p, from, to);
    }

    private void runGroups(int day, byte[] status) {
        for (int g = 0; g < pop.groups(); g++) {
            boolean school = pop.groupIsSchool[g];
            if (school ? !schoolDay(day) : !workDay(day)) {
                continue;
            }
            int m = 0;
            int size = pop.groupSize(g);
            ensure(size);
            for (int k = pop.groupStart[g]; k < pop.groupStart[g + 1]; k++) {
                int p = pop.groupMembers[k];
                if (status[p] == FREE) {
                    members[m] = p;
                    int off = m * Ticks.WORDS;
                    Arrays.fill(presence, off, off + Ticks.WORDS, 0);
                    Ticks.set(presence, off, school ? SCHOOL_AM_FROM : WORK_AM_FROM, school ? SCHOOL_AM_TO : WORK_AM_TO);
                    Ticks.set(presence, off, school ? SCHOOL_PM_FROM : WORK_PM_FROM, school ? SCHOOL_PM_TO : WORK_PM_TO);
                    m++;
                }
            }
            PlaceKind kind = school ? PlaceKind.SCHOOL : PlaceKind.WORK;
            proc.run(kind.ordinal(), g, members, m, presence, 3, layouts.new DeskPositions(day, g, size, school));
        }
    }

    private void runVenues(int day) {
        int n = visitPerson.size();
        if (n == 0) {
            return;
        }
        // Group visits by (kind, venue) with a counting sort on a combined index.
        int kinds = PlaceKind.values().length;
        int maxVenue = Math.max(pop.markets, Math.max(pop.eateries, pop.desks));
        int buckets = kinds * maxVenue;
        int[] start = new int[buckets + 1];
        for (int i = 0; i < n; i++) {
            start[visitKind.get(i) * maxVenue + visitVenue.get(i) + 1]++;
        }
        for (int b = 0; b < buckets; b++) {
            start[b + 1] += start[b];
        }
        int[] fill = Arrays.copyOf(start, buckets);
        int[] sorted = new int[n];
        for (int i = 0; i < n; i++) {
            sorted[fill[visitKind.get(i) * maxVenue + visitVenue.get(i)]++] = i;
        }
        for (int b = 0; b < buckets; b++) {
            int m = start[b + 1] - start[b];
            if (m < 2) {
                continue;
            }
            ensure(m);
            int[] from = new int[m];
            int[] to = new int[m];
            for (int k = 0; k < m; k++) {
                int v = sorted[start[b] + k];
                members[k] = visitPerson.get(v);
                from[k] = visitFrom.get(v);
                to[k] = visitTo.get(v);
                int off = k * Ticks.WORDS;
                Arrays.fill(presence, off, off + Ticks.WORDS, 0);
                Ticks.set(presence, off, visitFrom.get(v), visitTo.get(v));
            }
            PlaceKind kind = PlaceKind.of(b / maxVenue);
            int venue = b % maxVenue;
            Positions pos = switch (kind) {
                case MARKET -> layouts.new MarketPositions(day, venue);
                case EATERY -> layouts.new EateryPositions(day, venue, from);
                default -> layouts.new DeskQueuePositions(day, venue);
            };
            if (ctx.venues != null) {
                ctx.venues.venue(day, kind, venue, members, from, to, m);
            }
            proc.run(kind.ordinal(), venue, members, m, presence, kind == PlaceKind.MARKET ? 1 : 2, pos);
        }
    }

    private void runMeetings(int day, byte[] status) {
        // Random encounters: a configuration model over stubs, each person bringing Poisson(mean * sociability).
        SplittableRandom r = new SplittableRandom(Rand.hash(ctx.seed, 0x52616E64L, day));
        IntList stubs = new IntList();
        for (int p = 0; p < pop.size; p++) {
            double mean = randomMeanPerDay * pop.sociability[p];
            int k = poisson(Rand.uniform(h(day, p, 13)), mean);
            for (int j = 0; j < k; j++) {
                stubs.add(p);
            }
        }
        int[] s = stubs.toArray();
        for (int i = s.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = s[i];
            s[i] = s[j];
            s[j] = t;
        }
        for (int i = 0; i + 1 < s.length; i += 2) {
            int a = s[i];
            int b = s[i + 1];
            long hm = Rand.hash(ctx.seed ^ PLAN, day, 0x4D656574L, i);
            if (a == b || status[a] != FREE || status[b] != FREE) {
                continue;
            }
            int from = Ticks.at(6, 0) + Rand.below(hm, Ticks.at(15, 0));
            int len = 1 + (int) Math.min(24, Math.exp(Math.log(3) + 0.9 * Rand.gaussian(Rand.mix(hm))));
            meeting(day, a, b, from, from + len, i);
        }
        // Cross-workplace ties of the small world: a meeting on some work days.
        if (workDay(day)) {
            for (int a = 0; a < pop.size; a++) {
                for (int e = pop.farStart[a]; e < pop.farStart[a + 1]; e++) {
                    int b = pop.farPartner[e];
                    if (b <= a || pop.group[a] == pop.group[b] || status[a] != FREE || status[b] != FREE) {
                        continue;
                    }
                    long hm = Rand.hash(ctx.seed ^ PLAN, day, PairDayTable.key(a, b));
                    if (Rand.uniform(hm) < 0.3) {
                        int from = WORK_AM_FROM + Rand.below(Rand.mix(hm), WORK_PM_TO - WORK_AM_FROM - 9);
                        meeting(day, a, b, from, from + 3 + Rand.below(Rand.mix(hm + 1), 7), -1 - e);
                    }
                }
            }
        }
    }

    private void meeting(int day, int a, int b, int from, int to, int id) {
        members[0] = a;
        members[1] = b;
        Arrays.fill(presence, 0, 2 * Ticks.WORDS, 0);
        Ticks.set(presence, 0, from, to);
        Ticks.set(presence, Ticks.WORDS, from, to);
        proc.run(PlaceKind.MEETING.ordinal(), id, members, 2, presence, 1, layouts.new MeetingPositions(day, id, from));
    }

    private void runHomes(int day, byte[] status) {
        for (int hh = 0; hh < pop.households(); hh++) {
            int first = pop.householdStart[hh];
            int size = pop.householdStart[hh + 1] - first;
            int m = 0;
            ensure(size);
            for (int p = first; p < first + size; p++) {
                if (status[p] == AWAY) {
                    continue;
                }
                members[m] = p;
                int off = m * Ticks.WORDS;
                for (int w = 0; w < Ticks.WORDS; w++) {
                    presence[off + w] = ~away[p * Ticks.WORDS + w];
                }
                // Bits past the last tick of the day are not ticks.
                presence[off + Ticks.WORDS - 1] &= (1L << (Ticks.PER_DAY - 64 * (Ticks.WORDS - 1))) - 1;
                m++;
            }
            proc.run(PlaceKind.HOME.ordinal(), hh, members, m, presence, 6, layouts.new HomePositions(day, hh));
        }
    }

    private void ensure(int m) {
        if (members.length < m) {
            members = new int[Integer.highestOneBit(m) * 2];
            presence = new long[members.length * Ticks.WORDS];
        }
    }

    private static int poisson(double u, double mean) {
        double p = Math.exp(-mean);
        double c = p;
        int k = 0;
        while (u > c && k < 200) {
            k++;
            p *= mean / k;
            c += p;
        }
        return k;
    }
}
