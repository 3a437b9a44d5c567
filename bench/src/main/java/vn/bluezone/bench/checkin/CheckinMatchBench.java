package vn.bluezone.bench.checkin;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import vn.bluezone.protocol.checkin.CheckinFormatException;
import vn.bluezone.protocol.checkin.CheckinManifest;
import vn.bluezone.protocol.checkin.CheckinMatch;
import vn.bluezone.protocol.checkin.CheckinMatcher;
import vn.bluezone.protocol.checkin.CheckinPackage;
import vn.bluezone.protocol.checkin.CheckinRecord;
import vn.bluezone.protocol.checkin.LocalCheckin;
import vn.bluezone.protocol.checkin.PackageScan;
import vn.bluezone.protocol.checkin.PlacePayload;
import vn.bluezone.protocol.checkin.ProtectedReport;
import vn.bluezone.protocol.checkin.ReportCipher;
import vn.bluezone.protocol.export.P256Keys;
import vn.bluezone.protocol.export.SigningKey;
import vn.bluezone.protocol.export.VerificationKey;

/**
 * One phone's check-in check: 14 days of hourly signed packages (336 files) holding {@code reports} encrypted
 * check-ins in total, against {@code local} check-ins of the phone at 50 places, 20 of the reports being at the
 * phone's places and times. Timed (one thread; run under {@code taskset -c 0 java -XX:ActiveProcessorCount=1} for
 * one core): verify every package's ECDSA signature, parse it, match, MAC-check and decrypt the hits.
 *
 * <p>Baseline in the same run, same files: the straightforward matcher — for every report, a linear scan over the
 * phone's check-ins comparing the 32-byte hashes (computed once per check-in), then MAC check and decryption.
 * Both must find the same matches. Usage: {@code CheckinMatchBench [reports=100000] [local=200] [runs=7]}.
 *
 * <p>Third variant, the phone's (device {@code CheckinEngine}): {@link PackageScan} — the same signature check, then
 * one walk over the package bytes that checks every report's field lengths but builds only the reports whose
 * location-id hash is one of the phone's places (a map lookup each), no protobuf message per report.
 *
 * <p>Fourth variant, the phone's since the daily manifests ({@link CheckinManifest}): one signed manifest per UTC
 * day (15 for 14 days of hours not aligned to midnight) verified, every package accepted by the SHA-256 of its file
 * against its manifest's entry, then scanned as above without its own signature being verified. The split printed
 * last says where the time goes: ECDSA verifications, SHA-256, the scan itself.
 */
public final class CheckinMatchBench {
    private CheckinMatchBench() {
    }

