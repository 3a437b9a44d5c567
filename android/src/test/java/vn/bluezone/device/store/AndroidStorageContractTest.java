package vn.bluezone.device.store;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.ParameterizedRobolectricTestRunner;
import org.robolectric.RuntimeEnvironment;

import vn.bluezone.android.store.AndroidDeviceStorage;

/**
 * The engine's storage contract ({@link DeviceStorageContract}, the same tests the engine's SQLite and in-memory
 * stores pass) against {@link AndroidDeviceStorage} on Android's SQLite. The contract is written for JUnit 5,
 * which cannot run inside Robolectric's sandbox; each of its {@code @Test} methods is one case here.
 */
@RunWith(ParameterizedRobolectricTestRunner.class)
public class AndroidStorageContractTest {
    private final String method;

    public AndroidStorageContractTest(String method) {
        this.method = method;
    }

    @ParameterizedRobolectricTestRunner.Parameters(name = "{0}")
    public static Collection<Object[]> contractTests() {
        List<Object[]> names = new ArrayList<>();
        for (Method m : DeviceStorageContract.class.getDeclaredMethods()) {
            if (m.isAnnotationPresent(org.junit.jupiter.api.Test.class)) {
                names.add(new Object[] {m.getName()});
            }
        }
        names.sort((a, b) -> ((String) a[0]).compareTo((String) b[0]));
        if (names.size() < 8) {
            throw new IllegalStateException("expected the engine's storage contract tests, found " + names.size());
        }
        return names;
    }

    /** The contract on Android's SQLite: one fresh database file per store the contract opens. */
    static final class OnAndroid extends DeviceStorageContract {
        private int files;

        @Override
        DeviceStorage open() {
            return AndroidDeviceStorage.open(RuntimeEnvironment.getApplication(), "contract" + files++ + ".db");
        }
    }

    @Test
    public void contract() throws Throwable {
        Method m = DeviceStorageContract.class.getDeclaredMethod(method);
        m.setAccessible(true);
        try {
            m.invoke(new OnAndroid());
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
