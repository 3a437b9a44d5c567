package vn.bluezone.server.campaign.desk;

import java.time.LocalDate;

/** Installs a desk assisted during one kind of procedure on a day. */
public record DeskEntry(long id, String communeCode, String desk, ProcedureType procedure, LocalDate day,
        int installs, String recordedBy) {
}
