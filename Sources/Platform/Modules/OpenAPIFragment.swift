import Foundation

/// A module's part of the OpenAPI document: a YAML file with up to two top-level keys, `paths:` (entries as in the
/// document's `paths`) and `schemas:` (entries as in `components.schemas`), both indented by two spaces.
///
/// App serves one document: its base file with every fragment's paths and schemas added (``OpenAPIDocument``).
public struct OpenAPIFragment: Sendable {
    /// The fragment's YAML text.
    public let yaml: String

    public init(yaml: String) {
        self.yaml = yaml
    }

    /// Reads the fragment from a file (a module's resource); a missing file is a packaging mistake and throws.
    public init(contentsOf path: String) throws {
        self.yaml = try String(contentsOfFile: path, encoding: .utf8)
    }
}
