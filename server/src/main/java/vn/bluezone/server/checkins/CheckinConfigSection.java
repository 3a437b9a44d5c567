package vn.bluezone.server.checkins;

import java.util.Map;
import org.springframework.stereotype.Component;
import vn.bluezone.server.keys.distribution.DeviceConfigSection;

/** The check-ins' part of the signed phone configuration: {@code "checkins": {"minimumOverlapMinutes": 15}}. */
@Component
class CheckinConfigSection implements DeviceConfigSection {
    private final CheckinsProperties props;

    CheckinConfigSection(CheckinsProperties props) {
        this.props = props;
    }

    @Override
    public String member() {
        return "checkins";
    }

    @Override
    public Object value() {
        return Map.of("minimumOverlapMinutes", props.minimumOverlapMinutes());
    }
}
