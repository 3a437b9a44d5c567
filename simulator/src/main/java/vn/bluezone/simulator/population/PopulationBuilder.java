package vn.bluezone.simulator.population;

import java.util.Arrays;
import java.util.SplittableRandom;
import vn.bluezone.simulator.util.IntList;

/** Builds a commune: households, ages, schools and workplaces (small-world networks), smartphones, venues. */
public final class PopulationBuilder {
    private final PopulationParameters p;

    public PopulationBuilder(PopulationParameters p) {
        this.p = p;
    }

    public Population build(int size, long seed) {
        if (size < 2) {
            throw new IllegalArgumentException("population must be at least 2");
        }
        SplittableRandom households = new SplittableRandom(seed ^ 0x486F757365L);
        SplittableRandom ages = households.split();
        SplittableRandom activities = households.split();
        SplittableRandom networks = households.split();
        SplittableRandom phones = households.split();

        IntList starts = new IntList();
        int n = 0;
        while (n < size) {
            starts.add(n);
            n += Math.min(size - n, drawHouseholdSize(households));
        }
        starts.add(size);
        int[] householdStart = starts.toArray();
        int hh = householdStart.length - 1;

        double[] otherShares = otherMemberShares();
        byte[] age = new byte[size];
        int[] household = new int[size];
        float[] homeSide = new float[hh];
        for (int h = 0; h < hh; h++) {
            int m = householdStart[h + 1] - householdStart[h];
            homeSide[h] = (float) Math.sqrt(Math.max(p.homeAreaMin(), p.homeAreaPerPerson() * m));
            for (int i = householdStart[h]; i < householdStart[h + 1]; i++) {
                household[i] = h;
                age[i] = (byte) (i == householdStart[h] ? drawAdultAge(ages) : drawAge(ages, otherShares));
            }
        }

        byte[] activity = new byte[size];
        IntList[] classesByAge = new IntList[18];
        IntList workers = new IntList();
        for (int i = 0; i < size; i++) {
            int a = age[i];
            double enrol = a >= 3 && a <= 5 ? p.enrol3to5() : a >= 6 && a <= 14 ? p.enrol6to14()
                    : a >= 15 && a <= 17 ? p.enrol15to17() : 0;
            if (enrol > 0 && activities.nextDouble() < enrol) {
                activity[i] = Population.SCHOOL;
                if (classesByAge[a] == null) {
                    classesByAge[a] = new IntList();
                }
                classesByAge[a].add(i);
            } else if (a >= 18 && a <= 64 && activities.nextDouble() < p.employment18to64()) {
                activity[i] = Population.WORK;
                workers.add(i);
            }
        }

        // Groups in ring (desk) order; classes per school year, workplaces of geometric size.
        IntList groupStarts = new IntList();
        IntList members = new IntList(size);
        IntList schoolFlags = new IntList();
        for (IntList cohort : classesByAge) {
            if (cohort == null) {
                continue;
            }
            int[] ids = shuffled(cohort.toArray(), networks);
            int classes = Math.max(1, (int) Math.ceil(ids.length / (double) p.classSize()));
            for (int c = 0; c < classes; c++) {
                groupStarts.add(members.size());
                schoolFlags.add(1);
                for (int k = c; k < ids.length; k += classes) {
                    members.add(ids[k]);
                }
            }
        }
        int[] w = shuffled(workers.toArray(), networks);
        double q = 1.0 / p.meanWorkplaceSize();
        for (int k = 0; k < w.length; ) {
            int s = 1 + (int) Math.floor(Math.log(1 - networks.nextDouble()) / Math.log(1 - q));
            s = Math.min(s, w.length - k);
            groupStarts.add(members.size());
            schoolFlags.add(0);
            for (int j = 0; j < s; j++) {
                members.add(w[k++]);
            }
        }
        groupStarts.add(members.size());
        int[] groupStart = groupStarts.toArray();
        int[] groupMembers = members.toArray();
        int groups = groupStart.length - 1;
        boolean[] groupIsSchool = new boolean[groups];
        int[] group = new int[size];
        int[] slot = new int[size];
        Arrays.fill(group, -1);
        for (int g = 0; g < groups; g++) {
            groupIsSchool[g] = schoolFlags.get(g) == 1;
            for (int k = groupStart[g]; k < groupStart[g + 1]; k++) {
                group[groupMembers[k]] = g;
                slot[groupMembers[k]] = k - groupStart[g];
            }
        }

        int[][] far = SmallWorld.rewiredEdges(groupStart, groupMembers, groupIsSchool, w, p.smallWorldK(),
                p.smallWorldP(), size, networks);

        boolean[] smartphone = new boolean[size];
        float[] sociability = new float[size];
        double alpha = p.randomParetoAlpha();
        double paretoMean = alpha / (alpha - 1);
        for (int i = 0; i < size; i++) {
            smartphone[i] = phones.nextDouble() < p.smartphoneByBand()[PopulationParameters.band(age[i])];
            double pareto = Math.pow(1 - phones.nextDouble(), -1 / alpha);
            sociability[i] = (float) Math.min(pareto / paretoMean, 50.0);
        }

        int markets = Math.max(1, Math.round(size / (float) p.peoplePerMarket()));
        int eateries = Math.max(1, Math.round(size / (float) p.peoplePerEatery()));
        int desks = Math.max(1, Math.round(size / (float) p.peoplePerDesk()));
        return new Population(size, age, household, householdStart, homeSide, activity, group, groupStart,
                groupMembers, slot, groupIsSchool, far[0], far[1], smartphone, sociability, markets, eateries, desks);
    }

