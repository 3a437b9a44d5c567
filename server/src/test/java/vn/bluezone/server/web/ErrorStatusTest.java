package vn.bluezone.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.server.problem.Conflict;
import vn.bluezone.server.problem.DomainException;

/**
 * The one table from code to status: every {@link ErrorCode} has one, the one api/README.md documents, and the
 * global handler answers a feature's {@link DomainException} with it, the contract's body and Retry-After.
 */
class ErrorStatusTest {
    private static final Pattern ROW = Pattern.compile("(?m)^\\| `([A-Z][A-Z0-9_]+)` \\| ([^|]+) \\|");

    @Test
    void everyCodeHasAStatus() {
        List<ErrorCode> missing = new ArrayList<>();
        for (ErrorCode code : ErrorCode.values()) {
            try {
                assertThat(ErrorStatus.of(code).isError()).as(code.name()).isTrue();
            } catch (IllegalStateException e) {
                missing.add(code);
            }
        }
        assertThat(missing).as("codes without a status in ErrorStatus").isEmpty();
    }

    @Test
    void theStatusesAreTheOnesTheApiReadmeDocuments() throws IOException {
        Map<String, String> documented = new TreeMap<>();
        Matcher m = ROW.matcher(Files.readString(Path.of("../api/README.md")));
        while (m.find()) {
            documented.put(m.group(1), m.group(2).trim());
        }
        assertThat(documented).hasSizeGreaterThan(150);
        Map<String, String> differ = new TreeMap<>();
        documented.forEach((code, doc) -> {
            Matcher status = Pattern.compile("^(\\d{3})").matcher(doc); // "per key", "import": inside another answer
            int table = ErrorStatus.of(ErrorCode.valueOf(code)).value();
            if (status.find() ? Integer.parseInt(status.group(1)) != table : table != 400) {
                differ.put(code, "README " + doc + ", table " + table);
            }
        });
        assertThat(differ).isEmpty();
    }

    @Test
    void aConflictIsA409WhateverItsCodesUsualStatus() {
        assertThat(ErrorStatus.of(new DomainException(ErrorCode.CODE_USED, "used"))).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(ErrorStatus.of(new Conflict(ErrorCode.CODE_USED, "used"))).isEqualTo(HttpStatus.CONFLICT);
        assertThat(ErrorStatus.of(new DomainException(ErrorCode.CODES_EXHAUSTED, "none")))
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(ErrorStatus.isForbidden(new DomainException(ErrorCode.OUT_OF_SCOPE, "elsewhere"))).isTrue();
    }

    @RestController
    static class Throwing {
        @GetMapping("/api/v1/test/fail")
        String fail(@RequestParam String code, @RequestParam(defaultValue = "0") long retry) {
            throw new DomainException(ErrorCode.valueOf(code), "because " + code, retry);
        }

        @GetMapping("/api/v1/test/conflict")
        String conflict() {
            throw new Conflict(ErrorCode.CODE_USED, "the code was already used");
        }

        @GetMapping("/api/v1/test/number")
        String number(@RequestParam int n) {
            return "n=" + n;
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Throwing())
            .setControllerAdvice(new GlobalExceptionHandler()).build();

    @Test
    void theHandlerAnswersWithTheTablesStatusTheContractsBodyAndRetryAfter() throws Exception {
        mvc.perform(get("/api/v1/test/fail").param("code", "UNKNOWN_COMMUNE"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("UNKNOWN_COMMUNE"))
                .andExpect(jsonPath("$.message").value("because UNKNOWN_COMMUNE"))
                .andExpect(header().doesNotExist("Retry-After"));
        mvc.perform(get("/api/v1/test/fail").param("code", "OUT_OF_SCOPE")).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/test/fail").param("code", "TASK_NOT_FOUND")).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/test/fail").param("code", "RATE_LIMITED").param("retry", "600"))
                .andExpect(status().isTooManyRequests()).andExpect(header().string("Retry-After", "600"));
        mvc.perform(get("/api/v1/test/fail").param("code", "BUSY").param("retry", "5"))
                .andExpect(status().isServiceUnavailable()).andExpect(header().string("Retry-After", "5"));
        mvc.perform(get("/api/v1/test/conflict")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value("CODE_USED"));
    }

    @Test
    void theFrameworksOwnRefusalsKeepTheirCodes() throws Exception {
        mvc.perform(get("/api/v1/test/number").param("n", "x")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("INVALID_PARAMETER"))
                .andExpect(jsonPath("$.fields[0].field").value("n"));
        mvc.perform(get("/api/v1/test/number")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("MISSING_PARAMETER"))
                .andExpect(jsonPath("$.message").value("parameter 'n' is required"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/test/number"))
                .andExpect(status().isMethodNotAllowed()).andExpect(jsonPath("$.error").value("METHOD_NOT_ALLOWED"));
    }
}
