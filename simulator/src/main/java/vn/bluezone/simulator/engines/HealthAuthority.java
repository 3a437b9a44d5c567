package vn.bluezone.simulator.engines;

import java.time.Instant;
import java.time.LocalDate;
import vn.bluezone.device.port.KeyServerClient;
import vn.bluezone.device.server.KeyServerException;
import vn.bluezone.protocol.ReportType;

/**
 * The key server as engines mode uses it: the device API for the phones, plus what the health authority's people
 * do — a health officer issuing a case's code, an operator running the export job — and the server's clock, which
 * must follow simulated time. {@link InProcessKeyServer} runs in this process on the simulation's clock;
 * {@link RemoteKeyServer} drives a running test server over HTTP.
 */
public interface HealthAuthority extends AutoCloseable {
    /** The device API the phones call (each phone's requests go to the server). */
    KeyServerClient client();

    /** Day 0 of the simulation: a Monday, 00:00 UTC, not before the server's clock. */
    Instant dayZero();

    /** Brings the server's clock to {@code t} before the simulation asks it for something at that time. */
    void clockAt(Instant t);

    /** The export signing key, as the app ships it (trust on install). */
    String exportPublicKeyPem() throws KeyServerException;

    /** A health officer's code for a confirmed case or a recursive report. */
    String issueCode(ReportType type, LocalDate onset);

    /** Runs the export job now (it publishes the complete hours that have keys); answers the files written. */
    int export();

    @Override
    void close();
}
