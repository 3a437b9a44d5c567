package vn.bluezone.server.statistics.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The map's classes follow the floor: breaks at half, one, two and four times it; a rate on a break goes up. */
class RateClassesTest {
    @Test
    void breaksFollowTheFloorAndARateOnABreakBelongsToTheClassAbove() {
        RateClasses c = new RateClasses(0.10);
        assertThat(c.breaks()).containsExactly(0.05, 0.10, 0.20, 0.40);
        assertThat(c.count()).isEqualTo(5);
        assertThat(c.classOf(0.0)).isZero();
        assertThat(c.classOf(0.0499)).isZero();
        assertThat(c.classOf(0.05)).isEqualTo(1);
        assertThat(c.classOf(0.0999)).isEqualTo(1);
        assertThat(c.classOf(0.10)).isEqualTo(2);
        assertThat(c.classOf(0.25)).isEqualTo(3);
        assertThat(c.classOf(0.40)).isEqualTo(4);
        assertThat(c.classOf(1.7)).isEqualTo(4); // more installs than people: still the top class (flagged elsewhere)
        assertThat(c.classOf(null)).isEqualTo(RateClasses.NO_DATA);
        assertThat(c.lower(0)).isNull();
        assertThat(c.upper(0)).isEqualTo(0.05);
        assertThat(c.lower(4)).isEqualTo(0.40);
        assertThat(c.upper(4)).isNull();

        RateClasses higher = new RateClasses(0.20);
        assertThat(higher.classOf(0.15)).isEqualTo(1);
        assertThat(higher.breaks()).containsExactly(0.10, 0.20, 0.40, 0.80);
        assertThatThrownBy(() -> new RateClasses(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
