import Foundation

/// Title, outlet, date and authors as the page declares them: Open Graph / article meta
/// tags, schema.org JSON-LD, `<time datetime>` and the `<h1>`. Nil (or empty) rather than a guess.
struct HTMLMetadata {
    var title: String?
    var outlet: String?
    var published: CalendarDate?
    var authors: [String] = []
    /// JSON-LD `articleBody`, when the page carries one (used only when the markup yields nothing).
    var structuredBody: String?

    static let articleTypes: Set<String> = [
        "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
        "reviewnewsarticle", "backgroundnewsarticle", "blogposting", "liveblogposting", "scholarlyarticle",
        "techarticle", "socialmediaposting", "report", "webpage",
    ]

    init(root: HTMLNode) {
        var metas: [String: String] = [:]
        var ldScripts: [String] = []
        var firstH1: String?
        var firstTime: String?
        var itempropDate: String?
        func walk(_ node: HTMLNode) {
            for child in node.children where !child.isText {
                switch child.tag {
                case "meta":
                    let key = (child.attributes["property"] ?? child.attributes["name"]
                        ?? child.attributes["itemprop"])?.lowercased()
                    if let key, let content = child.attributes["content"], metas[key] == nil {
                        let value = HTMLText.normalize(content)
                        if !value.isEmpty { metas[key] = value }
                    }
                    if itempropDate == nil, child.attributes["itemprop"]?.lowercased() == "datepublished" {
                        itempropDate = child.attributes["content"]
                    }
                case "script":
                    if child.attributes["type"]?.lowercased().contains("ld+json") == true {
                        ldScripts.append(child.rawText)
                    }
                case "h1":
                    if firstH1 == nil {
                        let text = child.normalizedText
                        if !text.isEmpty { firstH1 = text }
                    }
                case "time":
                    if firstTime == nil { firstTime = child.attributes["datetime"] }
                default:
                    if itempropDate == nil, child.attributes["itemprop"]?.lowercased() == "datepublished" {
                        itempropDate = child.attributes["datetime"] ?? child.attributes["content"]
                    }
                }
                if child.tag != "script" && child.tag != "style" { walk(child) }
            }
        }
        walk(root)

        var ld = LinkedData()
        for script in ldScripts { ld.read(script) }

        let siteName = [metas["og:site_name"], ld.publisher, metas["application-name"]]
            .lazy.compactMap { $0.flatMap(Self.cleanName) }.first
        outlet = siteName

        var candidateTitle = ld.headline ?? metas["og:title"] ?? metas["twitter:title"] ?? firstH1
        if let h1 = firstH1, let found = candidateTitle, found != h1,
           HTMLContentFinder.sameText(found, h1) || Self.foldedContains(found, h1) {
            candidateTitle = h1   // the printed headline, without a "| Site" suffix
        }
        if let found = candidateTitle {
            candidateTitle = Self.strippingSiteName(HTMLText.decodingEntities(found), siteName)
        }
        title = candidateTitle.flatMap { $0.isEmpty ? nil : $0 }

        let dateSources = [metas["article:published_time"], ld.datePublished, itempropDate,
                           metas["og:published_time"], metas["published_time"], metas["pubdate"],
                           metas["publishdate"], metas["date"], metas["dc.date.issued"], metas["dc.date"],
                           metas["dcterms.created"], metas["sailthru.date"], metas["parsely-pub-date"], firstTime]
        published = dateSources.lazy.compactMap { $0.flatMap(Self.date(from:)) }.first

        if !ld.authors.isEmpty {
            authors = ld.authors
        } else if let author = metas["author"] ?? metas["article:author"] ?? metas["parsely-author"]
                    ?? metas["sailthru.author"] ?? metas["byl"] {
            let cleaned = Self.cleanAuthor(author)
            if let cleaned { authors = [cleaned] }
        }
        var seen = Set<String>()
        authors = authors.filter { seen.insert($0).inserted }
        structuredBody = ld.articleBody
    }

