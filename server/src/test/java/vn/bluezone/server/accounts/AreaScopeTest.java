package vn.bluezone.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import vn.bluezone.server.problem.DomainException;

class AreaScopeTest {
    private static Official official(Role role, String area) {
        return new Official(1, "u", null, role, area, false);
    }

    @Test
    void withoutRegistryAUnitSeesOnlyItselfAndTheCountrySeesAll() {
        AreaScope scope = new AreaScope(new DefaultListableBeanFactory().getBeanProvider(AdministrativeHierarchy.class));
        assertThat(scope.maySee(official(Role.PROVINCE, "01"), "01")).isTrue();
        assertThat(scope.maySee(official(Role.PROVINCE, "01"), "79")).isFalse();
        assertThat(scope.maySee(official(Role.PROVINCE, "01"), null)).isFalse();
        assertThat(scope.maySee(official(Role.NATIONAL, "01"), "79")).isTrue();
        assertThat(scope.maySee(official(Role.HEALTH_OFFICER, null), "79")).isTrue();
        assertThatThrownBy(() -> scope.check(official(Role.COMMUNE, "00004"), "00007"))
                .isInstanceOf(DomainException.class).extracting("code").isEqualTo("OUT_OF_SCOPE");
    }

    @Test
    void aRegistryHierarchyBeanIsUsedWhenPresent() {
        DefaultListableBeanFactory f = new DefaultListableBeanFactory();
        // Ba Đình district (001) lies in Hà Nội (01); commune Phúc Xá (00001) in Ba Đình.
        Map<String, String> parent = Map.of("001", "01", "00001", "001");
        f.registerSingleton("hierarchy", (AdministrativeHierarchy) (ancestor, unit) -> {
            for (String u = unit; u != null; u = parent.get(u)) {
                if (u.equals(ancestor)) {
                    return true;
                }
            }
            return ancestor == null;
        });
        AreaScope scope = new AreaScope(f.getBeanProvider(AdministrativeHierarchy.class));
        assertThat(scope.maySee(official(Role.PROVINCE, "01"), "00001")).isTrue();
        assertThat(scope.maySee(official(Role.DISTRICT, "001"), "01")).isFalse();
    }
}
