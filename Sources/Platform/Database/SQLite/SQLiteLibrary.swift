#if canImport(VaporCSQLite)
    import VaporCSQLite
#else
    #error(
        """
        sqlite-nio no longer builds its vendored SQLite as the module VaporCSQLite. SQLiteHandle calls that one copy \
        directly (sqlite_nio_sqlite3_*) so the process holds exactly one SQLite library and one set of file locks: \
        find the module that now holds it in .build/checkouts/sqlite-nio/Sources and import that here. Do not link \
        the system's libsqlite3 beside it: two copies opening one database file can corrupt it.
        """
    )
#endif

/// The SQLite library the platform runs on: the copy sqlite-nio vendors (module `VaporCSQLite`, symbols prefixed
/// `sqlite_nio_`), which SQLiteNIO itself uses too.
///
/// sqlite-nio publishes only its `SQLiteNIO` product, so this is the one place that imports the vendored module;
/// Package.swift names sqlite-nio explicitly, and a test checks that no second SQLite is loaded into the process.
public enum SQLiteLibrary {
    /// The library's version (`3.xx.y`).
    public static var version: String { String(cString: sqlite_nio_sqlite3_libversion()) }

    /// The library's version number (`3054000` for 3.54.0).
    public static var versionNumber: Int32 { sqlite_nio_sqlite3_libversion_number() }
}