    /**
     * A commune of exactly one household of adults who all own smartphones and stay out of school and work:
     * every contact any of them has is with the others (the isolated-household scenario of the tests).
     */
    public static Population isolatedHousehold(int members) {
        byte[] age = new byte[members];
        int[] household = new int[members];
        int[] group = new int[members];
        boolean[] phones = new boolean[members];
        float[] sociability = new float[members];
        for (int i = 0; i < members; i++) {
            age[i] = (byte) (30 + i);
            group[i] = -1;
            phones[i] = true;
            sociability[i] = 1f;
        }
        return new Population(members, age, household, new int[] {0, members}, new float[] {6f},
                new byte[members], group, new int[] {0}, new int[0], new int[members], new boolean[0],
                new int[members + 1], new int[0], phones, sociability, 1, 1, 1);
    }

    private int drawHouseholdSize(SplittableRandom r) {
        double[] weights = p.householdSizeWeights();
        double total = 0;
        for (double x : weights) {
            total += x;
        }
        double u = r.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return i + 1;
            }
        }
        return weights.length;
    }

    /**
     * Every household's first member is an adult (18+); the other members' age groups are drawn from shares chosen
     * so that the whole population still matches the census shares of 0-14, 15-64 and 65+.
     */
    private double[] otherMemberShares() {
        double f = 1 / p.meanHouseholdSize();
        double[] census = {p.share0to14(), p.share15to64(), 1 - p.share0to14() - p.share15to64()};
        double adults = p.share15to64() * 47 / 50 + census[2];
        double[] first = {0, p.share15to64() * 47 / 50 / adults, census[2] / adults};
        double[] other = new double[3];
        double sum = 0;
        for (int g = 0; g < 3; g++) {
            other[g] = Math.max(0, (census[g] - f * first[g]) / (1 - f));
            sum += other[g];
        }
        for (int g = 0; g < 3; g++) {
            other[g] /= sum;
        }
        return other;
    }

    private int drawAdultAge(SplittableRandom r) {
        double adults = p.share15to64() * 47 / 50 + (1 - p.share0to14() - p.share15to64());
        if (r.nextDouble() < p.share15to64() * 47 / 50 / adults) {
            return 18 + r.nextInt(47);
        }
        return over65(r);
    }

    private int drawAge(SplittableRandom r, double[] shares) {
        double u = r.nextDouble();
        if (u < shares[0]) {
            return r.nextInt(15);
        }
        if (u < shares[0] + shares[1]) {
            return 15 + r.nextInt(50);
        }
        return over65(r);
    }

    private int over65(SplittableRandom r) {
        return (int) Math.min(100, 65 + -p.over65MeanYears() * Math.log(1 - r.nextDouble()));
    }

    private static int[] shuffled(int[] a, SplittableRandom r) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }
}
