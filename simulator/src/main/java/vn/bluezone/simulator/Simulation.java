package vn.bluezone.simulator;

import java.util.SplittableRandom;
import vn.bluezone.simulator.day.DayContext;
import vn.bluezone.simulator.day.DayPlanner;
import vn.bluezone.simulator.day.EpisodeSample;
import vn.bluezone.simulator.day.GatheringProcessor;
import vn.bluezone.simulator.day.PairDayTable;
import vn.bluezone.simulator.day.Ticks;
import vn.bluezone.simulator.disease.Epidemic;
import vn.bluezone.simulator.population.Population;
import vn.bluezone.simulator.population.PopulationBuilder;
import vn.bluezone.simulator.population.PopulationParameters;
import vn.bluezone.simulator.util.IntList;
import vn.bluezone.simulator.util.Rand;

/**
 * One run in the contact-model mode: each day the commune lives its day (proximity from positions), app users'
 * phones "hear" each other through the radio model, the virus spreads along exposures, and the day's events
 * (test results, confirmations, uploads, publication of keys, phones' periodic exposure checks, F1 and F2
 * warnings, quarantine) play out in time order from an event queue.
 */
public final class Simulation {
    /** Told who uses the app at the start and when each day ends (the registry feed of {@code --server}). */
    public interface Observer {
        void start(boolean[] appUsers);

        /** Everything is set up (in engines mode: the key server is up and every phone built); day 0 begins. */
        default void daysBegin() {
        }

        void dayEnded(int day);
    }


    private static final int MINUTES_PER_DAY = 1440;
    private static final long ADOPT = 0x41646F70L;
    private static final long INFECT = 0x496E6665L;
    private static final long CALIB = 0x43616C69L;

    private final SimulationConfig cfg;
    private final Population pop;
    private final boolean[] app;
    private final Epidemic epi;
    private final DayContext ctx;
    private final PairDayTable table;
    private final EpisodeSample sample;
    private final DayPlanner planner;
    private final vn.bluezone.simulator.tracing.ContactLog truthLog;
    private final vn.bluezone.simulator.tracing.ContactLog detectedLog;
    private final RunResult result = new RunResult();
    /** The largest weight a contact day can get: pairs whose near minutes cannot reach the minimum are not logged. */
    private final double maxDayWeight;

    private final byte[] status;
    private final KeyPublication publication;
    private final TracingEvents tracing;
    private final DayInfections infections;
    /** Check-ins at markets, eateries and the desk (contacts mode, a check-in share above 0); else null. */
    private final vn.bluezone.simulator.venue.CheckinLog checkins;
    private Observer observer;
    /** Engines mode only: real device engines and the key server they talk to. */
    private vn.bluezone.simulator.engines.EngineTracing engines;

    public Simulation(SimulationConfig cfg) {
        this(cfg, new PopulationBuilder(cfg.populationParameters).build(cfg.population, cfg.seed));
    }

    /** Runs on a given population (a sweep builds it once per seed and reuses it for every adoption level). */
    public Simulation(SimulationConfig cfg, Population pop) {
        cfg.validate();
        this.cfg = cfg;
        this.pop = pop;
        int n = pop.size;
        this.app = chooseAppUsers(cfg, pop);
        this.epi = new Epidemic(cfg.transmission(), cfg.seed, n);
        float[] calibration = new float[n];
        for (int i = 0; i < n; i++) {
            calibration[i] = (float) (cfg.radio.calibrationSigmaDb() * Rand.gaussian(Rand.hash(cfg.seed, CALIB, i)));
        }
        this.ctx = new DayContext(cfg.seed, n, cfg.radio, cfg.nearThresholdDb(), calibration, cfg.noiseLevelsDb,
                cfg.disease.cutoffMetres());
        this.table = new PairDayTable(n, cfg.noiseLevelsDb.length);
        // Contact statistics on day 0 look at every pair of a sample of about 20,000 people.
        this.ctx.statsStride = Math.max(1, n / 20_000);
        this.sample = new EpisodeSample(cfg.sampleRows);
        this.planner = new DayPlanner(pop, ctx, new GatheringProcessor(ctx, table, sample),
                cfg.populationParameters.randomMeanPerDay());
        this.truthLog = new vn.bluezone.simulator.tracing.ContactLog(n);
        this.detectedLog = new vn.bluezone.simulator.tracing.ContactLog(n);
        this.status = new byte[n];
        this.maxDayWeight = KeyPublication.maximumDayWeight(cfg.risk);
        this.publication = new KeyPublication(epi, truthLog, detectedLog, result, n, cfg.risk,
                cfg.nearMinutesThreshold());
        this.tracing = new TracingEvents(cfg, app, epi, result, publication);
        this.infections = new DayInfections(n);
        this.checkins = cfg.checkinShare > 0 && cfg.mode == SimulationConfig.Mode.CONTACTS
                ? new vn.bluezone.simulator.venue.CheckinLog(cfg.seed, app, cfg.checkinShare, cfg.checkinMinimumOverlapMinutes)
                : null;
        this.tracing.checkins = checkins;
        var air = vn.bluezone.simulator.venue.SharedAir.defaults(cfg.effectiveSharedAirQuantaPerHour());
        if (air.enabled() || checkins != null) {
            ctx.venues = new vn.bluezone.simulator.venue.VenueDay(ctx, epi, air, checkins,
                    (p, minute, from) -> infections.offer(p, minute, from, DayInfections.AIR));
        }
    }

