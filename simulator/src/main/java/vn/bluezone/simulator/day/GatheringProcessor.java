package vn.bluezone.simulator.day;

import vn.bluezone.device.sim.EncounterRadio;
import vn.bluezone.device.sim.Environment;
import vn.bluezone.device.sim.Pose;
import vn.bluezone.simulator.tracing.RadioModel;
import vn.bluezone.simulator.util.Rand;

/**
 * Turns a gathering (people present at one place over ticks, with positions) into pair accumulators: distance per
 * segment gives ground-truth close ticks (≤ 2 m), exposure for transmission, and, for app users, what the radio
 * model hears at each scan. Pairs that cannot matter today (not both app users, no infectious–susceptible link)
 * are skipped before any geometry, which is what lets a million-person day run in seconds.
 */
public final class GatheringProcessor {
    private static final int ALL_PAIRS_MAX = 48;
    private static final long LOSS = 0x4C6F7373L;
    private static final long SAMPLE = 0x53616D70L;
    public static final double CLOSE_METRES = 2.0;
    /** The most two phones' poses can lower the attenuation below the mix's mean (both in the hand). */
    private static final double MAX_POSE_GAIN_DB = 2 * Pose.meanLossDb();

    private final DayContext ctx;
    private final PairDayTable table;
    private final EpisodeSample sample;
    private int[] present = new int[64];
    private int[] segBits = new int[64];
    private float[] x = new float[64];
    private float[] y = new float[64];
    private int[] cellOf = new int[64];
    private int[] order = new int[64];
    private int[] cellStart = new int[64];
    private long[] byFirst = new long[64];
    private int[] lastOf = new int[64];
    private int[] activeList = new int[64];
    private int[] candidate = new int[64];

    public GatheringProcessor(DayContext ctx, PairDayTable table, EpisodeSample sample) {
        this.ctx = ctx;
        this.table = table;
        this.sample = sample;
    }

    /**
     * @param presence per member {@link Ticks#WORDS} words of presence bits
     * @param segTicks ticks per position segment (at most 8)
     */
    public void run(int kind, int placeId, int[] members, int m, long[] presence, int segTicks, Positions pos) {
        if (m < 2) {
            return;
        }
        ensure(m);
        // Who can be in a pair that matters? With nobody infectious here (and no statistics wanted), only app
        // users: everyone else is left out before any position is drawn.
        boolean everyone = false;
        for (int i = 0; i < m; i++) {
            int p = members[i];
            byte f = ctx.flags[p];
            everyone |= (f & DayContext.INFECTIOUS) != 0 || (ctx.allPairs && p % ctx.statsStride == 0);
        }
        int cands = 0;
        for (int i = 0; i < m; i++) {
            if (everyone || (ctx.flags[members[i]] & DayContext.APP) != 0) {
                candidate[cands++] = i;
            }
        }
        if (cands < 2) {
            return;
        }
        // Each candidate's first and last tick, then a sweep in arrival order: only members whose span meets a
        // segment are examined in it (a market has hundreds of short visits spread over the morning).
        int span0 = Ticks.PER_DAY;
        int span1 = -1;
        for (int c = 0; c < cands; c++) {
            int i = candidate[c];
            int f = firstTick(presence, i * Ticks.WORDS);
            int l = lastTick(presence, i * Ticks.WORDS);
            byFirst[c] = f < 0 ? Long.MAX_VALUE : ((long) f << 32) | i;
            lastOf[i] = l;
            if (f >= 0) {
                span0 = Math.min(span0, f);
                span1 = Math.max(span1, l);
            }
        }
        if (span1 < 0) {
            return;
        }
        java.util.Arrays.sort(byFirst, 0, cands);
        m = cands;
        int next = 0;
        int active = 0;
        for (int seg = span0 / segTicks * segTicks; seg <= span1; seg += segTicks) {
            int len = Math.min(segTicks, Ticks.PER_DAY - seg);
            while (next < m && byFirst[next] != Long.MAX_VALUE && (int) (byFirst[next] >>> 32) < seg + len) {
                activeList[active++] = (int) byFirst[next++];
            }
            int count = 0;
            int keep = 0;
            for (int a = 0; a < active; a++) {
                int i = activeList[a];
                if (lastOf[i] < seg) {
                    continue;
                }
                activeList[keep++] = i;
                int bits = Ticks.bits(presence, i * Ticks.WORDS, seg, len);
                if (bits != 0) {
                    present[count] = i;
                    segBits[count] = bits;
                    count++;
                }
            }
            active = keep;
            if (count < 2) {
                continue;
            }
            pos.place(seg, members, present, count, x, y);
            if (count <= ALL_PAIRS_MAX) {
                for (int i = 0; i < count; i++) {
                    for (int j = i + 1; j < count; j++) {
                        pair(kind, placeId, members, i, j, seg);
                    }
                }
            } else {
                gridPairs(kind, placeId, members, count, seg);
            }
        }
    }