    /// A date from `YYYY-MM-DD…` (ISO 8601 with or without time), or nil.
    static func date(from text: String) -> CalendarDate? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.utf8.count >= 10, let date = CalendarDate(iso: trimmed.prefix(10)),
              date.year >= 1900 else { return nil }   // 0001-01-01 is a CMS placeholder, not a date
        return date
    }

    /// A name (outlet, author) as printed; nil for addresses and empty or overlong values.
    static func cleanName(_ raw: String) -> String? {
        let text = HTMLText.decodingEntities(HTMLText.normalize(raw))
        guard !text.isEmpty, text.count <= 100, !text.contains("://"), !text.lowercased().hasPrefix("www."),
              text.contains(where: { $0.isLetter }) else { return nil }
        return text
    }

    static func cleanAuthor(_ raw: String) -> String? {
        var text = HTMLText.normalize(raw)
        if text.lowercased().hasPrefix("by ") { text = String(text.dropFirst(3)) }
        return cleanName(text)
    }

    private static func foldedContains(_ haystack: String, _ needle: String) -> Bool {
        let fold: (String) -> String = { $0.lowercased().filter { $0.isLetter || $0.isNumber } }
        let folded = fold(needle)
        return folded.count >= 10 && fold(haystack).hasPrefix(folded)
    }

    /// "Headline | Site" → "Headline" when the tail is the site's name.
    private static func strippingSiteName(_ title: String, _ site: String?) -> String {
        guard let site, !site.isEmpty else { return title }
        for separator in [" | ", " - ", " – ", " — ", " :: ", " · "] {
            if let range = title.range(of: separator, options: .backwards),
               HTMLContentFinder.sameText(String(title[range.upperBound...]), site) {
                return String(title[..<range.lowerBound]).trimmingCharacters(in: .whitespaces)
            }
        }
        return title
    }
}

/// The first schema.org article described by a page's JSON-LD blocks.
private struct LinkedData {
    var headline: String?
    var datePublished: String?
    var authors: [String] = []
    var publisher: String?
    var articleBody: String?
    private var found = false

    mutating func read(_ script: String) {
        guard !found, let data = script.trimmingCharacters(in: .whitespacesAndNewlines).data(using: .utf8),
              let json = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        else { return }
        visit(json, depth: 0)
    }

    private mutating func visit(_ value: Any, depth: Int) {
        guard !found, depth < 8 else { return }
        if let array = value as? [Any] {
            for item in array { visit(item, depth: depth + 1) }
        } else if let object = value as? [String: Any] {
            if isArticle(object) {
                take(object)
                return
            }
            if let graph = object["@graph"] { visit(graph, depth: depth + 1) }
            if let main = object["mainEntity"] { visit(main, depth: depth + 1) }
        }
    }

    private func isArticle(_ object: [String: Any]) -> Bool {
        let types: [String]
        if let type = object["@type"] as? String { types = [type] } else { types = object["@type"] as? [String] ?? [] }
        return types.contains { type in
            let lowered = type.lowercased()
            return lowered != "webpage" && HTMLMetadata.articleTypes.contains(lowered)
        }
    }

    private mutating func take(_ object: [String: Any]) {
        found = true
        headline = (object["headline"] as? String).map(HTMLText.normalize).flatMap { $0.isEmpty ? nil : $0 }
        datePublished = object["datePublished"] as? String
        articleBody = object["articleBody"] as? String
        authors = names(object["author"])
        if let publisherValue = object["publisher"] {
            publisher = names(publisherValue).first
        }
    }

    private func names(_ value: Any?) -> [String] {
        switch value {
        case let text as String:
            return HTMLMetadata.cleanAuthor(text).map { [$0] } ?? []
        case let object as [String: Any]:
            return (object["name"] as? String).flatMap(HTMLMetadata.cleanAuthor).map { [$0] } ?? []
        case let array as [Any]:
            return array.flatMap { names($0) }
        default:
            return []
        }
    }
}
