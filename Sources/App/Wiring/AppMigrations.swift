import Platform

/// Every context's migrations, in dependency order (derived from ``AppModules``).
public enum AppMigrations {
    public static var all: [any Migration] { AppModules.migrations }
}
