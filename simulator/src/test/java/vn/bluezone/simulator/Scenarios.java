package vn.bluezone.simulator;

import java.util.EnumMap;
import java.util.Map;
import vn.bluezone.protocol.risk.Infectiousness;
import vn.bluezone.protocol.risk.RiskConfiguration;
import vn.bluezone.simulator.disease.DiseaseParameters;
import vn.bluezone.simulator.tracing.RadioModel;

/** Small fixed-seed settings shared by the tests. */
final class Scenarios {
    private Scenarios() {
    }

    static SimulationConfig small(int people, int days, long seed) {
        SimulationConfig c = new SimulationConfig();
        c.population = people;
        c.days = days;
        c.seed = seed;
        return c;
    }

    /** Everyone symptomatic, everyone tested: every case is confirmed, so every case can upload. */
    static DiseaseParameters allSymptomaticAllTested(DiseaseParameters d, double beta) {
        return new DiseaseParameters(d.incubationMeanlog(), d.incubationSdlog(), d.weibullShape(), d.weibullScale(),
                d.presymptomaticDays(), d.latentMinDays(), d.infectiousDaysAfterOnset(), 0.0,
                d.asymptomaticRelativeInfectiousness(), beta, d.cutoffMetres(), d.seedInfectionsPer10000(), 1.0,
                d.testDelayMeanDays(), d.testTurnaroundDays(), 0.0);
    }

    static RadioModel noiseless() {
        return RadioModel.noiseless();
    }

    /** The shipped configuration with other infectiousness weights (none, standard, high). */
    static RiskConfiguration riskWeights(double none, double standard, double high) {
        RiskConfiguration v = RiskConfiguration.vietnamDefault();
        Map<Infectiousness, Double> w = new EnumMap<>(Infectiousness.class);
        w.put(Infectiousness.NONE, none);
        w.put(Infectiousness.STANDARD, standard);
        w.put(Infectiousness.HIGH, high);
        return new RiskConfiguration(v.name(), v.description(), v.closeContact(), v.attenuationThresholds(),
                v.attenuationWeights(), v.reportTypeWeights(), v.reportTypeWhenMissing(), w,
                v.daysSinceOnsetToInfectiousness(), v.infectiousnessWhenDaysSinceOnsetMissing(),
                v.minimumWindowScore());
    }
}
