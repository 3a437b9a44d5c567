package vn.bluezone.server.console;

import java.util.Optional;

/**
 * Names of administrative units for the pages ({@code ${unitNames.of(code)}}). The console only declares it, so
 * that it depends on no feature; the feature that knows the units provides the bean (campaign's
 * {@code AreaUnitNames}, over its {@code Areas}).
 */
public interface UnitNameSource {
    /** "Xã Quảng Ngạn" for 19873; empty when the code is unknown. */
    Optional<String> name(String unitCode);
}
