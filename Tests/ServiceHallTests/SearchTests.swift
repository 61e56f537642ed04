import Platform
import ServiceHall
import TestSupport
import Testing

@Suite("Catalog search")
struct SearchTests {
    static let snapshot: CatalogSnapshot = {
        let catalog = try! CatalogParser.parse(try! HallFixture.catalogText, fileName: "service-catalog.json")
        return CatalogSnapshot(catalog: catalog, version: 1)
    }()

    func ids(_ query: ServiceQuery) -> [String] { Self.snapshot.search.search(query).map(\.id) }

    @Test(
        "Chinese substrings, English words and synonyms",
        arguments: [
            ("医保", "medical-insurance-account"),
            ("公积金查询", "provident-fund-query"),
            ("公积金", "provident-fund-loan"),
            ("护照", "ordinary-passport"),
            ("passport", "ordinary-passport"),
            ("driving licence", "driving-licence-renewal"),
            ("Water Bill", "water-bill"),
            ("低保", "minimum-living-allowance"),
            ("违章", "traffic-fine-payment"),
            ("12345", "citizen-hotline-12345"),
            ("医保查询", "medical-insurance-account"),
        ])
    func text(query: String, expected: String) {
        #expect(self.ids(ServiceQuery(text: query)).first == expected, "\(query)")
    }

    @Test(
        "pinyin initials and full pinyin",
        arguments: [
            ("ybcx", "medical-insurance-account"),
            ("YBCX", "medical-insurance-account"),
            ("gjjcx", "provident-fund-query"),
            ("shbzk", "social-security-card"),
            ("sbkgs", "social-security-card-loss"),
            ("yidijiuyi", "out-of-town-medical-filing"),
            ("gongzufang", "public-rental-housing"),
            ("jsz", "driving-licence-renewal"),
        ])
    func pinyin(query: String, expected: String) {
        #expect(self.ids(ServiceQuery(text: query)).first == expected, "\(query)")
    }

    @Test("filters by theme, department, kind and level; nothing for nonsense")
    func filters() {
        let medical = Self.snapshot.search.search(ServiceQuery(theme: "medical"))
        #expect(!medical.isEmpty && medical.allSatisfy { $0.theme == "medical" })
        let hpf = Self.snapshot.search.search(ServiceQuery(text: "提取", department: "cd-hpf"))
        #expect(hpf.map(\.id).sorted() == ["provident-fund-rent-withdrawal", "provident-fund-retirement-withdrawal"])
        let anonymous = Self.snapshot.search.search(ServiceQuery(availableToLevel: 0))
        #expect(!anonymous.isEmpty && anonymous.allSatisfy { $0.level == 0 })
        let levelTwo = Self.snapshot.search.search(ServiceQuery(availableToLevel: 2))
        #expect(levelTwo.count > anonymous.count && levelTwo.allSatisfy { $0.level <= 2 })
        #expect(levelTwo.count < Self.snapshot.catalog.services.count)
        let payments = Self.snapshot.search.search(ServiceQuery(kind: .payment))
        #expect(payments.count == 10 && payments.allSatisfy { $0.kind == .payment })
        #expect(self.ids(ServiceQuery(text: "qzxjwq")).isEmpty)
        #expect(self.ids(ServiceQuery(text: "火星移民")).isEmpty)
    }

    @Test("popularity breaks ties")
    func popularity() {
        let plain = Self.snapshot.search.search(ServiceQuery(text: "缴纳")).map(\.id)
        // Every service named …缴纳 scores the same; the least used of them comes last among them.
        let tied = plain.filter { Self.snapshot.service($0)?.name.zh.contains("缴纳") == true }
        #expect(tied.count >= 5)
        let last = try! #require(tied.last)
        let boosted = Self.snapshot.search.search(ServiceQuery(text: "缴纳"), popularity: [last: 1000]).map(\.id)
        #expect(boosted.first == last)
    }
}
