import App
import Platform

/// Every migration of the application (the service hall's tables alone need none of the others, but the tests
/// use the real schema).
enum AppMigrationsForTests {
    static var all: [any Migration] { AppMigrations.all }
}
