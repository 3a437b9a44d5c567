package vn.bluezone.simulator.disease;

import vn.bluezone.simulator.util.Resource;

/** Natural history and testing parameters, loaded from {@code disease.properties} (sources there). */
public record DiseaseParameters(
        double incubationMeanlog,
        double incubationSdlog,
        double weibullShape,
        double weibullScale,
        double presymptomaticDays,
        double latentMinDays,
        double infectiousDaysAfterOnset,
        double asymptomaticFraction,
        double asymptomaticRelativeInfectiousness,
        double beta,
        double cutoffMetres,
        double seedInfectionsPer10000,
        double testSeekProbability,
        double testDelayMeanDays,
        double testTurnaroundDays,
        double symptomaticStayHomeProbability) {

    public static DiseaseParameters load() {
        Resource r = new Resource("disease.properties");
        return new DiseaseParameters(
                r.number("incubation.meanlog"),
                r.number("incubation.sdlog"),
                r.number("generation.weibullShape"),
                r.number("generation.weibullScale"),
                r.number("presymptomatic.days"),
                r.number("latent.minDays"),
                r.number("infectious.daysAfterOnset"),
                r.number("asymptomatic.fraction"),
                r.number("asymptomatic.relativeInfectiousness"),
                r.number("transmission.beta"),
                r.number("exposure.cutoffMetres"),
                r.number("seed.infectionsPer10000"),
                r.number("test.seekProbability"),
                r.number("test.delayMeanDays"),
                r.number("test.turnaroundDays"),
                r.number("symptomatic.stayHomeProbability"));
    }

    /** Generation-time density (per day) at {@code days} since infection: the infectiousness profile. */
    public double infectiousness(double days) {
        if (days <= 0) {
            return 0;
        }
        double k = weibullShape;
        double l = weibullScale;
        double r = days / l;
        return (k / l) * Math.pow(r, k - 1) * Math.exp(-Math.pow(r, k));
    }

    /**
     * Share of the generation-time curve still ahead {@code days} after infection (1 at infection, ½ at the median
     * generation time): the Weibull survival function, which the curve's density integrates to.
     */
    public double infectiousnessAhead(double days) {
        return days <= 0 ? 1 : Math.exp(-Math.pow(days / weibullScale, weibullShape));
    }

    /**
     * Where the simulation stops the infectiousness curve: its 99.99th percentile (about 12.4 days), so 0.01 % of
     * it is dropped and an infected person stops being infectious at some point.
     */
    public double infectiousnessEndDays() {
        return weibullScale * Math.pow(-Math.log(1e-4), 1 / weibullShape);
    }

    public DiseaseParameters withBeta(double b) {
        return new DiseaseParameters(incubationMeanlog, incubationSdlog, weibullShape, weibullScale,
                presymptomaticDays, latentMinDays, infectiousDaysAfterOnset, asymptomaticFraction,
                asymptomaticRelativeInfectiousness, b, cutoffMetres, seedInfectionsPer10000, testSeekProbability,
                testDelayMeanDays, testTurnaroundDays, symptomaticStayHomeProbability);
    }
}