    /** Adopters among smartphone owners: a fixed per-person draw below the rate, so higher rates nest lower ones. */
    public static boolean[] chooseAppUsers(SimulationConfig cfg, Population pop) {
        boolean[] app = new boolean[pop.size];
        for (int i = 0; i < pop.size; i++) {
            double rate = cfg.adoptionFor(PopulationParameters.band(pop.age[i]));
            app[i] = pop.smartphone[i] && Rand.uniform(Rand.hash(cfg.seed, ADOPT, i)) < rate;
        }
        return app;
    }

    public Simulation observe(Observer o) {
        this.observer = o;
        return this;
    }

    public RunResult run(String label, ProgressListener progress) {
        long t0 = System.nanoTime();
        int n = pop.size;
        int days = cfg.days;
        result.seed = cfg.seed;
        result.adoption = cfg.adoption;
        result.mode = cfg.mode == SimulationConfig.Mode.ENGINES && result.adoption > 0 ? "engines" : "contacts";
        result.population = n;
        result.households = pop.households();
        result.smartphoneOwners = pop.smartphoneOwners();
        for (boolean b : app) {
            if (b) {
                result.appUsers++;
            }
        }
        result.days = days;
        result.dailyInfections = new int[days];
        result.dailyConfirmed = new int[days];
        result.dailyWarnedF1 = new int[days];
        result.dailyWarnedF2 = new int[days];
        result.dailyInfectious = new int[days];
        result.noiseLevelsDb = cfg.noiseLevelsDb.clone();
        result.noiseTp = new long[cfg.noiseLevelsDb.length];
        result.noiseFp = new long[cfg.noiseLevelsDb.length];
        result.noiseFn = new long[cfg.noiseLevelsDb.length];

        seedInfections();
        if (observer != null) {
            observer.start(app);
        }
        if (result.mode.equals("engines")) {
            engines = new vn.bluezone.simulator.engines.EngineTracing(cfg, app, ctx.calibration, tracing::engineWarned);
            tracing.engines = engines;
            ctx.listener = engines.proximity();
        }
        if (observer != null) {
            observer.daysBegin();
        }
        try {
            runDays(label, progress, t0);
        } finally {
            if (engines != null) {
                result.exportFiles = engines.exportFiles();
                result.exposureChecks = engines.checks();
                engines.close();
                ctx.listener = null;
            }
        }
        return finish(t0);
    }

    private void runDays(String label, ProgressListener progress, long t0) {
        int n = pop.size;
        int days = cfg.days;
        for (int day = 0; day < days; day++) {
            ctx.day = day;
            ctx.allPairs = day == 0;
            ctx.noiseCurve = day == 0;
            prepareDay(day);
            table.clear();
            table.levels(ctx.noiseCurve);
            if (engines != null) {
                engines.proximity().clear();
            }
            planner.run(day, status);
            endOfDay(day);
            if (engines != null) {
                // The phones live the day tick by tick; events happen between ticks, in time order.
                for (int tick = 0; tick < Ticks.PER_DAY; tick++) {
                    int minute = day * MINUTES_PER_DAY + tick * Ticks.MINUTES;
                    tracing.drainEvents(minute);
                    engines.tick(day, tick, minute);
                }
            }
            tracing.drainEvents((day + 1) * MINUTES_PER_DAY);
            if (observer != null) {
                observer.dayEnded(day);
            }
            progress.day(label, day + 1, days, (long) n * (day + 1), (System.nanoTime() - t0) / 1e9);
        }
    }

