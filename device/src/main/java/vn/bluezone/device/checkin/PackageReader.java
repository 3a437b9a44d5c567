package vn.bluezone.device.checkin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.bluezone.device.server.KeyServerException;
import vn.bluezone.protocol.checkin.CheckinFormatException;
import vn.bluezone.protocol.checkin.CheckinManifest;
import vn.bluezone.protocol.checkin.CheckinMatcher;
import vn.bluezone.protocol.checkin.PackageScan;
import vn.bluezone.protocol.checkin.ProtectedReport;
import vn.bluezone.protocol.export.VerificationKey;

/**
 * Reads a region's new packages for one check. Per UTC day, the day's signed manifest is fetched and verified
 * first (one ECDSA verification instead of up to 24: what brings 14 days of packages under 0.5 s on one core);
 * a package it lists is accepted only if its file's SHA-256 is the listed one ({@code HASH_MISMATCH} otherwise,
 * never falling back to its own signature). A package the manifest does not list (built after the manifest was
 * fetched), and every package of a day whose manifest is missing or refused, is read by its own signature as
 * before manifests, so nothing unsigned is ever used. A refused manifest is reported with its reason, like a
 * refused package. Every package must also be what its name says: its region and hour ({@code WRONG_PACKAGE}).
 */
final class PackageReader {
    /** What the reads of one check add up to. */
    static final class Tally {
        final List<ProtectedReport> kept = new ArrayList<>();
        final List<String> read = new ArrayList<>();
        final List<String> rejected = new ArrayList<>();
        long reports;
        int viaManifest;
        String problem;
    }

    private final CheckinServerClient server;
    private final List<VerificationKey> trusted;

    PackageReader(CheckinServerClient server, List<VerificationKey> trusted) {
        this.server = server;
        this.trusted = trusted;
    }

    void read(String region, List<String> fresh, CheckinMatcher places, Tally tally) {
        Map<Long, List<String>> byDay = new LinkedHashMap<>();
        for (String name : fresh) {
            long start = CheckinManifest.packageStart(name);
            if (start < 0) {
                tally.rejected.add(name + ": WRONG_PACKAGE");
                continue;
            }
            byDay.computeIfAbsent(CheckinManifest.dayOf(start), d -> new ArrayList<>()).add(name);
        }
        for (var day : byDay.entrySet()) {
            CheckinManifest manifest = manifest(region, day.getKey(), tally);
            for (String name : day.getValue()) {
                try {
                    byte[] file = server.packageFile(name);
                    PackageScan.Result r;
                    if (manifest != null && manifest.lists(name)) {
                        r = PackageScan.readListed(file, manifest, name, places);
                        tally.viaManifest++;
                    } else {
                        r = PackageScan.read(file, trusted, places);
                    }
                    if (!r.region().equals(region)
                            || !(region + "/hour-" + r.startSeconds() + "-" + r.endSeconds() + ".bin").equals(name)) {
                        throw new CheckinFormatException("WRONG_PACKAGE", "the file is not the package " + name);
                    }
                    tally.reports += r.reportCount();
                    tally.kept.addAll(r.kept());
                    tally.read.add(name);
                } catch (CheckinFormatException e) {
                    tally.rejected.add(name + ": " + e.code());
                } catch (KeyServerException e) {
                    tally.problem = e.errorCode();
                }
            }
        }
    }

    /** The day's verified manifest, or null (none on the server, unreachable, or refused: then noted in the tally). */
    private CheckinManifest manifest(String region, long day, Tally tally) {
        String name = region + "/day-" + day + ".manifest";
        try {
            return CheckinManifest.read(server.manifest(region, day), trusted, region, day);
        } catch (CheckinFormatException e) {
            tally.rejected.add(name + ": " + e.code());
        } catch (KeyServerException e) {
            // no manifest for that day (an older server, or not built yet): each package's own signature is checked
        }
        return null;
    }
}
