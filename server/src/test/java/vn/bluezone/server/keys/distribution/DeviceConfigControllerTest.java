package vn.bluezone.server.keys.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import vn.bluezone.protocol.risk.RiskConfiguration;
import vn.bluezone.protocol.risk.RiskConfigurationException;
import vn.bluezone.server.keys.KeysProperties;

/** Which risk configuration the key server distributes: the derived default, a named preset, or a file. */
class DeviceConfigControllerTest {

    private static KeysProperties.DeviceConfig bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("bluezone.keys", KeysProperties.class).deviceConfig();
    }

    @Test
    void theMinistryRuleByDefault() {
        KeysProperties.DeviceConfig cfg = bind(Map.of());
        assertThat(cfg.riskPreset()).isEqualTo("vietnam-f1-ministry");
        RiskConfiguration risk = DeviceConfigController.loadRisk(cfg.riskFile(), cfg.riskPreset());
        assertThat(risk).isEqualTo(RiskConfiguration.vietnamDefault()).isEqualTo(RiskConfiguration.ministryF1());
        assertThat(risk.attenuationThresholds().near()).isEqualTo(58);
        assertThat(risk.closeContact().minimumCumulativeMinutes()).isEqualTo(15);
        assertThat(risk.closeContact().closeContactDistanceMeters()).isEqualTo(2.0);
    }

    @Test
    void anAuthorityCanChooseTheDerivedRule() {
        KeysProperties.DeviceConfig cfg = bind(Map.of("bluezone.keys.device-config.risk-preset", "vietnam-f1-derived"));
        RiskConfiguration risk = DeviceConfigController.loadRisk(cfg.riskFile(), cfg.riskPreset());
        assertThat(risk).isEqualTo(RiskConfiguration.derivedF1());
        assertThat(risk.name()).isEqualTo("vietnam-f1-derived");
        assertThat(risk.attenuationThresholds().near()).isEqualTo(62);
        assertThat(risk.closeContact().minimumCumulativeMinutes()).isEqualTo(30);
    }

    @Test
    void aFileReplacesThePreset(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("risk.json");
        RiskConfiguration oneMetre = RiskConfiguration.ministryF1().withCloseContact(1.0, 15);
        Files.writeString(file, oneMetre.toJson(), StandardCharsets.UTF_8);
        assertThat(DeviceConfigController.loadRisk(file.toString(), "vietnam-f1-derived")).isEqualTo(oneMetre);
    }

    @Test
    void anUnknownPresetNamesTheKnownOnes() {
        // Start-up refuses it earlier (the property's pattern; StartupFailuresTest); this is the lookup's own check.
        assertThatThrownBy(() -> DeviceConfigController.loadRisk("", "ministry"))
                .isInstanceOf(RiskConfigurationException.class)
                .hasMessage("unknown risk preset \"ministry\"; known: vietnam-f1-ministry, vietnam-f1-derived");
    }
}