    public static void main(String[] args) {
        int reports = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int local = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        Workload w = Workload.make(reports, local, 20, 14);
        System.out.printf("workload: %d packages, %,d reports (%,d bytes), %d local check-ins, %d planted matches%n",
                w.files.size(), reports, w.files.stream().mapToLong(f -> f.length).sum(), local, w.planted);
        int optimizedMatches = optimized(w).size();
        int baselineMatches = baseline(w).size();
        int scannedMatches = scanned(w).size();
        int manifestMatches = manifested(w).size();
        if (optimizedMatches != baselineMatches || scannedMatches != baselineMatches
                || manifestMatches != baselineMatches || optimizedMatches < w.planted) {
            throw new IllegalStateException("matchers disagree: " + optimizedMatches + " vs " + baselineMatches
                    + " vs " + scannedMatches + " vs " + manifestMatches);
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 3; i++) { // warm-up
            optimized(w);
            baseline(w);
            scanned(w);
            manifested(w);
        }
        long[][] t = new long[8][runs];
        for (int r = 0; r < runs; r++) {
            long m0 = cpu.getCurrentThreadCpuTime();
            long n0 = System.nanoTime();
            manifested(w);
            t[6][r] = System.nanoTime() - n0;
            t[7][r] = cpu.getCurrentThreadCpuTime() - m0;
            long s0 = cpu.getCurrentThreadCpuTime();
            long v0 = System.nanoTime();
            scanned(w);
            t[4][r] = System.nanoTime() - v0;
            t[5][r] = cpu.getCurrentThreadCpuTime() - s0;
            long c0 = cpu.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            optimized(w);
            t[0][r] = System.nanoTime() - w0;
            t[1][r] = cpu.getCurrentThreadCpuTime() - c0;
            c0 = cpu.getCurrentThreadCpuTime();
            w0 = System.nanoTime();
            baseline(w);
            t[2][r] = System.nanoTime() - w0;
            t[3][r] = cpu.getCurrentThreadCpuTime() - c0;
        }
        List<CheckinPackage> parsed = read(w);
        long m0 = System.nanoTime();
        for (int r = 0; r < runs; r++) {
            matchOptimized(w, parsed);
        }
        long matchOpt = (System.nanoTime() - m0) / runs;
        m0 = System.nanoTime();
        for (int r = 0; r < runs; r++) {
            matchBaseline(w, parsed);
        }
        long matchBase = (System.nanoTime() - m0) / runs;
        System.out.printf("matches: %d (planted %d)%n", optimizedMatches, w.planted);
        System.out.printf("matching step alone: optimized %.1f ms, baseline %.1f ms, ratio %.1fx%n",
                matchOpt / 1e6, matchBase / 1e6, (double) matchBase / matchOpt);
        System.out.printf("full check (verify + parse + match), median of %d: optimized %.0f ms wall / %.0f ms CPU, "
                        + "baseline %.0f ms wall / %.0f ms CPU, ratio %.2fx (CPU)%n", runs, median(t[0]) / 1e6,
                median(t[1]) / 1e6, median(t[2]) / 1e6, median(t[3]) / 1e6, (double) median(t[3]) / median(t[1]));
        System.out.printf("full check, phone's scan (verify + scan, build only own places' reports), median of %d: "
                        + "%.0f ms wall / %.0f ms CPU; against read-all %.2fx, baseline %.2fx (CPU)%n", runs,
                median(t[4]) / 1e6, median(t[5]) / 1e6, (double) median(t[1]) / median(t[5]),
                (double) median(t[3]) / median(t[5]));
        System.out.printf("full check, phone's scan with daily manifests (%d manifest signatures, SHA-256 of every "
                        + "package), median of %d: %.0f ms wall / %.0f ms CPU; against the scan with hourly signatures "
                        + "%.2fx, baseline %.2fx (CPU)%n", w.manifests.size(), runs, median(t[6]) / 1e6,
                median(t[7]) / 1e6, (double) median(t[5]) / median(t[7]), (double) median(t[3]) / median(t[7]));
        long v0 = System.nanoTime();
        long s0 = cpu.getCurrentThreadCpuTime();
        for (byte[] f : w.files) {
            CheckinPackage.read(f, w.trusted);
        }
        System.out.printf("of which: read-all (verify + parse) %.0f ms CPU / %.0f ms wall%n",
                (cpu.getCurrentThreadCpuTime() - s0) / 1e6, (System.nanoTime() - v0) / 1e6);
        TimeSplit.print(w.files, w.trusted, w.manifests, cpu);
        if (cpu instanceof com.sun.management.ThreadMXBean alloc) { // heap allocated by one full check
            long a0 = alloc.getCurrentThreadAllocatedBytes();
            optimized(w);
            long a1 = alloc.getCurrentThreadAllocatedBytes();
            scanned(w);
            long a2 = alloc.getCurrentThreadAllocatedBytes();
            System.out.printf("allocated per check: read-all %.1f MB, phone's scan %.1f MB%n", (a1 - a0) / 1e6,
                    (a2 - a1) / 1e6);
        }
    }

    /** The phone's path: scan each package for its own places, then match what was kept. */
    static List<CheckinMatch> scanned(Workload w) {
        CheckinMatcher m = new CheckinMatcher(w.local);
        List<CheckinMatch> out = new ArrayList<>();
        for (byte[] f : w.files) {
            out.addAll(m.match(PackageScan.read(f, w.trusted, m).kept()));
        }
        return out;
    }

    /** The phone's path since the manifests: one verified manifest per day, packages accepted by their hash. */
    static List<CheckinMatch> manifested(Workload w) {
        CheckinMatcher m = new CheckinMatcher(w.local);
        List<CheckinMatch> out = new ArrayList<>();
        Map<Long, CheckinManifest> verified = new HashMap<>();
        for (int i = 0; i < w.files.size(); i++) {
            String name = w.names.get(i);
            long day = CheckinManifest.dayOf(CheckinManifest.packageStart(name));
            CheckinManifest manifest = verified.computeIfAbsent(day,
                    d -> CheckinManifest.read(w.manifests.get(d), w.trusted, "VN", d));
            out.addAll(m.match(PackageScan.readListed(w.files.get(i), manifest, name, m).kept()));
        }
        return out;
    }

