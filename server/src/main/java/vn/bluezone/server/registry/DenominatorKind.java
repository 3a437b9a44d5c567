package vn.bluezone.server.registry;

/** The figures install rates are measured against. */
public enum DenominatorKind {
    POPULATION, HOUSEHOLDS, MOBILE_SUBSCRIBERS, SMARTPHONE_USERS
}
