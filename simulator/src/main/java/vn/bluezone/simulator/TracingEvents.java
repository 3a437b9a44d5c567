package vn.bluezone.simulator;

import java.util.Arrays;
import vn.bluezone.simulator.disease.Epidemic;
import vn.bluezone.simulator.engines.EngineTracing;
import vn.bluezone.simulator.util.IntList;
import vn.bluezone.simulator.util.LongHeap;
import vn.bluezone.simulator.util.Rand;
import vn.bluezone.simulator.venue.CheckinLog;

/**
 * The day's tracing events in time order, from one event queue: test results and confirmations, uploads, the
 * publication of keys, phones' periodic checks, F1 and F2 warnings, and the quarantine and isolation they lead to.
 */
final class TracingEvents {
    private static final int MINUTES_PER_DAY = 1440;
    private static final long BEHAVE = 0x42656861L;

    static final int EV_TEST_RESULT = 1;
    private static final int EV_F1_TEST_RESULT = 2;
    private static final int EV_UPLOAD_CONFIRMED = 3;
    private static final int EV_UPLOAD_RECURSIVE = 4;
    private static final int EV_PUBLISH_CONFIRMED = 5;
    private static final int EV_PUBLISH_RECURSIVE = 6;
    private static final int EV_WARN = 7;

    private final SimulationConfig cfg;
    private final boolean[] app;
    private final Epidemic epi;
    private final RunResult result;
    private final KeyPublication publication;
    private final LongHeap events = new LongHeap();
    final int[] confirmedAt;
    final int[] warnedF1At;
    /** The latest F1 warning (Bluetooth or check-in) a person's phone gave, repeated ones included. */
    final int[] lastWarnedF1At;
    final int[] warnedF2At;
    /** Day (exclusive) until which a person is in a facility (hospital or quarantine centre). */
    final int[] facilityUntil;
    /** Day (exclusive) until which a person stays at home. */
    final int[] homeUntil;
    private final IntList warnPerson = new IntList();
    private final IntList warnCase = new IntList();
    private final IntList warnRecursive = new IntList();
    /** Minutes from a case's confirmation to each F1 warning it caused. */
    final IntList hours = new IntList();
    /** Engines mode only: real device engines and the key server they talk to. */
    EngineTracing engines;
    /** Check-ins (contacts mode, check-in share above 0): a confirmed case's upload carries them; else null. */
    CheckinLog checkins;
    private static final int VIA_CHECKIN = 2;

    TracingEvents(SimulationConfig cfg, boolean[] app, Epidemic epi, RunResult result, KeyPublication publication) {
        int n = app.length;
        this.cfg = cfg;
        this.app = app;
        this.epi = epi;
        this.result = result;
        this.publication = publication;
        this.confirmedAt = filled(n, Epidemic.NEVER);
        this.warnedF1At = filled(n, Epidemic.NEVER);
        this.lastWarnedF1At = filled(n, Epidemic.NEVER);
        this.warnedF2At = filled(n, Epidemic.NEVER);
        this.facilityUntil = new int[n];
        this.homeUntil = new int[n];
    }

    private static int[] filled(int n, int v) {
        int[] a = new int[n];
        Arrays.fill(a, v);
        return a;
    }

    private long behave(int p, int what) {
        return Rand.hash(cfg.seed ^ BEHAVE, p, what);
    }

    void schedule(int minute, int type, int payload) {
        long m = Math.max(0, minute);
        events.add((m << 36) | ((long) type << 32) | (payload & 0xFFFFFFFFL));
    }

    void drainEvents(int until) {
        while (!events.isEmpty() && (events.peek() >>> 36) < until) {
            long e = events.poll();
            int t = (int) (e >>> 36);
            int type = (int) ((e >>> 32) & 0xF);
            int payload = (int) e;
            switch (type) {
                case EV_TEST_RESULT -> confirm(payload, t);
                case EV_F1_TEST_RESULT -> f1TestResult(payload, t);
                case EV_UPLOAD_CONFIRMED -> upload(payload, t, false);
                case EV_UPLOAD_RECURSIVE -> upload(payload, t, true);
                case EV_PUBLISH_CONFIRMED -> publish(payload, t, false);
                case EV_PUBLISH_RECURSIVE -> publish(payload, t, true);
                case EV_WARN -> warn(payload, t);
                default -> throw new IllegalStateException("event " + type);
            }
        }
    }

    private int dayOf(int minute) {
        return Math.floorDiv(minute, MINUTES_PER_DAY);
    }

    private void confirm(int p, int t) {
        if (confirmedAt[p] != Epidemic.NEVER) {
            return;
        }
        confirmedAt[p] = t;
        result.confirmed++;
        if (dayOf(t) < cfg.days) {
            result.dailyConfirmed[dayOf(t)]++;
        }
        // Confirmed cases are isolated in hospital until the end of their infectious period.
        facilityUntil[p] = Math.max(facilityUntil[p], Math.max(dayOf(t) + 1, dayOf(epi.recoveryMinute(p)) + 1));
        if (app[p] && Rand.uniform(behave(p, 1)) < cfg.consentProbability) {
            schedule(t + uploadDelay(p, 2), EV_UPLOAD_CONFIRMED, p);
        }
    }

    private int uploadDelay(int p, int what) {
        return (int) Math.round(Rand.exponential(behave(p, what), cfg.uploadDelayMeanHours * 60));
    }

