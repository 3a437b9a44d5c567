package vn.bluezone.server.accounts.pages;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.bluezone.server.accounts.AccountService;
import vn.bluezone.server.accounts.Official;
import vn.bluezone.server.accounts.Role;
import vn.bluezone.server.VietnameseText;
import vn.bluezone.server.accounts.AreaName;
import vn.bluezone.server.accounts.AreaScope;

/**
 * The administrators' list of accounts: each with the Vietnamese name of its area, in dictionary order of the
 * officials' names, filtered by a search that ignores case and diacritics ("quang ngan" finds "Xã Quảng Ngạn",
 * "hue" every official of Thừa Thiên Huế because the area's province is part of what is searched). Area names come
 * through the {@code AdministrativeHierarchy} the registry supplies.
 */
@Component
public class AccountList {
    private final AccountService accounts;
    private final AreaScope scope;
    private final MessageSource messages;

    public AccountList(AccountService accounts, AreaScope scope, MessageSource messages) {
        this.accounts = accounts;
        this.scope = scope;
        this.messages = messages;
    }

    /**
     * One account as the page shows it.
     *
     * @param areaName    the unit's full name ("Xã Quảng Ngạn"), the country's for accounts without area, null when
     *                    the code is not in the registry
     * @param areaContext the units above it below the country ("Huyện Quảng Điền, Tỉnh Thừa Thiên Huế"), or empty
     * @param self        the account of the administrator looking at the page (who cannot disable it)
     */
    public record Row(long id, String username, String displayName, Role role, String areaCode, String areaName,
                      String areaContext, boolean enabled, boolean mustChangePassword, Instant createdAt,
                      boolean self) {
    }

    /** The accounts matching {@code query} (all when blank), sorted. */
    public List<Row> rows(String query, String viewer, Locale locale) {
        String[] words = VietnameseText.fold(query).split(" ");
        List<Row> rows = new ArrayList<>();
        for (AccountService.AccountStatus a : accounts.listWithStatus()) {
            Row r = row(a.official(), a.enabled(), a.createdAt(), viewer, locale);
            if (matches(searchKey(r, locale), words)) {
                rows.add(r);
            }
        }
        rows.sort(ORDER);
        return rows;
    }

    /** Dictionary order of the name people know the official by; the username separates namesakes. */
    static final Comparator<Row> ORDER = Comparator.<Row, String>comparing(AccountList::shownName, VietnameseText.ORDER)
            .thenComparing(Row::username);

    static String shownName(Row r) {
        return r.displayName() != null ? r.displayName() : r.username();
    }

    public Row row(Official o, boolean enabled, Instant createdAt, String viewer, Locale locale) {
        String name;
        String context = "";
        if (o.areaCode() == null) {
            name = messages.getMessage("accounts.area.country", null, locale);
        } else {
            // The registry names the area (AdministrativeHierarchy), so the accounts need not depend on it.
            AreaName area = scope.hierarchy().name(o.areaCode()).orElse(null);
            name = area == null ? null : area.fullName();
            if (area != null) {
                context = String.join(", ", area.above());
            }
        }
        return new Row(o.id(), o.username(), o.displayName(), o.role(), o.areaCode(), name, context, enabled,
                o.mustChangePassword(), createdAt, o.username().equals(viewer));
    }

    private String searchKey(Row r, Locale locale) {
        String role = messages.getMessage("role." + r.role().name(), null, r.role().name(), locale);
        return VietnameseText.fold(String.join(" ", r.username(), nullToEmpty(r.displayName()), r.role().name(), role,
                nullToEmpty(r.areaCode()), nullToEmpty(r.areaName()), r.areaContext()));
    }

    private static boolean matches(String key, String[] words) {
        for (String w : words) {
            if (!w.isEmpty() && !key.contains(w)) {
                return false;
            }
        }
        return true;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
