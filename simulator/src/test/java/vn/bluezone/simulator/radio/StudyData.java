package vn.bluezone.simulator.radio;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import vn.bluezone.protocol.risk.evaluation.FieldDataCsv;
import vn.bluezone.protocol.risk.evaluation.FieldExposure;

/** The published measurements shipped in the simulator's resources (Dublin bus and tram, MITLL-UA). */
final class StudyData {
    static final String BUS = "/vn/bluezone/simulator/radio/leith-farrell-dublin-bus-2020.csv";
    static final String TRAM = "/vn/bluezone/simulator/radio/leith-farrell-dublin-tram-2020.csv";
    static final String MITLL_UA_QUEUE = "/vn/bluezone/simulator/radio/mitll-ua-bus-queue-2021.csv";
    static final String MITLL_UA_CLASSROOM = "/vn/bluezone/simulator/radio/mitll-ua-classroom-2021.csv";
    static final String MITLL_UA_CLASSROOM_VALIDATION =
            "/vn/bluezone/simulator/radio/mitll-ua-classroom-validation-2021.csv";
    static final String MITLL_UA_MBTA_BUS = "/vn/bluezone/simulator/radio/mitll-ua-mbta-bus-2021.csv";
    static final String MITLL_UA_MBTA_TRAIN = "/vn/bluezone/simulator/radio/mitll-ua-mbta-train-2021.csv";
    static final String MITLL_UA_SMALL_PARTY = "/vn/bluezone/simulator/radio/mitll-ua-small-party-2021.csv";
    static final String MITLL_UA_SMALL_PARTY_VALIDATION =
            "/vn/bluezone/simulator/radio/mitll-ua-small-party-validation-2021.csv";

    static final String MITLL_UA_AUDITORIUM = "/vn/bluezone/simulator/radio/mitll-ua-auditorium-2021.csv";
    static final String MITLL_UA_AUDITORIUM_VALIDATION =
            "/vn/bluezone/simulator/radio/mitll-ua-auditorium-validation-2021.csv";

    static final String MITLL_UA_MIT_SHUTTLE = "/vn/bluezone/simulator/radio/mitll-ua-mit-shuttle-2021.csv";

    private StudyData() {
    }

    static List<FieldExposure> read(String resource) {
        try (Reader r = new InputStreamReader(StudyData.class.getResourceAsStream(resource), StandardCharsets.UTF_8)) {
            return FieldDataCsv.read(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
