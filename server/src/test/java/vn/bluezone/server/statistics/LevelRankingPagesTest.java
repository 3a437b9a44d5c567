package vn.bluezone.server.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import vn.bluezone.server.accounts.AccountService;
import vn.bluezone.server.accounts.Role;
import vn.bluezone.server.registry.AdministrativeUnit;
import vn.bluezone.server.registry.AdministrativeUnits;
import vn.bluezone.server.registry.RegistryTestSupport;

/** A province ranks all its communes in one table, filtered by district; a neighbouring province is refused. */
@AutoConfigureMockMvc
class LevelRankingPagesTest extends RegistryTestSupport {
    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired AdministrativeUnits units;

    private List<AdministrativeUnit> communesOf(String province) {
        List<AdministrativeUnit> out = new ArrayList<>();
        for (AdministrativeUnit d : units.children(province)) {
            out.addAll(units.children(d.code()));
        }
        return out;
    }

    @Test
    void aProvinceRanksAllItsCommunesAndFiltersByDistrict() throws Exception {
        if (accounts.find("rank.hue").isEmpty()) {
            accounts.create("test", "rank.hue", null, Role.PROVINCE, "46", "a-long-test-password", false);
        }
        var me = accounts.loadUserByUsername("rank.hue");
        String html = mvc.perform(get("/console/statistics/46/ranking").with(user(me))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        int communes = communesOf("46").size();
        assertThat(communes).isGreaterThan(100);
        assertThat(html.split("<td><a href=\"/console/statistics/\\d{5}\"").length - 1).isEqualTo(communes);
        AdministrativeUnit district = units.children("46").get(0);
        String filtered = mvc.perform(get("/console/statistics/46/ranking").param("level", "COMMUNE")
                .param("within", district.code()).with(user(me))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(filtered.split("<td><a href=\"/console/statistics/\\d{5}\"").length - 1)
                .isEqualTo(units.children(district.code()).size());
        mvc.perform(get("/console/statistics/01/ranking").with(user(me))).andExpect(status().isForbidden());
        mvc.perform(get("/console/statistics/46/ranking").param("level", "NATION").with(user(me)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aDistrictWithoutListedVillagesRanksItsCommunesRatherThanAnEmptyTable() throws Exception {
        if (accounts.find("rank.namdong").isEmpty()) {
            accounts.create("test", "rank.namdong", null, Role.DISTRICT, "483", "a-long-test-password", false);
        }
        List<AdministrativeUnit> communes = units.children("483");
        assertThat(communes).isNotEmpty().allSatisfy(c -> assertThat(units.children(c.code())).isEmpty());
        String html = mvc.perform(get("/console/statistics/483/ranking")
                .with(user(accounts.loadUserByUsername("rank.namdong")))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(html.split("<td><a href=\"/console/statistics/\\d{5}\"").length - 1).isEqualTo(communes.size());
        assertThat(html).doesNotContain("id=\"ranking-empty\"");
        // Villages asked for by name: none listed, so the page says so instead of showing an empty table.
        String villages = mvc.perform(get("/console/statistics/483/ranking").param("level", "VILLAGE")
                .with(user(accounts.loadUserByUsername("rank.namdong")))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(villages).contains("id=\"ranking-empty\"").doesNotContain("id=\"all-units\"");
    }
}
