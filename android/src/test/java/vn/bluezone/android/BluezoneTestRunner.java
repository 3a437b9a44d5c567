package vn.bluezone.android;

import org.junit.runners.model.FrameworkMethod;
import org.junit.runners.model.InitializationError;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.internal.bytecode.InstrumentationConfiguration;

/**
 * Robolectric's runner with the test key server's package left to the ordinary class loader, so that the real
 * Spring Boot server runs beside the sandboxed app instead of inside it.
 */
public class BluezoneTestRunner extends RobolectricTestRunner {
    public BluezoneTestRunner(Class<?> testClass) throws InitializationError {
        super(testClass);
    }

    @Override
    protected InstrumentationConfiguration createClassLoaderConfig(FrameworkMethod method) {
        return new InstrumentationConfiguration.Builder(super.createClassLoaderConfig(method))
                .doNotAcquirePackage("vn.bluezone.android.testserver")
                .build();
    }
}
