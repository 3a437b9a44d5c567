package vn.bluezone.simulator;

/** Told after every simulated day (the CLI draws its progress bar from it). */
@FunctionalInterface
public interface ProgressListener {
    void day(String label, int day, int days, long peopleDays, double elapsedSeconds);

    ProgressListener NONE = (label, day, days, peopleDays, elapsedSeconds) -> { };
}
