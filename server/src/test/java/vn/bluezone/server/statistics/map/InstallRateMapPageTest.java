package vn.bluezone.server.statistics.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import vn.bluezone.server.accounts.AccountService;
import vn.bluezone.server.accounts.Role;
import vn.bluezone.server.registry.AdministrativeUnits;
import vn.bluezone.server.registry.DenominatorKind;
import vn.bluezone.server.registry.Denominators;
import vn.bluezone.server.registry.InstallCounters;
import vn.bluezone.server.registry.NewFigure;
import vn.bluezone.server.registry.RegistryClock;
import vn.bluezone.server.support.H2PerTestClass;
import vn.bluezone.server.support.TestClockConfig;

/**
 * The national dashboard draws the install-rate map: attested installs registered through the statistics counters in
 * six provinces give them known rates (population set to 1,000,000 each), and the page's SVG must hold one shape per
 * province, each in the class of its rate, with a title naming it and its rate ("Thành phố Hà Nội: 2,0%"), and a
 * legend counting them. A province's page has no map.
 */
@SpringBootTest(properties = "bluezone.demo.enabled=false")
@AutoConfigureMockMvc
@H2PerTestClass
@Import(TestClockConfig.class)
class InstallRateMapPageTest {
    private static final Pattern PATH = Pattern.compile("<path ([^>]*)><title>([^<]*)</title></path>");
    /** Province → installs per 1,000,000 people, and the class that rate must fall in (breaks 5/10/20/40%). */
    private static final Map<String, long[]> SEEDED = new LinkedHashMap<>();

    static {
        SEEDED.put("01", new long[] {20_000, 0});   // Hà Nội 2,0%
        SEEDED.put("40", new long[] {70_000, 1});   // Nghệ An 7,0%
        SEEDED.put("96", new long[] {100_000, 2});  // Cà Mau exactly the floor, 10,0%: the class above
        SEEDED.put("46", new long[] {150_000, 2});  // Thừa Thiên Huế 15,0%
        SEEDED.put("48", new long[] {300_000, 3});  // Đà Nẵng (with Hoàng Sa) 30,0%
        SEEDED.put("56", new long[] {550_000, 4});  // Khánh Hòa (with Trường Sa) 55,0%
    }

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired AdministrativeUnits units;
    @Autowired InstallCounters counters;
    @Autowired Denominators denominators;
    @Autowired RegistryClock clock;

    private UserDetails national;

    @BeforeEach
    void seed() {
        if (accounts.find("map.national").isEmpty()) {
            accounts.create("test", "map.national", null, Role.NATIONAL, null, "a-long-test-password", false);
            accounts.create("test", "map.hue", null, Role.PROVINCE, "46", "a-long-test-password", false);
            LocalDate today = clock.today();
            SEEDED.forEach((province, v) -> {
                denominators.record(List.of(new NewFigure(province, DenominatorKind.POPULATION, 1_000_000,
                        today.minusDays(10), "test")), "test", c -> true);
                // Registered in a commune, so every level up to the country counts them as the registry would.
                String commune = units.children(units.children(province).get(0).code()).get(0).code();
                counters.installed(List.of(new InstallCounters.Installs(units.chainCodes(commune), today.minusDays(1),
                        v[0], v[0])));
            });
        }
        national = accounts.loadUserByUsername("map.national");
    }

    private String page(String path, String lang, UserDetails who) throws Exception {
        var request = get(path).with(user(who));
        if (lang != null) {
            request = request.param("lang", lang);
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static String attribute(String attributes, String name) {
        Matcher m = Pattern.compile("\\b" + name + "=\"([^\"]*)\"").matcher(attributes);
        assertThat(m.find()).as(name + " in " + attributes.substring(0, Math.min(80, attributes.length()))).isTrue();
        return m.group(1);
    }

    @Test
    void theNationalPageHasOneShapePerProvinceInTheClassOfItsRate() throws Exception {
        String html = page("/console/statistics/VN", null, national);
        assertThat(html).contains("id=\"rate-map\"").contains("Bản đồ tỉ lệ cài đặt theo tỉnh, thành phố");
        Map<String, String[]> shapes = new LinkedHashMap<>();
        Matcher m = PATH.matcher(html);
        while (m.find()) {
            String code = attribute(m.group(1), "data-unit");
            assertThat(shapes.put(code, new String[] {attribute(m.group(1), "class"),
                    attribute(m.group(1), "data-rate-class"), m.group(2)})).as("shape of " + code).isNull();
        }
        assertThat(shapes).hasSize(63);
        assertThat(shapes.keySet()).containsExactlyInAnyOrderElementsOf(
                units.children("VN").stream().map(u -> u.code()).toList());
        shapes.forEach((code, s) -> {
            long expected = SEEDED.containsKey(code) ? SEEDED.get(code)[1] : 0; // no installs elsewhere: 0,0%
            assertThat(s[1]).as(code).isEqualTo(String.valueOf(expected));
            assertThat(s[0]).as(code).isEqualTo("province rate-c" + expected);
            assertThat(s[2]).as(code).startsWith(units.require(code).fullName() + ": ").endsWith("%");
        });
        assertThat(shapes.get("01")[2]).isEqualTo("Thành phố Hà Nội: 2,0%");
        assertThat(shapes.get("96")[2]).isEqualTo("Tỉnh Cà Mau: 10,0%");
        assertThat(shapes.get("56")[2]).isEqualTo("Tỉnh Khánh Hòa: 55,0%");
        assertThat(shapes.get("22")[2]).isEqualTo("Tỉnh Quảng Ninh: 0,0%");
        // Every shape links to its province's page.
        assertThat(html).contains("href=\"/console/statistics/40?day=");
        // Legend: the classes in Vietnamese number format with the number of provinces in each.
        String legend = html.substring(html.indexOf("id=\"rate-map-legend\""), html.indexOf("</ul>",
                html.indexOf("id=\"rate-map-legend\"")));
        assertThat(legend).contains("Dưới 5,0%").contains("(58 tỉnh)").contains("Từ 5,0% đến dưới 10,0%")
                .contains("Từ 10,0% đến dưới 20,0%").contains("(2 tỉnh)").contains("Từ 40,0% trở lên")
                .contains("Chưa có số liệu").contains("(0 tỉnh)");
        assertThat(html).contains("Quần đảo Hoàng Sa (Đà Nẵng)").contains("Quần đảo Trường Sa (Khánh Hòa)")
                .contains("Natural Earth");
        // Nothing is fetched from elsewhere to draw it.
        String map = html.substring(html.indexOf("id=\"rate-map\""), html.indexOf("</section>",
                html.indexOf("id=\"rate-map\"")));
        assertThat(map).doesNotContain("<script").doesNotContain("<img")
                .doesNotContainPattern("https?://(?!www\\.w3\\.org/2000/svg)");
    }

    @Test
    void englishPageAndProvincePage() throws Exception {
        String en = page("/console/statistics/VN", "en", national);
        assertThat(en).contains("Map of the install rate by province").contains("Under 5.0%")
                .contains("Thành phố Hà Nội: 2.0%").contains("Trường Sa (Spratly) Islands");
        String province = page("/console/statistics/46", "vi", accounts.loadUserByUsername("map.hue"));
        assertThat(province).doesNotContain("id=\"rate-map\"").doesNotContain("<path ");
    }
}
