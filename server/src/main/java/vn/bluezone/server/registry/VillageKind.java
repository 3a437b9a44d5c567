package vn.bluezone.server.registry;

/** Kinds of sub-commune residential units an official can create. */
public enum VillageKind {
    THON("thon", "Thôn"), TO_DAN_PHO("to-dan-pho", "Tổ dân phố"), BAN("ban", "Bản"), AP("ap", "Ấp"),
    KHOM("khom", "Khóm"), BUON("buon", "Buôn"), LANG("lang", "Làng"), XOM("xom", "Xóm"), KHU_PHO("khu-pho", "Khu phố");

    private final String slug;
    private final String label;

    VillageKind(String slug, String label) {
        this.slug = slug;
        this.label = label;
    }

    public String slug() {
        return slug;
    }

    public String label() {
        return label;
    }

    public static VillageKind fromSlug(String slug) {
        for (VillageKind k : values()) {
            if (k.slug.equalsIgnoreCase(slug) || k.name().equalsIgnoreCase(slug)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown village kind " + slug);
    }
}
