package vn.bluezone.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import vn.bluezone.api.registry.HeartbeatResult;
import vn.bluezone.api.submission.DiagnosisKey;
import vn.bluezone.api.submission.DiagnosisKeysResponse;
import vn.bluezone.api.submission.KeyResult;
import vn.bluezone.api.verification.VerifyResponse;
import vn.bluezone.protocol.ReportType;

/**
 * Android (below API 34) has no {@code Class.getRecordComponents()} and D8 drops parameter names, so Jackson must
 * bind every record through an explicit {@code @JsonCreator} whose parameters are named by {@code @JsonProperty},
 * and write it through annotated accessors. This checks every record of the module for that, then that the JSON is
 * the server's (field names, nulls left out).
 */
class WireRecordsTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void everyRecordBindsWithoutRecordReflection() throws Exception {
        List<Class<?>> records = records();
        assertTrue(records.size() >= 20, "found " + records.size() + " records");
        for (Class<?> r : records) {
            RecordComponent[] components = r.getRecordComponents();
            Class<?>[] types = Stream.of(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            Constructor<?> canonical = r.getDeclaredConstructor(types);
            assertNotNull(canonical.getAnnotation(JsonCreator.class), r + ": canonical constructor needs @JsonCreator");
            Parameter[] params = canonical.getParameters();
            for (int i = 0; i < components.length; i++) {
                JsonProperty p = params[i].getAnnotation(JsonProperty.class);
                assertNotNull(p, r.getSimpleName() + " parameter " + i + " needs @JsonProperty");
                assertEquals(components[i].getName(), p.value(), r.getSimpleName() + " parameter " + i);
                JsonProperty onAccessor = components[i].getAccessor().getAnnotation(JsonProperty.class);
                assertNotNull(onAccessor, r.getSimpleName() + "." + components[i].getName() + "() needs @JsonProperty");
                assertEquals(components[i].getName(), onAccessor.value());
            }
        }
    }

    @Test
    void jsonIsTheServersShape() {
        VerifyResponse v = new VerifyResponse("t", ReportType.CONFIRMED_TEST, LocalDate.of(2026, 11, 30), null,
                Instant.parse("2026-12-01T00:00:00Z"));
        String text = JSON.writeValueAsString(v);
        assertEquals("{\"token\":\"t\",\"reportType\":\"CONFIRMED_TEST\",\"symptomOnsetDate\":\"2026-11-30\","
                + "\"expiresAt\":\"2026-12-01T00:00:00Z\"}", text);
        assertEquals(v, JSON.readValue(text, VerifyResponse.class));

        DiagnosisKeysResponse r = new DiagnosisKeysResponse(1,
                List.of(KeyResult.accepted(0), KeyResult.rejected(1, ErrorCode.KEY_TOO_OLD)), "pad");
        String rt = JSON.writeValueAsString(r);
        assertEquals("{\"insertedExposures\":1,\"results\":[{\"index\":0,\"status\":\"ACCEPTED\"},"
                + "{\"index\":1,\"status\":\"REJECTED\",\"reason\":\"KEY_TOO_OLD\"}],\"padding\":\"pad\"}", rt);
        DiagnosisKeysResponse back = JSON.readValue(rt, DiagnosisKeysResponse.class);
        assertEquals(r, back);
        assertTrue(back.results().get(0).wasAccepted());
        assertEquals(ErrorCode.KEY_TOO_OLD, back.results().get(1).reasonCode().orElseThrow());

        assertEquals("{\"key\":\"k\",\"rollingStartIntervalNumber\":1,\"rollingPeriod\":144}",
                JSON.writeValueAsString(new DiagnosisKey("k", 1, 144, null)));
        assertEquals(new HeartbeatResult(true, LocalDate.of(2026, 12, 2)),
                JSON.readValue("{\"counted\":true,\"day\":\"2026-12-02\"}", HeartbeatResult.class));
    }

    @Test
    void errorsKeepUnknownCodesAndLeaveOutEmptyFields() {
        ApiError e = JSON.readValue("{\"error\":\"SOMETHING_NEWER\",\"message\":\"m\"}", ApiError.class);
        assertEquals("SOMETHING_NEWER", e.error());
        assertFalse(e.code().isPresent());
        assertEquals(List.of(), e.fields());
        assertEquals("{\"error\":\"CODE_USED\",\"message\":\"used\"}",
                JSON.writeValueAsString(new ApiError(ErrorCode.CODE_USED, "used")));
        ApiError v = JSON.readValue("{\"error\":\"VALIDATION_FAILED\",\"message\":\"code: must not be blank\","
                + "\"fields\":[{\"field\":\"code\",\"problem\":\"must not be blank\"}]}", ApiError.class);
        assertEquals(ErrorCode.VALIDATION_FAILED, v.code().orElseThrow());
        assertEquals(new ApiError.FieldProblem("code", "must not be blank"), v.fields().get(0));
    }

    @Test
    void pathsFillTheirVariables() {
        assertEquals("/api/v1/exports/VN/index.txt", ApiPaths.exportIndex("VN"));
        assertEquals("/api/v1/exports/79/hour-1-2-00001.zip", ApiPaths.exportFile("79", "79/hour-1-2-00001.zip"));
        assertEquals("/api/v1/exports/79/hour-1-2-00001.zip", ApiPaths.exportFile("79", "hour-1-2-00001"));
        assertEquals("/api/v1/devices/a%2Fb/heartbeat", ApiPaths.heartbeat("a/b"));
        assertEquals("api/v1/verify", ApiPaths.relative(ApiPaths.VERIFY));
    }

    static List<Class<?>> records() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(ApiError.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> c = Class.forName(name);
                if (c.isRecord()) {
                    out.add(c);
                }
            }
        }
        return out;
    }
}
