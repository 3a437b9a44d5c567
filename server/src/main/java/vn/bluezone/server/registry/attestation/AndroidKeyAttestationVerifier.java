package vn.bluezone.server.registry.attestation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.api.registry.AndroidKeyChain;
import vn.bluezone.api.registry.Attestation;

/**
 * Android Key Attestation (kind {@code ANDROID_KEY}; developer.android.com, "Verify hardware-backed key pairs with key
 * attestation"). The app generates a key in {@code AndroidKeyStore} with the request's binding digest as the
 * attestation challenge and sends the key's certificate chain ({@link AndroidKeyChain}). Accepted only when:
 * <ol>
 * <li>each certificate names the next as its issuer and its signature verifies with the next one's key, and the top
 * of the chain is a configured root (matched by public key, so every re-issue of Google's RSA root is one root) or
 * is signed by one;</li>
 * <li>every certificate, and the configured root it leads to, is within its validity dates now (the root copy the
 * phone carries is replaced by the configured one: a phone may carry an earlier issue of Google's RSA root, such as
 * the 2016 one that expired in May 2026, whose key the later issues keep);</li>
 * <li>no certificate's serial is on the configured revocation list ({@link AttestationStatusList});</li>
 * <li>the leaf's key description ({@link KeyDescription}) has the binding digest as its challenge, a key in a TEE or
 * StrongBox (never Android's software keystore), a hardware-enforced root of trust with a locked bootloader and a
 * verified boot, and an attestation application id naming the configured package and, when configured, one of the
 * signing certificate digests.</li>
 * </ol>
 * What this proves and what it does not (one install per device) is in the registry README.
 */
public final class AndroidKeyAttestationVerifier implements DeviceAttestation {
    /** Google's hardware attestation roots, shipped (README: source and fingerprints). */
    static final String SHIPPED_ROOTS = "registry/attestation/google-hardware-attestation-roots.pem";

    private final String packageName;
    private final List<X509Certificate> roots;
    private final SigningDigests signingDigests;
    private final AttestationStatusList statusList;
    private final Clock clock;

    AndroidKeyAttestationVerifier(String packageName, List<X509Certificate> roots, SigningDigests signingDigests,
                                  AttestationStatusList statusList, Clock clock) {
        if (roots.isEmpty()) {
            throw new IllegalStateException("bluezone.registry.attestation.android-key: no root certificate");
        }
        this.packageName = packageName.trim();
        this.roots = List.copyOf(roots);
        this.signingDigests = signingDigests;
        this.statusList = statusList;
        this.clock = clock;
    }

    /** The verifier as configured; {@code roots} are the configured files' certificates, or the shipped ones. */
    public static AndroidKeyAttestationVerifier of(AttestationProperties.AndroidKey p, List<X509Certificate> roots,
                                                   Clock clock) {
        return new AndroidKeyAttestationVerifier(p.packageName(), roots.isEmpty() ? shippedRoots() : roots,
                new SigningDigests(p.signingCertificateDigests(),
                        "bluezone.registry.attestation.android-key.signing-certificate-digests"),
                p.revocationList() == null || p.revocationList().isBlank() ? AttestationStatusList.none()
                        : AttestationStatusList.of(java.nio.file.Path.of(p.revocationList().trim()), clock),
                clock);
    }

    /** Google's hardware attestation root certificates as shipped in the server. */
    public static List<X509Certificate> shippedRoots() {
        try (InputStream in = AndroidKeyAttestationVerifier.class.getClassLoader().getResourceAsStream(SHIPPED_ROOTS)) {
            if (in == null) {
                throw new IllegalStateException(SHIPPED_ROOTS + " is missing from the server");
            }
            List<X509Certificate> roots = new ArrayList<>();
            CertificateFactory.getInstance("X.509").generateCertificates(in)
                    .forEach(c -> roots.add((X509Certificate) c));
            return roots;
        } catch (IOException | CertificateException e) {
            throw new IllegalStateException("cannot read " + SHIPPED_ROOTS, e);
        }
    }

    @Override
    public String kind() {
        return Attestation.ANDROID_KEY;
    }

