package vn.bluezone.simulator.day;

/** Places the members present in one segment (a run of ticks during which positions stay put) of a gathering. */
public interface Positions {
    /**
     * @param members global person ids of the gathering
     * @param present indexes into {@code members} of those present in this segment
     * @param count   how many entries of {@code present} are valid
     * @param x       output x, metres, per present entry
     * @param y       output y, metres, per present entry
     */
    void place(int segmentStart, int[] members, int[] present, int count, float[] x, float[] y);
}