    private static int firstTick(long[] mask, int off) {
        for (int w = 0; w < Ticks.WORDS; w++) {
            if (mask[off + w] != 0) {
                return w * 64 + Long.numberOfTrailingZeros(mask[off + w]);
            }
        }
        return -1;
    }

    private static int lastTick(long[] mask, int off) {
        for (int w = Ticks.WORDS - 1; w >= 0; w--) {
            if (mask[off + w] != 0) {
                return Math.min(Ticks.PER_DAY - 1, w * 64 + 63 - Long.numberOfLeadingZeros(mask[off + w]));
            }
        }
        return -1;
    }

    private void gridPairs(int kind, int placeId, int[] members, int count, int seg) {
        float cell = (float) ctx.cutoffMetres;
        float minX = Float.MAX_VALUE;
        float minY = Float.MAX_VALUE;
        float maxX = -Float.MAX_VALUE;
        float maxY = -Float.MAX_VALUE;
        for (int i = 0; i < count; i++) {
            minX = Math.min(minX, x[i]);
            minY = Math.min(minY, y[i]);
            maxX = Math.max(maxX, x[i]);
            maxY = Math.max(maxY, y[i]);
        }
        int w = (int) ((maxX - minX) / cell) + 1;
        int h = (int) ((maxY - minY) / cell) + 1;
        int cells = w * h;
        if (cellStart.length < cells + 1) {
            cellStart = new int[cells + 1];
        }
        java.util.Arrays.fill(cellStart, 0, cells + 1, 0);
        for (int i = 0; i < count; i++) {
            int c = (int) ((x[i] - minX) / cell) + w * (int) ((y[i] - minY) / cell);
            cellOf[i] = c;
            cellStart[c + 1]++;
        }
        for (int c = 0; c < cells; c++) {
            cellStart[c + 1] += cellStart[c];
        }
        int[] fill = new int[cells];
        for (int i = 0; i < count; i++) {
            order[cellStart[cellOf[i]] + fill[cellOf[i]]++] = i;
        }
        for (int i = 0; i < count; i++) {
            int cx = cellOf[i] % w;
            int cy = cellOf[i] / w;
            for (int ny = Math.max(0, cy - 1); ny <= Math.min(h - 1, cy + 1); ny++) {
                for (int nx = Math.max(0, cx - 1); nx <= Math.min(w - 1, cx + 1); nx++) {
                    int c = nx + w * ny;
                    for (int k = cellStart[c]; k < cellStart[c + 1]; k++) {
                        int j = order[k];
                        if (j > i) {
                            pair(kind, placeId, members, i, j, seg);
                        }
                    }
                }
            }
        }
    }

