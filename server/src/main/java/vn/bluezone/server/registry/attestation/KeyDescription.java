package vn.bluezone.server.registry.attestation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Boolean;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Enumerated;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.BERTags;

/**
 * What Android's keystore says about an attested key: the key description extension (OID 1.3.6.1.4.1.11129.2.1.17)
 * of the leaf certificate, as AOSP documents it ("Key and ID attestation", KeyDescription schema, versions 1 to 400):
 * <pre>
 * KeyDescription ::= SEQUENCE { attestationVersion INTEGER, attestationSecurityLevel SecurityLevel,
 *     keyMintVersion INTEGER, keyMintSecurityLevel SecurityLevel, attestationChallenge OCTET STRING,
 *     uniqueId OCTET STRING, softwareEnforced AuthorizationList, hardwareEnforced AuthorizationList }
 * SecurityLevel ::= ENUMERATED { Software (0), TrustedEnvironment (1), StrongBox (2) }
 * AuthorizationList ::= SEQUENCE { ..., rootOfTrust [704] EXPLICIT RootOfTrust OPTIONAL, ...,
 *     attestationApplicationId [709] EXPLICIT OCTET STRING OPTIONAL, ... }
 * RootOfTrust ::= SEQUENCE { verifiedBootKey OCTET STRING, deviceLocked BOOLEAN,
 *     verifiedBootState ENUMERATED { Verified (0), SelfSigned (1), Unverified (2), Failed (3) }, ... }
 * AttestationApplicationId ::= SEQUENCE { packageInfos SET OF SEQUENCE { packageName OCTET STRING,
 *     version INTEGER }, signatureDigests SET OF OCTET STRING }
 * </pre>
 * Only the fields the verifier checks are read; the authorization lists are searched by tag, so the order some
 * devices write them in does not matter. The root of trust is taken from the hardware-enforced list only (a
 * software-enforced one proves nothing).
 *
 * @param securityLevel     where the key lives: 0 software, 1 TEE, 2 StrongBox
 * @param challenge         the attestation challenge the app set
 * @param rootOfTrust       the boot state the secure hardware saw, null when absent
 * @param packageNames      the packages of the app that generated the key (the attestationApplicationId)
 * @param signatureDigests  SHA-256 digests of that app's signing certificates
 */
record KeyDescription(int securityLevel, byte[] challenge, RootOfTrust rootOfTrust, List<String> packageNames,
                      List<byte[]> signatureDigests) {
    static final String OID = "1.3.6.1.4.1.11129.2.1.17";
    static final int SOFTWARE = 0;
    static final int TRUSTED_ENVIRONMENT = 1;
    static final int STRONG_BOX = 2;
    private static final int TAG_ROOT_OF_TRUST = 704;
    private static final int TAG_APPLICATION_ID = 709;

    /** @param verifiedBootState 0 Verified, 1 SelfSigned, 2 Unverified, 3 Failed */
    record RootOfTrust(boolean deviceLocked, int verifiedBootState) {
        static final int VERIFIED = 0;
    }

    /**
     * The key description of {@code leaf}.
     *
     * @throws IllegalArgumentException when the certificate has none or it does not follow the schema
     */
    static KeyDescription of(X509Certificate leaf) {
        byte[] value = leaf.getExtensionValue(OID);
        if (value == null) {
            throw new IllegalArgumentException("no key description extension");
        }
        try {
            ASN1Sequence d = ASN1Sequence.getInstance(
                    ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(value).getOctets()));
            if (d.size() < 8) {
                throw new IllegalArgumentException("a key description has 8 fields");
            }
            int level = ASN1Enumerated.getInstance(d.getObjectAt(1)).intValueExact();
            byte[] challenge = ASN1OctetString.getInstance(d.getObjectAt(4)).getOctets();
            ASN1Sequence software = ASN1Sequence.getInstance(d.getObjectAt(6));
            ASN1Sequence hardware = ASN1Sequence.getInstance(d.getObjectAt(7));
            ASN1Encodable rot = find(hardware, TAG_ROOT_OF_TRUST);
            ASN1Encodable appId = find(software, TAG_APPLICATION_ID);
            if (appId == null) {
                appId = find(hardware, TAG_APPLICATION_ID);
            }
            List<String> packages = new ArrayList<>();
            List<byte[]> digests = new ArrayList<>();
            if (appId != null) {
                ASN1Sequence id = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(
                        ASN1OctetString.getInstance(appId).getOctets()));
                for (ASN1Encodable info : ASN1Set.getInstance(id.getObjectAt(0))) {
                    packages.add(new String(ASN1OctetString.getInstance(ASN1Sequence.getInstance(info).getObjectAt(0))
                            .getOctets(), StandardCharsets.UTF_8));
                }
                for (ASN1Encodable digest : ASN1Set.getInstance(id.getObjectAt(1))) {
                    digests.add(ASN1OctetString.getInstance(digest).getOctets());
                }
            }
            return new KeyDescription(level, challenge, rot == null ? null : rootOfTrust(rot), List.copyOf(packages),
                    List.copyOf(digests));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("malformed key description: " + e.getMessage(), e);
        }
    }

    private static RootOfTrust rootOfTrust(ASN1Encodable encoded) {
        ASN1Sequence s = ASN1Sequence.getInstance(encoded);
        return new RootOfTrust(ASN1Boolean.getInstance(s.getObjectAt(1)).isTrue(),
                ASN1Enumerated.getInstance(s.getObjectAt(2)).intValueExact());
    }

    /** The content of the explicitly tagged field {@code [tag]} of an authorization list, null when absent. */
    private static ASN1Encodable find(ASN1Sequence list, int tag) {
        for (ASN1Encodable e : list) {
            ASN1TaggedObject t = ASN1TaggedObject.getInstance(e);
            if (t.getTagClass() == BERTags.CONTEXT_SPECIFIC && t.getTagNo() == tag) {
                return t.getExplicitBaseObject();
            }
        }
        return null;
    }

    /** Whether the key lives in secure hardware (a TEE or StrongBox), not in Android's software keystore. */
    boolean hardwareBacked() {
        return securityLevel == TRUSTED_ENVIRONMENT || securityLevel == STRONG_BOX;
    }
}