    private RunResult finish(long t0) {
        int n = pop.size;
        result.infections = epi.infections();
        result.hoursToWarning = new double[tracing.hours.size()];
        for (int i = 0; i < tracing.hours.size(); i++) {
            result.hoursToWarning[i] = tracing.hours.get(i) / 60.0;
        }
        for (int i = 0; i < n; i++) {
            if (app[i] && publication.shouldBeWarned[i]) {
                result.warnedPeopleTruth++;
            }
            if (tracing.warnedF1At[i] != Epidemic.NEVER) {
                countTimeliness(epi.infectedAt[i], tracing.warnedF1At[i]);
                result.warnedPeopleWarned++;
                if (publication.shouldBeWarned[i]) {
                    result.warnedPeopleTp++;
                }
            }
        }
        for (int i = 0; i < epi.infectedPeople().size(); i++) {
            int p = epi.infectedPeople().get(i);
            int w = tracing.lastWarnedF1At[p];
            // Detected: infected here (not a seed), then warned (Bluetooth or check-in) after the infection, by
            // any warning (an earlier one about another contact does not hide it).
            result.detectedInfections += epi.source[p] >= 0 && w != Epidemic.NEVER && w >= epi.infectedAt[p] ? 1 : 0;
        }
        if (checkins != null) {
            result.checkinUsers = checkins.users();
            result.checkins = checkins.checkins();
            result.checkinReports = checkins.reports();
        }
        result.earlyR = epi.earlyReproductionNumber(Math.min(10, cfg.days / 2) * MINUTES_PER_DAY);
        result.elapsedSeconds = (System.nanoTime() - t0) / 1e9;
        result.sample = sample;
        result.appUser = app;
        return result;
    }

    private void countTimeliness(int infectedAt, int warnedAt) {
        switch (WarningTimeliness.classify(infectedAt, warnedAt, cfg.disease)) {
            case IN_TIME -> result.warnedF1InTime++;
            case LATE -> result.warnedF1Late++;
            case FALSE -> result.warnedF1False++;
        }
        result.warnedF1InfectiousnessAhead += WarningTimeliness.shareAhead(infectedAt, warnedAt, cfg.disease);
    }

    private void seedInfections() {
        int k = cfg.effectiveSeedInfections();
        SplittableRandom r = new SplittableRandom(Rand.hash(cfg.seed, 0x53656564L));
        int placed = 0;
        while (placed < k) {
            int p = r.nextInt(pop.size);
            if (!epi.isInfected(p)) {
                // Seeds were infected up to three days before the start, so the outbreak is already under way.
                int minute = -(int) (r.nextDouble() * 3 * MINUTES_PER_DAY);
                infect(p, minute, -1);
                placed++;
            }
        }
        result.seedInfections = k;
    }

    private void prepareDay(int day) {
        int noon = day * MINUTES_PER_DAY + 720;
        int infectious = 0;
        for (int p = 0; p < pop.size; p++) {
            byte st = DayPlanner.FREE;
            if (tracing.facilityUntil[p] > day) {
                st = DayPlanner.AWAY;
            } else if (tracing.homeUntil[p] > day || sickAtHome(p, day)) {
                st = DayPlanner.HOME_ONLY;
            }
            status[p] = st;
            byte f = app[p] ? DayContext.APP : 0;
            if (!epi.isInfected(p)) {
                f |= DayContext.SUSCEPTIBLE;
            } else if (epi.isInfectious(p, noon)) {
                infectious++;
                if (st != DayPlanner.AWAY) {
                    f |= DayContext.INFECTIOUS;
                }
            }
            ctx.flags[p] = f;
        }
        result.dailyInfectious[day] = infectious;
    }

    private boolean sickAtHome(int p, int day) {
        if (!epi.isInfected(p)) {
            return false;
        }
        int onset = epi.onsetMinute(p);
        return onset != Epidemic.NEVER && onset / MINUTES_PER_DAY < day
                && epi.recoveryMinute(p) / MINUTES_PER_DAY >= day && epi.staysHomeWhenSick(p);
    }