    private void pair(int kind, int placeId, int[] members, int i, int j, int seg) {
        int a = members[present[i]];
        int b = members[present[j]];
        if (a == b) {
            return;
        }
        byte fa = ctx.flags[a];
        byte fb = ctx.flags[b];
        boolean app = (fa & fb & DayContext.APP) != 0;
        boolean inf = ((fa & DayContext.INFECTIOUS) != 0 && (fb & DayContext.SUSCEPTIBLE) != 0)
                || ((fb & DayContext.INFECTIOUS) != 0 && (fa & DayContext.SUSCEPTIBLE) != 0);
        boolean stats = ctx.allPairs && (a % ctx.statsStride == 0 || b % ctx.statsStride == 0);
        if (!app && !inf && !stats) {
            return;
        }
        int both = segBits[i] & segBits[j];
        if (both == 0) {
            return;
        }
        float dx = x[i] - x[j];
        float dy = y[i] - y[j];
        float d = (float) Math.sqrt(dx * dx + dy * dy);
        if (d > ctx.cutoffMetres) {
            return;
        }
        long key = PairDayTable.key(a, b);
        int n = Integer.bitCount(both);
        int firstTick = seg + Integer.numberOfTrailingZeros(both);
        int slot = table.slot(key, firstTick, kind);
        table.touch(slot, seg + 31 - Integer.numberOfLeadingZeros(both));
        if (d <= CLOSE_METRES) {
            table.addClose(slot, n);
        }
        float dose = d <= 1f ? 1f : 1f / (d * d);
        table.addExposure(slot, n * Ticks.MINUTES * dose / 60f);
        int nearBits = 0;
        if (app) {
            nearBits = detect(slot, kind, a, b, seg, both, d);
            if (ctx.listener != null) {
                ctx.listener.proximity(a, b, seg, both, d);
            }
        }
        if (stats && sample != null && !sample.full()
                && (Rand.hash(ctx.seed, SAMPLE, key) & 63) == 0) {
            sample.add(kind, placeId, a, b, seg, both, nearBits, d);
        }
    }

    /**
     * One attenuation per scan (tick) from the shared encounter model (pose losses and an encounter shadow held
     * while the poses last, per-scan fading) plus both phones' calibration errors, and packet loss; returns the
     * bits of ticks heard as near. Scans that even the largest pose losses and 5 σ of the Gaussian terms cannot
     * bring to the threshold are not drawn.
     */
    private int detect(int slot, int kind, int a, int b, int seg, int both, float d) {
        RadioModel r = ctx.radio;
        Environment env = PlaceKind.of(kind).environment();
        double base = env.meanAttenuationDb(d) + ctx.calibration[a] + ctx.calibration[b];
        double threshold = ctx.nearThresholdDb;
        double scale = r.noiseScale();
        double widest = scale;
        if (ctx.noiseCurve) {
            for (double l : ctx.noiseLevels) {
                widest = Math.max(widest, l / RadioModel.FITTED_SIGMA_DB);
            }
        }
        double reach = widest * (MAX_POSE_GAIN_DB + 5 * Math.hypot(env.encounterSigmaDb(), env.scanSigmaDb()));
        if (base - reach > threshold) {
            return 0;
        }
        EncounterRadio radio = ctx.encounters;
        long daySlot = (long) ctx.day * Ticks.PER_DAY;
        int nearBits = 0;
        int bits = both;
        while (bits != 0) {
            int t = Integer.numberOfTrailingZeros(bits);
            bits &= bits - 1;
            int tick = seg + t;
            long at = daySlot + tick;
            double noise = widest > 0 ? radio.slowDb(env, a, b, ctx.day, ctx.poses.poseStart(a, at),
                    ctx.poses.poseStart(b, at)) + radio.fadingDb(env, a, b, at) : 0;
            boolean lost = r.packetLoss() > 0
                    && Rand.uniform(Rand.hash(ctx.seed ^ LOSS, ctx.day, PairDayTable.key(a, b), tick)) < r.packetLoss();
            if (lost) {
                continue;
            }
            if (base + scale * noise <= threshold) {
                nearBits |= 1 << t;
            }
            if (ctx.noiseCurve) {
                for (int l = 0; l < ctx.noiseLevels.length; l++) {
                    if (base + ctx.noiseLevels[l] / RadioModel.FITTED_SIGMA_DB * noise <= threshold) {
                        table.addNearAtLevel(l, slot, 1);
                    }
                }
            }
        }
        table.addNear(slot, Integer.bitCount(nearBits));
        return nearBits;
    }

    private void ensure(int m) {
        if (present.length < m) {
            int c = Integer.highestOneBit(m) * 2;
            present = new int[c];
            segBits = new int[c];
            x = new float[c];
            y = new float[c];
            cellOf = new int[c];
            order = new int[c];
            byFirst = new long[c];
            lastOf = new int[c];
            activeList = new int[c];
            candidate = new int[c];
        }
    }
}
