package vn.bluezone.server.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.bluezone.api.registry.DeviceRegistration;
import vn.bluezone.api.registry.Heartbeat;
import vn.bluezone.api.registry.RegisteredDevice;
import vn.bluezone.server.registry.AdministrativeUnit;
import vn.bluezone.server.registry.AdministrativeUnits;
import vn.bluezone.server.registry.DeviceRegistry;
import vn.bluezone.server.registry.RegistryClock;
import vn.bluezone.server.registry.RegistryTestSupport;
import vn.bluezone.server.registry.Villages;

/**
 * Random installs and heartbeats over three weeks in Quảng Trị (45) and a few other provinces, then: every parent's
 * figures equal the sum of its children's (plus "not assigned"), and every figure equals what the test computes
 * itself from its own log of registrations and heartbeats.
 */
class RollupConsistencyTest extends RegistryTestSupport {
    static final LocalDate START = LocalDate.of(2021, 5, 3); // days of this test only

    @Autowired
    DeviceRegistry registry;
    @Autowired
    RegistryClock clock;
    @Autowired
    vn.bluezone.server.support.MutableClock time;
    @Autowired
    UnitStatistics statistics;
    @Autowired
    AdministrativeUnits units;
    @Autowired
    Villages villages;

    @AfterEach
    void systemClock() {
        time.set(java.time.Instant.now());
    }

    record Device(RegisteredDevice reg, String unit) {
    }

    @Test
    void parentsEqualTheSumOfTheirChildrenAndTheLog() {
        Random random = new Random(20210503);
        List<String> communes = new ArrayList<>();
        for (AdministrativeUnit district : units.children("45")) {
            for (AdministrativeUnit c : units.children(district.code())) {
                communes.add(c.code());
            }
        }
        String villageCommune = communes.get(0);
        List<String> villageCodes = List.of(
                villages.create(villageCommune, "thon", "Rollup Một", "test").code(),
                villages.create(villageCommune, "to-dan-pho", "Rollup Hai", "test").code());
        List<Device> devices = new ArrayList<>();
        Map<String, Set<LocalDate>> seen = new HashMap<>();
        Map<String, Map<LocalDate, Boolean>> bluetooth = new HashMap<>();
        Map<String, LocalDate> registered = new HashMap<>();
        int days = 21;
        for (int day = 0; day < days; day++) {
            LocalDate d = START.plusDays(day);
            time.set(d.atTime(10, 0).atZone(clock.zone()).toInstant());
            for (int i = 0; i < 15; i++) {
                int pick = random.nextInt(20);
                String commune = pick == 0 ? null : communes.get(random.nextInt(communes.size()));
                Long village = null;
                String unit = commune == null ? "VN" : commune;
                if (pick == 1) {
                    String v = villageCodes.get(random.nextInt(2));
                    village = AdministrativeUnit.villageId(v);
                    commune = null;
                    unit = v;
                }
                RegisteredDevice r = registry.register(new DeviceRegistration("android", "1", null, commune, village,
                        null, null));
                devices.add(new Device(r, unit));
                registered.put(r.deviceId(), d);
            }
            for (Device dev : devices) {
                if (random.nextInt(100) < 45) {
                    int beats = 1 + random.nextInt(3);
                    for (int b = 0; b < beats; b++) {
                        boolean on = random.nextBoolean();
                        registry.heartbeat(dev.reg().deviceId(), dev.reg().deviceSecret(), new Heartbeat(on, null));
                        seen.computeIfAbsent(dev.reg().deviceId(), k -> new HashSet<>()).add(d);
                        bluetooth.computeIfAbsent(dev.reg().deviceId(), k -> new HashMap<>()).put(d, on);
                    }
                }
            }
        }
        for (int day : new int[] {0, 6, 7, 13, 20}) {
            LocalDate d = START.plusDays(day);
            checkSums("45", d);
            for (AdministrativeUnit district : units.children("45")) {
                checkSums(district.code(), d);
            }
            checkSums(villageCommune, d);
            // figures from the test's own log
            for (String code : List.of("45", units.children("45").get(0).code(), villageCommune, villageCodes.get(0))) {
                long installs = 0;
                long active1 = 0;
                long active7 = 0;
                long bt = 0;
                for (Device dev : devices) {
                    if (!units.contains(code, dev.unit())) {
                        continue;
                    }
                    String id = dev.reg().deviceId();
                    installs += registered.get(id).isAfter(d) ? 0 : 1;
                    Set<LocalDate> s = seen.getOrDefault(id, Set.of());
                    active1 += s.contains(d) ? 1 : 0;
                    bt += s.contains(d) && bluetooth.get(id).get(d) ? 1 : 0;
                    LocalDate from = d.minusDays(6);
                    active7 += s.stream().anyMatch(x -> !x.isBefore(from) && !x.isAfter(d)) ? 1 : 0;
                }
                UnitFigures f = statistics.figures(code, d);
                assertEquals(installs, f.installs(), code + " installs on " + d);
                assertEquals(active1, f.active1d(), code + " active1d on " + d);
                assertEquals(active7, f.active7d(), code + " active7d on " + d);
                assertEquals(bt, f.bluetoothOn(), code + " bluetooth on " + d);
            }
        }
        assertTrue(statistics.ranking(villageCommune, START.plusDays(20)).children().size() == 2);
    }

    private void checkSums(String parent, LocalDate day) {
        Ranking r = statistics.ranking(parent, day);
        UnitFigures rest = r.unassigned();
        long installs = sum(r, UnitFigures::installs) + (rest == null ? 0 : rest.installs());
        assertEquals(r.parent().installs(), installs, parent + " installs");
        assertEquals(r.parent().active1d(), sum(r, UnitFigures::active1d) + (rest == null ? 0 : rest.active1d()));
        assertEquals(r.parent().active7d(), sum(r, UnitFigures::active7d) + (rest == null ? 0 : rest.active7d()));
        assertEquals(r.parent().bluetoothOn(), sum(r, UnitFigures::bluetoothOn) + (rest == null ? 0 : rest.bluetoothOn()));
        // below a province every device chose its commune, so nothing is unassigned there
        if (!parent.equals("VN") && units.require(parent).level() != vn.bluezone.server.registry.UnitLevel.COMMUNE) {
            assertEquals(null, rest, parent + " has unassigned devices");
        }
    }

    private static long sum(Ranking r, java.util.function.ToLongFunction<UnitFigures> f) {
        return r.children().stream().mapToLong(f).sum();
    }
}
