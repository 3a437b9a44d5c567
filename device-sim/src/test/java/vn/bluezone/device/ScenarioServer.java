package vn.bluezone.device;

import java.time.LocalDate;

import vn.bluezone.device.port.KeyServerClient;
import vn.bluezone.protocol.ReportType;

/** A key server as the contact scenario needs it: the phone's client plus the health officer's and operator's side. */
interface ScenarioServer {
    /** The export (and configuration) signing key phones trust. */
    String publicKeyPem();

    KeyServerClient client();

    /** A health officer issues a one-time code for a case of this report type. */
    String issueCode(ReportType type, LocalDate onset) throws Exception;

    /** Makes the keys uploaded so far downloadable (the export job). */
    void publish() throws Exception;
}
