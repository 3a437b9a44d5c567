package vn.bluezone.server.campaign.desk;

import java.time.LocalDate;

/** Installs per desk and day; {@code day} null for a desk's total over the period. */
public record DeskTotal(String desk, LocalDate day, long installs) {
}