    private void endOfDay(int day) {
        IntList ta = new IntList();
        IntList tb = new IntList();
        IntList da = new IntList();
        IntList db = new IntList();
        IntList dm = new IntList();
        int nearTicks = (cfg.nearMinutesThreshold() + Ticks.MINUTES - 1) / Ticks.MINUTES;
        int closeTicks = (15 + Ticks.MINUTES - 1) / Ticks.MINUTES;
        long closeAll = 0;
        long[] closeByPlace = new long[result.closeContactsPerPersonByPlace.length];
        for (int s = 0; s < table.capacity(); s++) {
            if (!table.used(s)) {
                continue;
            }
            int a = table.a(s);
            int b = table.b(s);
            boolean truth = table.closeTicks(s) >= closeTicks;
            if (ctx.allPairs && truth) {
                int ends = (a % ctx.statsStride == 0 ? 1 : 0) + (b % ctx.statsStride == 0 ? 1 : 0);
                closeAll += ends;
                closeByPlace[table.placeKind(s)] += ends;
            }
            if (app[a] && app[b]) {
                boolean detected = table.nearTicks(s) >= nearTicks;
                if (truth) {
                    ta.add(a);
                    tb.add(b);
                }
                int nearMinutes = table.nearTicks(s) * Ticks.MINUTES;
                if (nearMinutes * maxDayWeight >= cfg.nearMinutesThreshold()) {
                    // The phones' log: the day's near minutes, weighed at publication by the key's infectiousness.
                    da.add(a);
                    db.add(b);
                    dm.add(nearMinutes);
                }
                if (truth && detected) {
                    result.detectionTp++;
                } else if (detected) {
                    result.detectionFp++;
                } else if (truth) {
                    result.detectionFn++;
                }
                if (ctx.noiseCurve) {
                    for (int l = 0; l < cfg.noiseLevelsDb.length; l++) {
                        boolean d = table.nearTicksAtLevel(l, s) >= nearTicks;
                        if (truth && d) {
                            result.noiseTp[l]++;
                        } else if (d) {
                            result.noiseFp[l]++;
                        } else if (truth) {
                            result.noiseFn[l]++;
                        }
                    }
                }
            }
            byte fa = ctx.flags[a];
            byte fb = ctx.flags[b];
            if ((fa & DayContext.INFECTIOUS) != 0 && (fb & DayContext.SUSCEPTIBLE) != 0) {
                maybeInfect(day, s, a, b);
            } else if ((fb & DayContext.INFECTIOUS) != 0 && (fa & DayContext.SUSCEPTIBLE) != 0) {
                maybeInfect(day, s, b, a);
            }
        }
        if (ctx.allPairs) {
            int sampled = (pop.size + ctx.statsStride - 1) / ctx.statsStride;
            result.closeContactsPerPersonDay = closeAll / (double) sampled;
            for (int k = 0; k < closeByPlace.length; k++) {
                result.closeContactsPerPersonByPlace[k] = closeByPlace[k] / (double) sampled;
            }
        }
        truthLog.store(day, ta, tb);
        detectedLog.store(day, da, db, dm);
        infections.apply((p, minute, from, route) -> {
            infect(p, minute, from);
            result.sharedAirInfections += route == DayInfections.AIR ? 1 : 0;
        });
    }

    private void maybeInfect(int day, int slot, int from, int to) {
        double w = epi.infectiousnessOnDay(from, day);
        double prob = epi.transmissionProbability(w, table.exposure(slot));
        if (Rand.uniform(Rand.hash(cfg.seed, INFECT, day, table.keyAt(slot))) >= prob) {
            return;
        }
        int minute = day * MINUTES_PER_DAY + (table.firstTick(slot) + table.lastTick(slot)) / 2 * Ticks.MINUTES;
        infections.offer(to, minute, from, DayInfections.CLOSE);
    }

    private void infect(int p, int minute, int from) {
        epi.infect(p, minute, from);
        int day = Math.max(0, Math.floorDiv(minute, MINUTES_PER_DAY));
        if (day < cfg.days && from >= 0) {
            result.dailyInfections[day]++;
        }
        int onset = epi.onsetMinute(p);
        if (onset != Epidemic.NEVER && epi.seeksTest(p)) {
            double d = epi.testDelayDays(p) + cfg.disease.testTurnaroundDays();
            tracing.schedule(onset + (int) Math.round(d * MINUTES_PER_DAY), TracingEvents.EV_TEST_RESULT, p);
        }
    }


    /** Exposure checks the engines ran so far (engines mode; 0 in contacts mode), for load figures. */
    public long exposureChecks() {
        return engines != null ? engines.checks() : result.exposureChecks;
    }

    /** Uploads so far (confirmed and recursive). */
    public int uploads() {
        return result.uploadsConfirmed + result.uploadsRecursive;
    }

    public Population population() {
        return pop;
    }
}