    private void f1TestResult(int p, int t) {
        int sampled = t - (int) Math.round(cfg.disease.testTurnaroundDays() * MINUTES_PER_DAY);
        byte c = epi.compartment(p, sampled);
        if (c == Epidemic.I) {
            confirm(p, t);
        }
    }

    private void upload(int p, int t, boolean recursive) {
        if (engines != null) {
            int onsetMinute = epi.onsetMinute(p);
            if (!engines.upload(p, t, recursive, onsetMinute == Epidemic.NEVER ? t : onsetMinute)) {
                return;
            }
            // The key server makes keys available at the next whole hour and exports an hour once it is over.
            int available = (t / 60 + 1) * 60;
            if (recursive) {
                result.uploadsRecursive++;
            } else {
                result.uploadsConfirmed++;
            }
            schedule(available + 65, recursive ? EV_PUBLISH_RECURSIVE : EV_PUBLISH_CONFIRMED, p);
            return;
        }
        if (recursive) {
            result.uploadsRecursive++;
        } else {
            result.uploadsConfirmed++;
        }
        int interval = cfg.exportIntervalMinutes;
        int published = (t + interval - 1) / interval * interval;
        schedule(published, recursive ? EV_PUBLISH_RECURSIVE : EV_PUBLISH_CONFIRMED, p);
    }

    /** Keys of the last 14 days are now in an export file (see {@link KeyPublication}). */
    private void publish(int c, int t, boolean recursive) {
        if (engines != null) {
            // The real export job publishes the keys; each phone finds them at its next check (EngineTracing).
            engines.export(t);
        }
        publication.publish(c, t, recursive, engines == null, (u, fromCase, rec, at) -> later(u, fromCase, rec ? 1 : 0, at));
        if (checkins != null && !recursive && engines == null) {
            // Only a tested case shares check-ins (as the Corona-Warn-App); the phones find them at their next check.
            checkins.publish(c, t, (u, fromCase, at) -> later(u, fromCase, VIA_CHECKIN, at));
        }
    }

    private void later(int u, int fromCase, int how, int at) {
        warnPerson.add(u);
        warnCase.add(fromCase);
        warnRecursive.add(how);
        schedule(nextCheck(u, at), EV_WARN, warnPerson.size() - 1);
    }

    /** Phones check for new exports every few hours at their own phase. */
    private int nextCheck(int u, int t) {
        int interval = cfg.checkIntervalMinutes;
        int phase = (int) (Rand.uniform(behave(u, 3)) * interval);
        int k = Math.floorDiv(t - phase + interval - 1, interval);
        return phase + k * interval;
    }

    private void warn(int idx, int t) {
        int u = warnPerson.get(idx);
        if (warnRecursive.get(idx) == VIA_CHECKIN) {
            result.checkinWarnings++;
            // A check-in warning acts as an F1 warning; counted apart when Bluetooth had not warned the person yet.
            result.checkinFirstWarned += warnedF1At[u] == Epidemic.NEVER ? 1 : 0;
        }
        warned(u, warnCase.get(idx), warnRecursive.get(idx) == 1, t);
    }

    /** A real engine warned its user (engines mode), at the current simulated minute. */
    void engineWarned(int u, boolean f2, int t) {
        int c = publication.lastTruthCase[u];
        warned(u, c, f2, t);
    }

    private void warned(int u, int c, boolean recursive, int t) {
        int day = dayOf(t);
        if (!recursive) {
            if (c >= 0 && confirmedAt[c] != Epidemic.NEVER) {
                hours.add(t - confirmedAt[c]);
            }
            lastWarnedF1At[u] = t;
            // Behaviour follows the first warning only (a later one does not start a second quarantine).
            if (warnedF1At[u] != Epidemic.NEVER) {
                return;
            }
            warnedF1At[u] = t;
            result.warnedF1++;
            if (day < cfg.days) {
                result.dailyWarnedF1[day]++;
            }
            if (Rand.uniform(behave(u, 4)) < cfg.f1Compliance) {
                result.quarantinedF1++;
                int until = day + 1 + cfg.f1QuarantineDays;
                if (cfg.f1Facility) {
                    facilityUntil[u] = Math.max(facilityUntil[u], until);
                } else {
                    homeUntil[u] = Math.max(homeUntil[u], until);
                }
            }
            if (Rand.uniform(behave(u, 5)) < cfg.f1TestProbability) {
                int at = t + (int) Math.round((cfg.f1TestDelayDays + cfg.disease.testTurnaroundDays()) * MINUTES_PER_DAY);
                schedule(at, EV_F1_TEST_RESULT, u);
            }
            if (confirmedAt[u] == Epidemic.NEVER && Rand.uniform(behave(u, 6)) < cfg.recursiveUploadProbability) {
                schedule(t + uploadDelay(u, 7), EV_UPLOAD_RECURSIVE, u);
            }
        } else {
            if (warnedF1At[u] != Epidemic.NEVER || warnedF2At[u] != Epidemic.NEVER) {
                return;
            }
            warnedF2At[u] = t;
            result.warnedF2++;
            if (day < cfg.days) {
                result.dailyWarnedF2[day]++;
            }
            if (Rand.uniform(behave(u, 8)) < cfg.f2Compliance) {
                homeUntil[u] = Math.max(homeUntil[u], day + 1 + cfg.f2IsolationDays);
            }
        }
    }
}
