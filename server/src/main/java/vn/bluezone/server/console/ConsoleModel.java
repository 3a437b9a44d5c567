package vn.bluezone.server.console;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every console page may use: {@code fmt} (the one formatter) and {@code unitNames} (a unit's name instead of
 * its GSO code, looked up only when a template asks, so JSON endpoints pay nothing).
 */
@ControllerAdvice
public class ConsoleModel {
    private static final Formats FORMATS = new Formats();
    private final UnitNames unitNames;

    public ConsoleModel(ObjectProvider<UnitNameSource> names) {
        this.unitNames = new UnitNames(names);
    }

    @ModelAttribute("fmt")
    public Formats fmt() {
        return FORMATS;
    }

    @ModelAttribute("unitNames")
    public UnitNames unitNames() {
        return unitNames;
    }

    /** Names for codes in templates: {@code ${unitNames.of(official.areaCode)}}. */
    public static final class UnitNames {
        private final ObjectProvider<UnitNameSource> names;

        UnitNames(ObjectProvider<UnitNameSource> names) {
            this.names = names;
        }

        /** "Xã Quảng Ngạn" for 19873; null for the whole country (null code); the code itself if unknown. */
        public String of(String code) {
            if (code == null) {
                return null;
            }
            UnitNameSource source = this.names.getIfAvailable();
            return source == null ? code : source.name(code).orElse(code);
        }
    }
}
