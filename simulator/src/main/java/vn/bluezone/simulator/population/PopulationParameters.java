package vn.bluezone.simulator.population;

import vn.bluezone.simulator.util.Resource;

/** Census facts and population assumptions, loaded from {@code population.properties} (sources there). */
public record PopulationParameters(
        double[] householdSizeWeights,
        double homeAreaPerPerson,
        double homeAreaMin,
        double share0to14,
        double share15to64,
        double over65MeanYears,
        double enrol3to5,
        double enrol6to14,
        double enrol15to17,
        int classSize,
        double employment18to64,
        double meanWorkplaceSize,
        int smallWorldK,
        double smallWorldP,
        double[] smartphoneByBand,
        int peoplePerMarket,
        int peoplePerEatery,
        int peoplePerDesk,
        double randomMeanPerDay,
        double randomParetoAlpha) {

    /** Age bands of {@link #smartphoneByBand}: 0-11, 12-17, 18-34, 35-49, 50-64, 65+. */
    public static final int[] BAND_LOWER = {0, 12, 18, 35, 50, 65};

    public static PopulationParameters load() {
        Resource r = new Resource("population.properties");
        return new PopulationParameters(
                r.numbers("household.size.weights"),
                r.number("home.area.perPerson"),
                r.number("home.area.min"),
                r.number("age.share.0to14"),
                r.number("age.share.15to64"),
                r.number("age.over65.meanYears"),
                r.number("school.enrolment.3to5"),
                r.number("school.enrolment.6to14"),
                r.number("school.enrolment.15to17"),
                (int) r.number("school.classSize"),
                r.number("work.employment.18to64"),
                r.number("work.meanWorkplaceSize"),
                (int) r.number("smallworld.k"),
                r.number("smallworld.p"),
                new double[] {r.number("smartphone.0to11"), r.number("smartphone.12to17"),
                        r.number("smartphone.18to34"), r.number("smartphone.35to49"),
                        r.number("smartphone.50to64"), r.number("smartphone.65plus")},
                (int) r.number("venue.peoplePerMarket"),
                (int) r.number("venue.peoplePerEatery"),
                (int) r.number("venue.peoplePerDesk"),
                r.number("random.meanPerDay"),
                r.number("random.paretoAlpha"));
    }

    public double meanHouseholdSize() {
        double s = 0;
        double w = 0;
        for (int i = 0; i < householdSizeWeights.length; i++) {
            s += (i + 1) * householdSizeWeights[i];
            w += householdSizeWeights[i];
        }
        return s / w;
    }

    public static int band(int age) {
        int b = 0;
        for (int i = 0; i < BAND_LOWER.length; i++) {
            if (age >= BAND_LOWER[i]) {
                b = i;
            }
        }
        return b;
    }
}
