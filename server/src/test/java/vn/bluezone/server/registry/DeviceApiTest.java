package vn.bluezone.server.registry;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The phone's API over HTTP: public, JSON in and out, 4xx with stable codes for bad input. */
@AutoConfigureMockMvc
class DeviceApiTest extends RegistryTestSupport {
    @Autowired
    vn.bluezone.server.support.MutableClock time;

    @org.junit.jupiter.api.AfterEach
    void realTime() {
        time.set(java.time.Instant.now());
    }

    @Autowired
    MockMvc mvc;

    @Test
    void registerThenHeartbeatWithTheSecret() throws Exception {
        String body = mvc.perform(post("/api/v1/devices").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"platform\":\"android\",\"appVersion\":\"4.2.0\",\"communeCode\":\"19882\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.installCode").isString())
                .andExpect(jsonPath("$.referralCode").isString())
                .andReturn().getResponse().getContentAsString();
        JsonNode d = JsonMapper.builder().build().readTree(body);
        String id = d.get("deviceId").asString();
        String secret = d.get("deviceSecret").asString();
        mvc.perform(post("/api/v1/devices/" + id + "/heartbeat").header("Authorization", "Bearer " + secret)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"bluetoothOn\":true}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.counted").value(true));
        mvc.perform(post("/api/v1/devices/" + id + "/heartbeat").header("Authorization", "Bearer " + secret)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"bluetoothOn\":true}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.counted").value(false));
        mvc.perform(post("/api/v1/devices/" + id + "/heartbeat").header("Authorization", "Bearer nope")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"bluetoothOn\":true}"))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.error").value("BAD_DEVICE_CREDENTIALS"));
        mvc.perform(post("/api/v1/devices/" + id + "/heartbeat")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"bluetoothOn\":true}"))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.error").value("DEVICE_AUTH_REQUIRED"));
    }

    @Test
    void aPhoneSeesHowManyInstallsCameFromItsReferralLink() throws Exception {
        JsonNode a = register("{\"platform\":\"android\",\"appVersion\":\"1.0.0\"}");
        String code = a.get("referralCode").asString();
        String url = "/api/v1/devices/" + a.get("deviceId").asString() + "/referrals";
        String bearer = "Bearer " + a.get("deviceSecret").asString();
        mvc.perform(get(url).header("Authorization", bearer)).andExpect(status().isOk())
                .andExpect(jsonPath("$.referralCode").value(code)).andExpect(jsonPath("$.installs").value(0));
        JsonNode b = register("{\"platform\":\"android\",\"appVersion\":\"1.0.0\",\"referralCode\":\"" + code + "\"}");
        JsonNode c = register("{\"platform\":\"ios\",\"appVersion\":\"1.0.0\",\"referralCode\":\"" + code + "\"}");
        register("{\"platform\":\"android\",\"appVersion\":\"1.0.0\"}");
        // Issue 15 §3: they count once they have sent heartbeats on two different days.
        mvc.perform(get(url).header("Authorization", bearer)).andExpect(jsonPath("$.installs").value(0));
        java.time.Instant now = time.instant();
        beat(b);
        beat(c);
        mvc.perform(get(url).header("Authorization", bearer)).andExpect(jsonPath("$.installs").value(0));
        time.set(now.plus(java.time.Duration.ofDays(1)));
        beat(b);
        time.set(now.plus(java.time.Duration.ofDays(2)));
        beat(c);
        time.set(now);
        mvc.perform(get(url).header("Authorization", bearer)).andExpect(status().isOk())
                .andExpect(jsonPath("$.installs").value(2));
        mvc.perform(get(url).header("Authorization", "Bearer wrong")).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").value("BAD_DEVICE_CREDENTIALS"));
        mvc.perform(get("/api/v1/devices/not-a-device/referrals").header("Authorization", bearer))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.error").value("BAD_DEVICE_CREDENTIALS"));
        mvc.perform(get(url)).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").value("DEVICE_AUTH_REQUIRED"));
    }

    private void beat(JsonNode d) throws Exception {
        mvc.perform(post("/api/v1/devices/" + d.get("deviceId").asString() + "/heartbeat")
                .header("Authorization", "Bearer " + d.get("deviceSecret").asString())
                .contentType(MediaType.APPLICATION_JSON).content("{\"bluetoothOn\":true}")).andExpect(status().isOk());
    }

    private JsonNode register(String body) throws Exception {
        return JsonMapper.builder().build().readTree(mvc.perform(post("/api/v1/devices")
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
    }

    @Test
    void aRepeatedRegistrationAnswersTheSameDevice() throws Exception {
        String body = "{\"platform\":\"ios\",\"appVersion\":\"4.2.0\",\"installationId\":"
                + "\"9d1e2f30-4a5b-4c6d-8e7f-a0b1c2d3e4f5\"}";
        JsonNode first = JsonMapper.builder().build().readTree(mvc.perform(post("/api/v1/devices")
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        String id = first.get("deviceId").asString();
        String secret = first.get("deviceSecret").asString();
        mvc.perform(post("/api/v1/devices/" + id + "/heartbeat").header("Authorization", "Bearer " + secret)
                .contentType(MediaType.APPLICATION_JSON).content("{\"bluetoothOn\":true}")).andExpect(status().isOk());
        mvc.perform(post("/api/v1/devices").header("Authorization", "Bearer " + secret)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk()).andExpect(jsonPath("$.deviceId").value(id))
                .andExpect(jsonPath("$.deviceSecret").value(secret))
                .andExpect(jsonPath("$.installCode").value(first.get("installCode").asString()))
                .andExpect(jsonPath("$.referralCode").value(first.get("referralCode").asString()));
        mvc.perform(post("/api/v1/devices").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.error").value("ALREADY_REGISTERED"));
        mvc.perform(post("/api/v1/devices").header("Authorization", "Bearer wrong")
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.error").value("BAD_DEVICE_CREDENTIALS"));
        mvc.perform(post("/api/v1/devices").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"platform\":\"ios\",\"appVersion\":\"1\",\"installationId\":\"12345\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("BAD_INSTALLATION_ID"));
    }

    @Test
    void badRegistrationsAreClear4xx() throws Exception {
        mvc.perform(post("/api/v1/devices").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"platform\":\"android\",\"appVersion\":\"1\",\"communeCode\":\"46\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("UNKNOWN_COMMUNE"));
        mvc.perform(post("/api/v1/devices").contentType(MediaType.APPLICATION_JSON).content("{not json"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("MALFORMED_JSON"));
        mvc.perform(post("/api/v1/devices").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"platform\":\"android\",\"appVersion\":\"1\",\"villageId\":\"abc\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("INVALID_FIELD"));
        mvc.perform(post("/api/v1/devices").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("BAD_PLATFORM"));
    }

    @Test
    void publicUnitPickerSearchesWithoutDiacritics() throws Exception {
        mvc.perform(get("/api/v1/units").param("q", "quang ngan"))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].code").value("19873"))
                .andExpect(jsonPath("$[0].fullName").value("Xã Quảng Ngạn"));
        mvc.perform(get("/api/v1/units/477/children")).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.code == '19873')].name").value("Quảng Ngạn"));
        mvc.perform(get("/api/v1/units/VN/children")).andExpect(jsonPath("$.length()").value(63));
        mvc.perform(get("/api/v1/units/123456")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("UNIT_NOT_FOUND"));
        mvc.perform(get("/api/v1/units").param("q", "q")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("QUERY_TOO_SHORT"));
    }
}
