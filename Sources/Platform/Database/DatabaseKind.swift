/// The SQL engine behind a ``Database``; repositories branch on it only where the dialects truly differ.
public enum DatabaseKind: String, Sendable {
    case sqlite
    case postgres
}
