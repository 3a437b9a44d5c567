package vn.bluezone.simulator.population;

import java.util.SplittableRandom;
import vn.bluezone.simulator.util.IntList;

/**
 * Watts–Strogatz small worlds (Nature 393:440, 1998) over each class and workplace. The ring lattice is realised
 * physically: members sit at desks in ring order, so lattice neighbours are desk neighbours. Only the rewired edges
 * need storing: they become visits to a classmate or colleague across the room or, for workers, a meeting with
 * someone from another workplace in the commune.
 */
final class SmallWorld {
    private SmallWorld() {
    }

    /** Returns {start, partner}: a symmetric CSR adjacency of the rewired edges. */
    static int[][] rewiredEdges(int[] groupStart, int[] groupMembers, boolean[] isSchool, int[] allWorkers,
                                int k, double p, int people, SplittableRandom r) {
        IntList from = new IntList();
        IntList to = new IntList();
        for (int g = 0; g + 1 < groupStart.length; g++) {
            int base = groupStart[g];
            int m = groupStart[g + 1] - base;
            int half = Math.min(k / 2, (m - 1) / 2);
            for (int i = 0; i < m; i++) {
                for (int j = 1; j <= half; j++) {
                    if (r.nextDouble() >= p) {
                        continue;
                    }
                    int a = groupMembers[base + i];
                    int b;
                    if (isSchool[g] || allWorkers.length < 2) {
                        b = groupMembers[base + r.nextInt(m)];
                    } else {
                        b = allWorkers[r.nextInt(allWorkers.length)];
                    }
                    if (b != a) {
                        from.add(a);
                        to.add(b);
                    }
                }
            }
        }
        int[] start = new int[people + 1];
        for (int e = 0; e < from.size(); e++) {
            start[from.get(e) + 1]++;
            start[to.get(e) + 1]++;
        }
        for (int i = 0; i < people; i++) {
            start[i + 1] += start[i];
        }
        int[] fill = start.clone();
        int[] partner = new int[from.size() * 2];
        for (int e = 0; e < from.size(); e++) {
            partner[fill[from.get(e)]++] = to.get(e);
            partner[fill[to.get(e)]++] = from.get(e);
        }
        return new int[][] {start, partner};
    }
}
