package vn.bluezone.server.campaign;

import java.util.Optional;
import vn.bluezone.api.ErrorCode;

/** Names and nesting of administrative units and villages, as the registry knows them. */
public interface Areas {
    /** Full name ("Thôn Hà Lạc", "Xã Quảng Ngạn"), empty when the code is unknown. */
    Optional<String> name(String unitCode);

    /** True when {@code unitCode} is {@code ancestor} or lies inside it. */
    boolean contains(String ancestor, String unitCode);

    /** Villages and residential groups of a commune: code ("V12") to full name ("Thôn Hà Lạc"). */
    java.util.Map<String, String> villagesOf(String communeCode);

    /** The name, or a clear 400 when the unit does not exist. */
    default String requireName(String unitCode) {
        return name(unitCode).orElseThrow(() -> CampaignProblem.badRequest(ErrorCode.UNKNOWN_UNIT,
                "no administrative unit or village with code '" + unitCode + "'"));
    }
}
