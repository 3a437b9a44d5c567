package vn.bluezone.server.campaign.radio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.bluezone.server.registry.AreaSnapshot;
import vn.bluezone.server.campaign.CampaignProblem;
import vn.bluezone.server.web.ErrorStatus;

class ScriptTemplateTest {
    private static final LocalDate DAY = LocalDate.of(2020, 8, 10);

    @Test
    void fillsLiveFiguresTheWayTheyAreReadAloud() {
        AreaSnapshot haLac = new AreaSnapshot("V1", "Thôn Hà Lạc", DAY, 1240, 1100, 980, 2000L, 1500L);
        String script = ScriptTemplate.fill("{don_vi} đã có {ty_le} người dân cài đặt Bluezone ({so_cai_dat} trên "
                + "{dan_so} người, {ty_le_dien_thoai} người dùng điện thoại thông minh); tuần qua thêm {tang_tuan}; "
                + "ngày {ngay}.", haLac);
        assertThat(script).isEqualTo("Thôn Hà Lạc đã có 62% người dân cài đặt Bluezone (1.240 trên 2.000 người, "
                + "83% người dùng điện thoại thông minh); tuần qua thêm 140; ngày 10/08/2020.");
    }

    @Test
    void smallRatesKeepOneDecimalWithAComma() {
        assertThat(Placeholder.percent(0.045)).isEqualTo("4,5%");
        assertThat(Placeholder.percent(0.0)).isEqualTo("0%");
        assertThat(Placeholder.percent(0.625)).isEqualTo("63%");
        assertThat(Placeholder.count(1234567)).isEqualTo("1.234.567");
    }

    @Test
    void aScriptNeedingAnUnknownPopulationIsNotReadWithABlank() {
        AreaSnapshot noPopulation = new AreaSnapshot("V2", "Thôn Tân Mỹ", DAY, 50, 10, 40, null, null);
        assertThatThrownBy(() -> ScriptTemplate.fill("{don_vi}: {ty_le}", noPopulation))
                .isInstanceOfSatisfying(CampaignProblem.class, p -> {
                    assertThat(p.code()).isEqualTo("FIGURES_MISSING");
                    assertThat(ErrorStatus.of(p).value()).isEqualTo(409);
                })
                .hasMessageContaining("Thôn Tân Mỹ").hasMessageContaining("{ty_le}");
        // Figures that need no denominator still work.
        assertThat(ScriptTemplate.fill("{don_vi}: {so_cai_dat}", noPopulation)).isEqualTo("Thôn Tân Mỹ: 50");
    }

    @Test
    void validationNamesUnknownPlaceholdersAndStrayBraces() {
        assertThatThrownBy(() -> ScriptTemplate.validate("{don_vi} có {tyle}"))
                .isInstanceOfSatisfying(CampaignProblem.class,
                        p -> assertThat(p.code()).isEqualTo("TEMPLATE_UNKNOWN_PLACEHOLDER"))
                .hasMessageContaining("{tyle}").hasMessageContaining("{ty_le}");
        assertThatThrownBy(() -> ScriptTemplate.validate("{don_vi} có {ty_le"))
                .isInstanceOfSatisfying(CampaignProblem.class, p -> assertThat(p.code()).isEqualTo("TEMPLATE_BRACES"));
        assertThatThrownBy(() -> ScriptTemplate.validate("  "))
                .isInstanceOfSatisfying(CampaignProblem.class, p -> assertThat(p.code()).isEqualTo("TEMPLATE_EMPTY"));
        ScriptTemplate.validate("{don_vi} có { ty_le } người cài.");
        assertThat(ScriptTemplate.placeholders("{don_vi} {ty_le} {don_vi}"))
                .containsExactly(Placeholder.DON_VI, Placeholder.TY_LE);
    }
}
