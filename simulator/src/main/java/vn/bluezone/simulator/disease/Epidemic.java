package vn.bluezone.simulator.disease;

import java.util.Arrays;
import vn.bluezone.simulator.util.IntList;
import vn.bluezone.simulator.util.Rand;

/**
 * SEIR with presymptomatic and asymptomatic infectiousness, per person in primitive arrays. A person's natural
 * history (incubation, asymptomatic or not, test seeking...) is drawn from hashes of (seed, person), so it is the
 * same in every run with that seed, infected or not, early or late: runs differ only where tracing changed events.
 */
public final class Epidemic {
    public static final int NEVER = Integer.MAX_VALUE;
    public static final byte S = 0;
    public static final byte E = 1;
    public static final byte I = 2;
    public static final byte R = 3;
    private static final long DISEASE = 0x44697365L;

    private final DiseaseParameters p;
    private final long seed;
    public final int[] infectedAt;
    public final int[] source;
    private final IntList infected = new IntList();

    public Epidemic(DiseaseParameters p, long seed, int people) {
        this.p = p;
        this.seed = seed;
        this.infectedAt = new int[people];
        this.source = new int[people];
        Arrays.fill(infectedAt, NEVER);
        Arrays.fill(source, -1);
    }

    public DiseaseParameters parameters() {
        return p;
    }

    private long h(int person, int what) {
        return Rand.hash(seed ^ DISEASE, person, what);
    }

    public boolean asymptomatic(int person) {
        return Rand.uniform(h(person, 1)) < p.asymptomaticFraction();
    }

    public double incubationDays(int person) {
        return Math.exp(p.incubationMeanlog() + p.incubationSdlog() * Rand.gaussian(h(person, 2)));
    }

    /** Days from infection until a PCR test can detect the infection (He et al.: about 2.3 days before onset). */
    public double latentDays(int person) {
        return Math.max(p.latentMinDays(), incubationDays(person) - p.presymptomaticDays());
    }

    /**
     * Days from infection until the person is no longer ill nor detectable: 10 days after onset, and never before
     * the infectiousness curve has ended.
     */
    public double infectiousEndDays(int person) {
        return Math.max(incubationDays(person) + p.infectiousDaysAfterOnset(), p.infectiousnessEndDays());
    }

    public boolean seeksTest(int person) {
        return Rand.uniform(h(person, 3)) < p.testSeekProbability();
    }

    public double testDelayDays(int person) {
        return Rand.exponential(h(person, 4), p.testDelayMeanDays());
    }

    public boolean staysHomeWhenSick(int person) {
        return Rand.uniform(h(person, 5)) < p.symptomaticStayHomeProbability();
    }

    public boolean isInfected(int person) {
        return infectedAt[person] != NEVER;
    }

    public void infect(int person, int minute, int from) {
        if (infectedAt[person] != NEVER) {
            throw new IllegalStateException("already infected: " + person);
        }
        infectedAt[person] = minute;
        source[person] = from;
        infected.add(person);
    }

    public int infections() {
        return infected.size();
    }

    public IntList infectedPeople() {
        return infected;
    }

    public int onsetMinute(int person) {
        if (!isInfected(person) || asymptomatic(person)) {
            return NEVER;
        }
        return infectedAt[person] + (int) Math.round(incubationDays(person) * 1440);
    }

    public int recoveryMinute(int person) {
        return infectedAt[person] + (int) Math.round(infectiousEndDays(person) * 1440);
    }

    /**
     * S before infection, E while a test cannot detect it yet, I while it can, R after: the testing view. Whether
     * the person transmits is {@link #isInfectious}, by the infectiousness curve alone.
     */
    public byte compartment(int person, int minute) {
        if (!isInfected(person) || infectedAt[person] > minute) {
            return S;
        }
        double tau = (minute - infectedAt[person]) / 1440.0;
        if (tau < latentDays(person)) {
            return E;
        }
        return tau < infectiousEndDays(person) ? I : R;
    }

    /** Whether the person can transmit at this minute: on the generation-time curve, from infection to its end. */
    public boolean isInfectious(int person, int minute) {
        if (!isInfected(person)) {
            return false;
        }
        double tau = (minute - infectedAt[person]) / 1440.0;
        return tau > 0 && tau < p.infectiousnessEndDays();
    }

    /**
     * Relative infectiousness during a day (evaluated at noon): Ferretti et al.'s generation-time density at the
     * time since infection, as published (no window around onset; it integrates to 1 over time since infection),
     * times the asymptomatic factor. 0 before infection and after the curve's end.
     */
    public double infectiousnessOnDay(int person, int day) {
        if (!isInfected(person)) {
            return 0;
        }
        return infectiousnessAt(person, (day * 1440 + 720 - infectedAt[person]) / 1440.0);
    }

    /** Relative infectiousness {@code tau} days after infection (the curve {@link #infectiousnessOnDay} samples). */
    public double infectiousnessAt(int person, double tau) {
        if (tau <= 0 || tau >= p.infectiousnessEndDays()) {
            return 0;
        }
        double w = p.infectiousness(tau);
        return asymptomatic(person) ? w * p.asymptomaticRelativeInfectiousness() : w;
    }

    /** Mean number of people infected by those infected before {@code horizonMinute} (who had time to finish). */
    public double earlyReproductionNumber(int horizonMinute) {
        int[] offspring = new int[infectedAt.length];
        for (int i = 0; i < infected.size(); i++) {
            int s = source[infected.get(i)];
            if (s >= 0) {
                offspring[s]++;
            }
        }
        long sum = 0;
        int count = 0;
        for (int i = 0; i < infected.size(); i++) {
            int p = infected.get(i);
            if (infectedAt[p] < horizonMinute) {
                sum += offspring[p];
                count++;
            }
        }
        return count == 0 ? 0 : sum / (double) count;
    }

    /** Probability that a contact with the given exposure (hours at 1 m equivalent) transmits. */
    public double transmissionProbability(double infectiousness, double exposureHours) {
        return 1 - Math.exp(-p.beta() * infectiousness * exposureHours);
    }
}
