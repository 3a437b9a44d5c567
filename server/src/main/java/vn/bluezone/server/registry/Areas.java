package vn.bluezone.server.registry;

import java.util.Optional;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.server.problem.DomainException;

/**
 * Names and nesting of administrative units and villages, as the registry offers them to other features (campaign,
 * check-ins, console): they read through this interface, never the registry's tables (issue 11 §2).
 */
public interface Areas {
    /** Full name ("Thôn Hà Lạc", "Xã Quảng Ngạn"), empty when the code is unknown. */
    Optional<String> name(String unitCode);

    /** True when {@code unitCode} is {@code ancestor} or lies inside it. */
    boolean contains(String ancestor, String unitCode);

    /** Villages and residential groups of a commune: code ("V12") to full name ("Thôn Hà Lạc"). */
    java.util.Map<String, String> villagesOf(String communeCode);

    /** The name, or a clear 400 when the unit does not exist. */
    default String requireName(String unitCode) {
        return name(unitCode).orElseThrow(() -> new DomainException(ErrorCode.UNKNOWN_UNIT,
                "no administrative unit or village with code '" + unitCode + "'"));
    }
}
