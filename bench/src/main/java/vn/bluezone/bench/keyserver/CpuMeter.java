package vn.bluezone.bench.keyserver;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * CPU time used during a phase: by this JVM (the load generator), and on Linux by the server process and by all
 * PostgreSQL processes, read from {@code /proc}. On a 2-core machine where all three share the cores, this says
 * where a request's cost goes, which throughput alone cannot.
 */
final class CpuMeter {
    private static final double TICK_NANOS = 1e9 / 100; // USER_HZ is 100 on Linux

    private final long serverPid;
    private final long self0;
    private final long server0;
    private final Map<Long, Long> postgres0;

    /** CPU nanoseconds used in the phase; -1 where unknown. */
    record Used(long generatorNanos, long serverNanos, long postgresNanos) {
        String perRequest(int requests) {
            if (requests == 0) {
                return "";
            }
            return String.format(Locale.ROOT, "  cpu/request: generator %.2f ms%s%s", generatorNanos / 1e6 / requests,
                    serverNanos < 0 ? "" : String.format(Locale.ROOT, ", server %.2f ms", serverNanos / 1e6 / requests),
                    postgresNanos < 0 ? "" : String.format(Locale.ROOT, ", postgres %.2f ms", postgresNanos / 1e6 / requests));
        }
    }

    private CpuMeter(long serverPid) {
        this.serverPid = serverPid;
        this.self0 = selfNanos();
        this.server0 = serverPid > 0 ? procNanos(serverPid) : -1;
        this.postgres0 = serverPid > 0 ? postgresNanos() : null;
    }

    static CpuMeter start(long serverPid) {
        return new CpuMeter(serverPid);
    }

    Used stop() {
        long server = server0 < 0 ? -1 : procNanos(serverPid) - server0;
        long pg = postgres0 == null ? -1 : postgresUsedSince(postgres0, postgresNanos());
        return new Used(selfNanos() - self0, server, pg);
    }

    private static long selfNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean s ? s.getProcessCpuTime() : -1;
    }

    /** utime + stime of a process (including its finished threads), or -1. */
    static long procNanos(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (long) ((Long.parseLong(f[11]) + Long.parseLong(f[12])) * TICK_NANOS); // fields 14 and 15
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * CPU used by PostgreSQL processes between two readings: per process, so that a backend that exits meanwhile
     * (its time leaves the sum) cannot make the total negative; a process that started meanwhile counts whole. Its
     * time between the last reading and its exit is lost, so this is a lower bound. It counts every PostgreSQL
     * process on the machine, other databases' included.
     */
    static long postgresUsedSince(Map<Long, Long> before, Map<Long, Long> after) {
        if (after == null) {
            return -1;
        }
        long total = 0;
        for (Map.Entry<Long, Long> e : after.entrySet()) {
            total += Math.max(0, e.getValue() - before.getOrDefault(e.getKey(), 0L));
        }
        return total;
    }

    /** CPU time of each process whose command name starts with "postgres", by process id; null off Linux. */
    private static Map<Long, Long> postgresNanos() {
        Map<Long, Long> byPid = new HashMap<>();
        try (var dirs = Files.list(Path.of("/proc"))) {
            for (Path d : (Iterable<Path>) dirs::iterator) {
                String name = d.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    if (Files.readString(d.resolve("comm")).startsWith("postgres")) {
                        long pid = Long.parseLong(name);
                        long n = procNanos(pid);
                        if (n >= 0) {
                            byPid.put(pid, n);
                        }
                    }
                } catch (IOException | RuntimeException ignored) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return byPid;
    }
}
