package vn.bluezone.bench;

import java.lang.management.ManagementFactory;

/**
 * CPU time of this JVM process (every thread: the matcher's, GC, JIT). On a shared machine wall-clock rates move
 * with the neighbours' load; RPIs per CPU-second is the per-core rate that the machine's load does not stretch
 * (it still suffers from shared caches and hyper-threads).
 */
public final class CpuClock {

    private static final com.sun.management.OperatingSystemMXBean OS = osBean();

    private CpuClock() {
    }

    /** Nanoseconds of process CPU time, or -1 when the JVM cannot tell. */
    public static long processCpuNanos() {
        return OS == null ? -1 : OS.getProcessCpuTime();
    }

    public static boolean available() {
        return processCpuNanos() >= 0;
    }

    private static com.sun.management.OperatingSystemMXBean osBean() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os : null;
    }
}
