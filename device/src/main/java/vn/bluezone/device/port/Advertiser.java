package vn.bluezone.device.port;

import vn.bluezone.device.radio.Advertisement;

/**
 * Platform port: broadcasts the phone's current beacon. The engine calls {@link #advertise} every time the RPI
 * rotates (every 10 minutes), passing a new address with it; the platform keeps sending it (Android advertises
 * every 200-270 ms) until the next call or {@link #stop}.
 */
public interface Advertiser {
    void advertise(Advertisement advertisement);

    void stop();
}
