package vn.bluezone.device.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;

import vn.bluezone.device.calibration.DeviceCalibration;
import vn.bluezone.device.port.Advertiser;
import vn.bluezone.device.port.ScanListener;
import vn.bluezone.device.port.Scanner;
import vn.bluezone.device.radio.Advertisement;
import vn.bluezone.device.radio.ReceivedPacket;

/**
 * A shared simulated BLE channel: phones join with a calibration and a trajectory and get an {@link Advertiser}
 * and a {@link Scanner}. A scan of window W at true time t hears every advertising phone's packets sent during
 * [t, t+W), with received power from {@link RadioModel}.
 *
 * <p>Deterministic under the seed: every random draw comes from a generator seeded by (seed, phones, time slot),
 * never from shared state, so results do not depend on the order in which phones scan or on threads.
 */
public final class SimulatedRadio {
    private final RadioModel model;
    private final long seed;
    private final Clock trueTime;
    private final List<Node> nodes = new CopyOnWriteArrayList<>();
    private final EncounterRadio encounters;

    public SimulatedRadio(RadioModel model, long seed, Clock trueTime) {
        this.model = Objects.requireNonNull(model);
        this.seed = seed;
        this.encounters = new EncounterRadio(seed ^ 0x5DEECE66DL);
        this.trueTime = Objects.requireNonNull(trueTime);
    }

    public RadioModel model() {
        return model;
    }

    public synchronized Node join(String name, DeviceCalibration calibration, Trajectory trajectory) {
        Node node = new Node(nodes.size(), name, calibration, trajectory);
        nodes.add(node);
        return node;
    }

    /** One phone on the channel. */
    public final class Node {
        private final int index;
        private final String name;
        private final DeviceCalibration calibration;
        private volatile Trajectory trajectory;
        private volatile Advertisement current;

        private Node(int index, String name, DeviceCalibration calibration, Trajectory trajectory) {
            this.index = index;
            this.name = name;
            this.calibration = Objects.requireNonNull(calibration);
            this.trajectory = Objects.requireNonNull(trajectory);
        }

        public String name() {
            return name;
        }

        public DeviceCalibration calibration() {
            return calibration;
        }

        public void moveAlong(Trajectory t) {
            this.trajectory = Objects.requireNonNull(t);
        }

        public Position positionAt(Instant t) {
            return trajectory.at(t);
        }

        /** What this phone currently advertises, or null when it is silent. */
        public Advertisement currentAdvertisement() {
            return current;
        }

        public Advertiser advertiser() {
            return new Advertiser() {
                @Override
                public void advertise(Advertisement advertisement) {
                    current = Objects.requireNonNull(advertisement);
                }

                @Override
                public void stop() {
                    current = null;
                }
            };
        }

        public Scanner scanner() {
            return this::scan;
        }

        private void scan(Duration window, ScanListener listener) {
            Instant start = trueTime.instant();
            for (Node sender : nodes) {
                if (sender != this) {
                    Advertisement adv = sender.current;
                    if (adv != null) {
                        hear(sender, adv, start, window, listener);
                    }
                }
            }
            listener.onScanFinished();
        }

        private void hear(Node sender, Advertisement adv, Instant start, Duration window, ScanListener listener) {
            double tx = sender.calibration.txPower();
            double bias = -calibration.rssiCorrection();
            double margin = 4 * (model.shadowingSigmaDb() + model.fastFadingSigmaDb()) + 2 * Pose.meanLossDb();
            // Far away for the whole window: not even a 4σ fade brings a packet above the sensitivity.
            double d0 = sender.positionAt(start).distanceTo(positionAt(start));
            if (tx - model.pathLossDb(Math.max(d0 - 50, 0.1)) + bias + margin < model.sensitivityDbm()) {
                return;
            }
            long startMs = start.toEpochMilli();
            SplittableRandom packets = new SplittableRandom(mix(seed, sender.index, index, startMs));
            long intervalMs = model.advertisingInterval().toMillis();
            long t = startMs + packets.nextLong(intervalMs);
            long end = startMs + window.toMillis();
            byte[] data = adv.serviceData();
            while (t < end) {
                Instant at = Instant.ofEpochMilli(t);
                double d = sender.positionAt(at).distanceTo(positionAt(at));
                double rssi = tx - model.pathLossDb(d) + shadowing(sender.index, index, t)
                        + StandardNormal.draw(packets) * model.fastFadingSigmaDb() + bias;
                boolean lost = packets.nextDouble() < model.packetLossProbability();
                if (!lost && rssi >= model.sensitivityDbm()) {
                    listener.onPacket(new ReceivedPacket(adv.address(), Advertisement.SERVICE_UUID, data,
                            (int) Math.round(rssi)));
                }
                // BLE adds a random 0-10 ms delay to every advertising event.
                t += intervalMs + packets.nextLong(11);
            }
        }
    }

    /**
     * The slow part of the received power, shared by both directions of a pair: the encounter model's pose losses,
     * encounter shadow (held while both phones keep their pose) and per-scan fading ({@link EncounterRadio}, room
     * environment), scaled by σ / {@link RadioModel#FITTED_SIGMA_DB}; negative because they are losses.
     */
    private double shadowing(int a, int b, long epochMs) {
        if (model.shadowingSigmaDb() == 0) {
            return 0;
        }
        long slot = EncounterRadio.slotOf(Math.floorDiv(epochMs, 60_000L));
        double scale = model.shadowingSigmaDb() / RadioModel.FITTED_SIGMA_DB;
        return -scale * (encounters.slowDb(Environment.ROOM, a, b, 0, slot)
                + encounters.fadingDb(Environment.ROOM, a, b, slot));
    }

    private static long mix(long seed, long a, long b, long c) {
        long h = seed;
        h = murmur(h ^ a * 0x9E3779B97F4A7C15L);
        h = murmur(h ^ b * 0xC2B2AE3D27D4EB4FL);
        h = murmur(h ^ c * 0x165667B19E3779F9L);
        return h;
    }

    private static long murmur(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
