package vn.bluezone.simulator.population;

/**
 * A synthetic commune as primitive arrays (one entry per person, household, group or venue), so that a million
 * people fit in a few hundred megabytes. Person ids are contiguous per household.
 */
public final class Population {
    public static final byte HOME = 0;
    public static final byte SCHOOL = 1;
    public static final byte WORK = 2;

    public final int size;
    public final byte[] age;
    public final int[] household;
    /** Members of household h are the ids householdStart[h] .. householdStart[h+1]-1. */
    public final int[] householdStart;
    /** Side of a household's square floor, metres. */
    public final float[] homeSide;
    public final byte[] activity;
    /** Class or workplace of a person, -1 for none. */
    public final int[] group;
    /** Members of group g in ring (desk) order: groupMembers[groupStart[g] .. groupStart[g+1]-1]. */
    public final int[] groupStart;
    public final int[] groupMembers;
    /** Position of a person in their group's ring. */
    public final int[] slot;
    public final boolean[] groupIsSchool;
    /** Rewired small-world edges of person p (symmetric): farPartner[farStart[p] .. farStart[p+1]-1]. */
    public final int[] farStart;
    public final int[] farPartner;
    public final boolean[] smartphone;
    /** Heavy-tailed weight for random encounters (mean normalised to 1). */
    public final float[] sociability;
    public final int markets;
    public final int eateries;
    public final int desks;

    Population(int size, byte[] age, int[] household, int[] householdStart, float[] homeSide, byte[] activity,
               int[] group, int[] groupStart, int[] groupMembers, int[] slot, boolean[] groupIsSchool,
               int[] farStart, int[] farPartner, boolean[] smartphone, float[] sociability,
               int markets, int eateries, int desks) {
        this.size = size;
        this.age = age;
        this.household = household;
        this.householdStart = householdStart;
        this.homeSide = homeSide;
        this.activity = activity;
        this.group = group;
        this.groupStart = groupStart;
        this.groupMembers = groupMembers;
        this.slot = slot;
        this.groupIsSchool = groupIsSchool;
        this.farStart = farStart;
        this.farPartner = farPartner;
        this.smartphone = smartphone;
        this.sociability = sociability;
        this.markets = markets;
        this.eateries = eateries;
        this.desks = desks;
    }

    public int households() {
        return householdStart.length - 1;
    }

    public int groups() {
        return groupStart.length - 1;
    }

    public int groupSize(int g) {
        return groupStart[g + 1] - groupStart[g];
    }

    /** Venue of each kind serving a household: households are laid out by hamlet, so neighbours share venues. */
    public int marketOf(int h) {
        return (int) ((long) h * markets / households());
    }

    public int eateryOf(int h) {
        return (int) ((long) h * eateries / households());
    }

    public int deskOf(int h) {
        return (int) ((long) h * desks / households());
    }

    public int smartphoneOwners() {
        int n = 0;
        for (boolean b : smartphone) {
            if (b) {
                n++;
            }
        }
        return n;
    }
}