    static long median(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    static List<CheckinPackage> read(Workload w) {
        List<CheckinPackage> out = new ArrayList<>(w.files.size());
        for (byte[] f : w.files) {
            out.add(CheckinPackage.read(f, w.trusted));
        }
        return out;
    }

    static List<CheckinMatch> optimized(Workload w) {
        return matchOptimized(w, read(w));
    }

    static List<CheckinMatch> baseline(Workload w) {
        return matchBaseline(w, read(w));
    }

    static List<CheckinMatch> matchOptimized(Workload w, List<CheckinPackage> packages) {
        CheckinMatcher m = new CheckinMatcher(w.local);
        List<CheckinMatch> out = new ArrayList<>();
        for (CheckinPackage p : packages) {
            out.addAll(m.match(p.reports()));
        }
        return out;
    }

    static List<CheckinMatch> matchBaseline(Workload w, List<CheckinPackage> packages) {
        byte[][] hashes = new byte[w.local.size()][];
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = w.local.get(i).locationId().hash();
        }
        List<CheckinMatch> out = new ArrayList<>();
        for (CheckinPackage p : packages) {
            for (ProtectedReport r : p.reports()) {
                for (int i = 0; i < hashes.length; i++) {
                    if (Arrays.equals(hashes[i], r.locationIdHash())) {
                        LocalCheckin c = w.local.get(i);
                        try {
                            CheckinRecord rec = ReportCipher.decrypt(c.locationId(), r);
                            long from = Math.max(c.startSeconds(), rec.startSeconds());
                            long to = Math.min(c.endSeconds(), rec.endSeconds());
                            if (to > from) {
                                out.add(new CheckinMatch(c, rec, (to - from) / 60));
                            }
                        } catch (CheckinFormatException e) {
                            // tampered: skipped
                        }
                    }
                }
            }
        }
        return out;
    }

    /** Reproducible data: random-looking padding reports, real reports at random places, planted matches. */
    static final class Workload {
        final List<byte[]> files = new ArrayList<>();
        final List<String> names = new ArrayList<>();
        final Map<Long, byte[]> manifests = new TreeMap<>();
        final List<LocalCheckin> local = new ArrayList<>();
        List<VerificationKey> trusted;
        int planted;

        static Workload make(int reports, int localCount, int plantedCount, int days) {
            SecureRandom random = new SecureRandom(new byte[] {1, 2, 3});
            SplittableRandom rnd = new SplittableRandom(42);
            KeyPair pair = P256Keys.generate();
            SigningKey key = new SigningKey(pair.getPrivate(), "452", "v1");
            Workload w = new Workload();
            w.trusted = List.of(new VerificationKey(pair.getPublic(), "452", "v1"));
            long t0 = 1_786_000_000L / 3600 * 3600;
            List<PlacePayload> places = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                byte[] seed = new byte[16];
                rnd.nextBytes(seed);
                places.add(PlacePayload.of("Place " + i, "Xã " + i, 0, 0, 60, seed));
            }
            for (int i = 0; i < localCount; i++) {
                long start = t0 + rnd.nextLong(days * 86400L - 7200);
                w.local.add(new LocalCheckin(i, places.get(i % places.size()).locationId(), start, start + 3600));
            }
            int hours = days * 24;
            List<List<ProtectedReport>> perHour = new ArrayList<>();
            for (int h = 0; h < hours; h++) {
                perHour.add(new ArrayList<>());
            }
            for (int i = 0; i < plantedCount; i++) { // a case was at one of the phone's check-ins
                LocalCheckin c = w.local.get(rnd.nextInt(localCount));
                perHour.get(rnd.nextInt(hours)).add(ReportCipher.encrypt(c.locationId(),
                        CheckinRecord.covering(c.startSeconds() + 600, c.endSeconds() + 600, 5, ""), random));
            }
            w.planted = plantedCount;
            for (int i = plantedCount; i < reports; i++) { // reports of places the phone never saw
                byte[] h = new byte[32];
                byte[] iv = new byte[16];
                byte[] enc = new byte[16];
                byte[] mac = new byte[32];
                rnd.nextBytes(h);
                rnd.nextBytes(iv);
                rnd.nextBytes(enc);
                rnd.nextBytes(mac);
                perHour.get(rnd.nextInt(hours)).add(new ProtectedReport(h, iv, enc, mac));
            }
            Map<Long, Map<String, byte[]>> byDay = new TreeMap<>();
            for (int h = 0; h < hours; h++) {
                long start = t0 + h * 3600L;
                byte[] file = new CheckinPackage("VN", start, start + 3600, perHour.get(h)).sign(List.of(key));
                String name = "VN/hour-" + start + "-" + (start + 3600) + ".bin";
                w.files.add(file);
                w.names.add(name);
                byDay.computeIfAbsent(CheckinManifest.dayOf(start), d -> new LinkedHashMap<>()).put(name, TimeSplit.sha256(file));
            }
            byDay.forEach((day, listed) -> w.manifests.put(day, CheckinManifest.of("VN", day, listed).sign(List.of(key))));
            return w;
        }
    }
}