    @Override
    public Verdict verify(Attestation attestation, byte[] binding) {
        List<X509Certificate> chain = certificates(attestation.token());
        X509Certificate root = rootOf(chain);
        checkDates(chain, root);
        for (X509Certificate c : chain) {
            if (statusList.revoked(c.getSerialNumber())) {
                throw AttestationRefusal.of(ErrorCode.ATTESTATION_REVOKED,
                        "A certificate of this phone's attestation chain has been revoked (serial "
                                + c.getSerialNumber().toString(16) + ")");
            }
        }
        KeyDescription key;
        try {
            key = KeyDescription.of(chain.get(0));
        } catch (IllegalArgumentException e) {
            throw AttestationRefusal.invalid("The attested certificate has no readable key description");
        }
        if (!MessageDigest.isEqual(key.challenge(), binding)) {
            throw AttestationRefusal.wrongNonce();
        }
        if (!key.hardwareBacked()) {
            throw AttestationRefusal.of(ErrorCode.ATTESTATION_DEVICE_NOT_TRUSTED,
                    "The key is kept in software, not in the phone's secure hardware");
        }
        KeyDescription.RootOfTrust boot = key.rootOfTrust();
        if (boot == null || !boot.deviceLocked() || boot.verifiedBootState() != KeyDescription.RootOfTrust.VERIFIED) {
            throw AttestationRefusal.of(ErrorCode.ATTESTATION_DEVICE_NOT_TRUSTED,
                    "The phone's bootloader is unlocked or its system was not verified at boot");
        }
        if (!key.packageNames().contains(packageName)) {
            throw AttestationRefusal.of(ErrorCode.ATTESTATION_WRONG_APP,
                    "The key was made by another app than " + packageName);
        }
        if (signingDigests.configured() && !signingDigests.anyMatches(key.signatureDigests())) {
            throw AttestationRefusal.of(ErrorCode.ATTESTATION_WRONG_APP,
                    "The app that made the key is not signed with this deployment's signing certificate");
        }
        return new Verdict(kind(), null);
    }

    private static List<X509Certificate> certificates(String token) {
        List<byte[]> ders;
        try {
            ders = AndroidKeyChain.certificates(token);
        } catch (IllegalArgumentException e) {
            throw AttestationRefusal.of(ErrorCode.BAD_ATTESTATION, "An ANDROID_KEY token is the certificate chain, "
                    + "base64 DER certificates joined by commas (at most " + AndroidKeyChain.MAX_CERTIFICATES + ")");
        }
        List<X509Certificate> chain = new ArrayList<>(ders.size());
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (byte[] der : ders) {
                chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
            }
        } catch (CertificateException | ClassCastException e) {
            throw AttestationRefusal.invalid("The attestation chain holds something that is not an X.509 certificate");
        }
        return chain;
    }

    /** Checks each link of the chain; the configured root it ends at. */
    private X509Certificate rootOf(List<X509Certificate> chain) {
        for (int i = 0; i + 1 < chain.size(); i++) {
            X509Certificate c = chain.get(i);
            X509Certificate issuer = chain.get(i + 1);
            if (!c.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())
                    || !signedBy(c, issuer.getPublicKey())) {
                throw AttestationRefusal.invalid("The attestation chain is broken: certificate " + i
                        + " is not signed by the next one");
            }
        }
        X509Certificate top = chain.get(chain.size() - 1);
        for (X509Certificate root : roots) {
            if (MessageDigest.isEqual(root.getPublicKey().getEncoded(), top.getPublicKey().getEncoded())
                    && signedBy(top, root.getPublicKey())) {
                return root;
            }
        }
        for (X509Certificate root : roots) {
            if (top.getIssuerX500Principal().equals(root.getSubjectX500Principal())
                    && signedBy(top, root.getPublicKey())) {
                return root;
            }
        }
        throw AttestationRefusal.invalid("The attestation chain does not lead to a configured root "
                + "(not a genuine Android keystore)");
    }

    private static boolean signedBy(X509Certificate c, PublicKey key) {
        try {
            c.verify(key);
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** Every certificate within its dates; the phone's copy of the root is judged by the configured root. */
    private void checkDates(List<X509Certificate> chain, X509Certificate root) {
        Date now = Date.from(clock.instant());
        X509Certificate top = chain.get(chain.size() - 1);
        boolean topIsRoot = MessageDigest.isEqual(root.getPublicKey().getEncoded(), top.getPublicKey().getEncoded());
        List<X509Certificate> dated = new ArrayList<>(topIsRoot ? chain.subList(0, chain.size() - 1) : chain);
        dated.add(root);
        // A leaf stamped with the phone's clock may start slightly after ours.
        Date late = Date.from(clock.instant().plus(PlayIntegrityVerifier.SKEW));
        for (X509Certificate c : dated) {
            if (c.getNotAfter().before(now) || c.getNotBefore().after(late)) {
                throw AttestationRefusal.of(ErrorCode.ATTESTATION_EXPIRED, "A certificate of the attestation chain is "
                        + "outside its validity dates (" + c.getSubjectX500Principal().getName() + ")");
            }
        }
    }
}
