package vn.bluezone.server.keys.verification;

import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.protocol.ReportType;
import vn.bluezone.server.keys.KeysProperties;
import vn.bluezone.server.keys.SigningKeys;
import vn.bluezone.server.problem.DomainException;

/**
 * Verification certificates: ES256 JWTs that bind the case's report type, dates and region to the HMAC of the
 * exact keys to be uploaded ({@code tekmac}). Claim names follow the GAEN verification server's certificate
 * (reportType, symptomOnsetInterval, testDateInterval, tekmac) with dates added as ISO text.
 */
@Component
public class CertificateSigner {
    public static final String AUDIENCE = "bluezone-keys";

    private final SigningKeys keys;
    private final KeysProperties props;
    private final Clock clock;

    public CertificateSigner(SigningKeys keys, KeysProperties props, Clock clock) {
        this.keys = keys;
        this.props = props;
        this.clock = clock;
    }

    /** What a certificate vouches for. */
    public record Claims(String jti, ReportType reportType, LocalDate symptomDate, LocalDate testDate, String region,
                         String tekmac, Instant expiresAt) {
    }

    /** A freshly signed certificate and its JWT id. */
    public record Signed(String jwt, String jti) {
    }

    public Signed sign(ReportType reportType, LocalDate symptomDate, LocalDate testDate, String region, String tekmac,
                       Instant expiresAt) {
        SigningKeys.StoredKey key = keys.current(SigningKeys.CERTIFICATE);
        Instant now = clock.instant();
        String jti = UUID.randomUUID().toString();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(props.signing().certificateIssuer())
                .audience(AUDIENCE)
                .jwtID(jti)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expiresAt))
                .claim("reportType", reportType.name())
                .claim("region", region)
                .claim("tekmac", tekmac);
        if (symptomDate != null) {
            claims.claim("symptomDate", symptomDate.toString())
                    .claim("symptomOnsetInterval", symptomDate.toEpochDay() * 144);
        }
        if (testDate != null) {
            claims.claim("testDate", testDate.toString()).claim("testDateInterval", testDate.toEpochDay() * 144);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(kid(key)).build(), claims.build());
        try {
            jwt.sign(new ECDSASigner(key.privateKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign certificate", e);
        }
        return new Signed(jwt.serialize(), jti);
    }

    /**
     * The claims of a certificate whose authenticity the caller established otherwise (it matches the record
     * the server made when issuing it); parsing only, no signature check.
     */
    public Claims claimsOfRecorded(String certificate) {
        // Read with the JDK's Base64 and Jackson rather than the JOSE library: its constant-time Base64 decoder
        // (right for secrets, needless for this public payload) was the largest single cost of an upload.
        try {
            int a = certificate.indexOf('.');
            int b = certificate.indexOf('.', a + 1);
            if (a < 0 || b < 0 || certificate.indexOf('.', b + 1) >= 0) {
                throw invalid("the certificate is not a valid signed token");
            }
            JsonNode c = PAYLOAD.readTree(Base64.getUrlDecoder().decode(certificate.substring(a + 1, b)));
            JsonNode exp = c.get("exp");
            return new Claims(text(c, "jti"), ReportType.valueOf(text(c, "reportType")), date(text(c, "symptomDate")),
                    date(text(c, "testDate")), text(c, "region"), text(c, "tekmac"),
                    exp == null || !exp.isIntegralNumber() ? null : Instant.ofEpochSecond(exp.asLong()));
        } catch (DomainException e) {
            throw e;
        } catch (RuntimeException e) {
            throw invalid("the certificate is not a valid signed token");
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static final JsonMapper PAYLOAD = JsonMapper.builder().build();

    /** Checks signature, issuer, audience and expiry; distinct stable codes for invalid and expired. */
    public Claims verify(String certificate) {
        SignedJWT jwt;
        JWTClaimsSet c;
        try {
            jwt = SignedJWT.parse(certificate);
            c = jwt.getJWTClaimsSet();
        } catch (ParseException | RuntimeException e) {
            throw invalid("the certificate is not a valid signed token");
        }
        if (!JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm())) {
            throw invalid("the certificate is not signed with ES256");
        }
        List<SigningKeys.StoredKey> candidates = keys.active(SigningKeys.CERTIFICATE).stream()
                .filter(k -> kid(k).equals(jwt.getHeader().getKeyID())).toList();
        boolean ok = false;
        for (SigningKeys.StoredKey k : candidates) {
            try {
                if (jwt.verify(new ECDSAVerifier(k.publicKey()))) {
                    ok = true;
                    break;
                }
            } catch (JOSEException e) {
                // try the next key
            }
        }
        if (!ok) {
            throw invalid("the certificate's signature does not verify");
        }
        if (!props.signing().certificateIssuer().equals(c.getIssuer()) || c.getAudience() == null
                || !c.getAudience().contains(AUDIENCE) || c.getJWTID() == null || c.getExpirationTime() == null) {
            throw invalid("the certificate was not issued for key uploads");
        }
        Instant exp = c.getExpirationTime().toInstant();
        if (!clock.instant().isBefore(exp)) {
            throw new DomainException(ErrorCode.CERTIFICATE_EXPIRED, "the certificate has expired; verify again");
        }
        return claims(c);
    }

    private static Claims claims(JWTClaimsSet c) {
        try {
            return new Claims(c.getJWTID(), ReportType.valueOf(c.getStringClaim("reportType")),
                    date(c.getStringClaim("symptomDate")), date(c.getStringClaim("testDate")),
                    c.getStringClaim("region"), c.getStringClaim("tekmac"), c.getExpirationTime().toInstant());
        } catch (ParseException | RuntimeException e) {
            throw invalid("the certificate's claims are malformed");
        }
    }

    /** Hex SHA-256 of the whole token, as recorded at issue. */
    public static String tokenHash(String certificate) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(certificate.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LocalDate date(String s) {
        return s == null ? null : LocalDate.parse(s);
    }

    private static String kid(SigningKeys.StoredKey k) {
        return k.keyId() + "." + k.keyVersion();
    }

    private static DomainException invalid(String message) {
        return new DomainException(ErrorCode.CERTIFICATE_INVALID, message);
    }
}
