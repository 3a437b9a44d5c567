package vn.bluezone.protocol.risk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The risk configurations shipped with the code, by name: the one place where the default F1 rule is chosen. The
 * key server distributes the preset its operator names ({@code bluezone.keys.device-config.risk-preset}); phones,
 * the simulator and {@code ./bluezone rule evaluate} fall back to {@link #DEFAULT}. Each preset is a JSON resource
 * read by {@link RiskConfiguration#load(InputStream)}, so it passes the same validation as a server's file.
 */
public enum RiskPreset {
    /**
     * The Ministry of Health's F1 definition, 15 minutes within 2 m (58 dB): the default. The derived rule below
     * was the default for a few hours on 2026-12-03 and was put back to a preset because the paired epidemic runs
     * showed no gain from it (protocol/README.md, "The default rule").
     */
    MINISTRY_F1("vietnam-f1-ministry"),
    /**
     * 62 dB for 30 minutes: chosen by cross-validation against the encounter radio model (bench
     * {@code RuleDerivation}), for an authority that wants it; not the default, as its epidemic benefit is not shown.
     */
    DERIVED("vietnam-f1-derived");

    /** What every component uses when nothing else is configured. */
    public static final RiskPreset DEFAULT = MINISTRY_F1;

    private final String presetName;
    private volatile RiskConfiguration configuration;

    RiskPreset(String presetName) {
        this.presetName = presetName;
    }

    /** The name in the configuration's {@code name} field, the server property and the resource file. */
    public String presetName() {
        return presetName;
    }

    public String resource() {
        return "/vn/bluezone/protocol/risk/" + presetName + ".json";
    }

    /** The preset's configuration, loaded from its resource on first use. */
    public RiskConfiguration configuration() {
        RiskConfiguration c = configuration;
        if (c == null) {
            c = load();
            configuration = c;
        }
        return c;
    }

    /** The preset with this name; an unknown name names the known ones. */
    public static RiskPreset byName(String name) {
        for (RiskPreset p : values()) {
            if (p.presetName.equals(name)) {
                return p;
            }
        }
        throw new RiskConfigurationException("unknown risk preset " + (name == null ? "(none)" : "\"" + name + "\"")
                + "; known: " + names());
    }

    /** The known names, comma separated, default first. */
    public static String names() {
        return Arrays.stream(values()).map(RiskPreset::presetName).collect(Collectors.joining(", "));
    }

    private RiskConfiguration load() {
        try (InputStream in = RiskPreset.class.getResourceAsStream(resource())) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource());
            }
            RiskConfiguration c = RiskConfiguration.load(in);
            if (!c.name().equals(presetName)) {
                throw new IllegalStateException(resource() + " is named " + c.name() + ", not " + presetName);
            }
            return c;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
