/// Finds the story text in a parsed page: a content-scoring algorithm in the manner of
/// Readability. Boilerplate is dropped by tag, role, visibility and class/id hints; blocks of
/// running text score their ancestors (length, commas, link density, class/id hints); the
/// best ancestor and its qualifying siblings are cleaned of link lists and furniture, and
/// their paragraphs are read out in document order.
struct HTMLContentFinder {
    let root: HTMLNode
    /// The headline, when known, so a repeat of it in the body can be dropped.
    let title: String?

    // MARK: - Vocabulary (general web conventions, nothing page-specific)

    /// Never content: scripts, styles, embedded objects, form controls, page furniture.
    static let droppedTags: Set<String> = [
        "script", "style", "noscript", "template", "iframe", "frame", "frameset", "svg", "math",
        "canvas", "object", "embed", "applet", "button", "select", "option", "input", "textarea",
        "label", "nav", "aside", "footer", "figure", "figcaption", "picture", "video", "audio",
        "source", "track", "map", "dialog", "menu", "link", "meta", "head", "title", "base", "img",
        "del", "s", "strike",
    ]
    /// Usually furniture, but some sites wrap the whole page in them: dropped unless they hold
    /// most of the page's running text.
    static let conditionalTags: Set<String> = ["header", "form"]
    static let droppedRoles: Set<String> = [
        "navigation", "complementary", "banner", "contentinfo", "menu", "menubar", "dialog",
        "alertdialog", "search", "toolbar", "tablist", "tooltip",
    ]
    /// Class/id words that mark boilerplate (matched as substrings of the lower-cased value).
    static let unlikelyWords: [String] = [
        "-ad-", "ad-break", "adslot", "ad-slot", "advert", "agegate", "ai2html", "banner", "breadcrumb",
        "combx", "comment", "community", "cookie", "consent", "cover-wrap", "disqus", "footer", "gdpr",
        "header", "legends", "masthead", "menu", "newsletter", "outbrain", "pagination", "pager", "popup",
        "promo", "recommend", "related", "remark", "replies", "rss", "share", "sharing", "shoutbox",
        "sidebar", "signup", "sign-up", "skyscraper", "social", "sponsor", "subscribe", "subscription",
        "supplemental", "taboola", "toolbar", "trending", "yom-remote", "caption", "modal", "paywall-promo",
        "most-popular", "mostpopular", "most-read", "mostread", "read-more", "readmore", "more-stories",
        "recirc", "nav-", "-nav", "navbar", "navigation", "recent",
    ]
    /// Class/id tokens (whole words) that mark boilerplate.
    static let unlikelyTokens: Set<String> = [
        "ad", "ads", "nav", "tags", "tag", "print", "hidden", "hide", "tools",
        "extra", "topics", "keywords", "sr", "visually", "screen", "offscreen",
    ]
    /// Class/id words that rescue an element the lists above would drop.
    static let maybeWords: [String] = ["article", "body", "column", "content", "main", "story", "entry", "shadow"]

    static let positiveWords: [String] = [
        "article", "body", "content", "entry", "hentry", "h-entry", "main", "post", "text",
        "blog", "story", "prose", "rich-text", "richtext",
    ]
    static let negativeWords: [String] = [
        "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "footer", "gdpr", "masthead",
        "media", "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar",
        "skyscraper", "sponsor", "shopping", "tags", "widget", "caption", "credit", "byline", "author",
        "newsletter", "subscribe", "recommend", "social", "trending", "taboola",
    ]
    static let bylineWords: [String] = ["byline", "author", "dateline", "timestamp", "publish", "date", "writer"]

    static let blockTags: Set<String> = [
        "address", "article", "blockquote", "body", "dd", "div", "dl", "dt", "fieldset", "form", "h1", "h2",
        "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "ol", "p", "pre", "section", "table", "tbody",
        "td", "th", "thead", "tfoot", "tr", "ul", "br", "center", "figure", "details", "summary", "hgroup",
    ]
    static let headingTags: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]

    // MARK: - Entry point

    /// The story's paragraphs, whitespace-normalised, in document order (empty when none).
    func paragraphs() -> [String] {
        let body = root.firstElement { $0.tag == "body" } ?? root
        TextStats.compute(body)
        dropBoilerplate(in: body, totalText: max(1, body.stats.paragraphText))
        TextStats.compute(body)
        guard let content = bestContent(in: body) else { return [] }
        var paragraphs = ParagraphCollector.collect(content)
        // A repeat of the headline at the top of the body belongs to the headline.
        if let title, let first = paragraphs.first, Self.sameText(first, title) { paragraphs.removeFirst() }
        return paragraphs
    }

    static func sameText(_ a: String, _ b: String) -> Bool {
        let fold: (String) -> String = { $0.lowercased().filter { $0.isLetter || $0.isNumber } }
        return fold(a) == fold(b)
    }

    // MARK: - Boilerplate

    private func dropBoilerplate(in node: HTMLNode, totalText: Int) {
        for child in node.children where !child.isText {
            if shouldDrop(child, totalText: totalText) {
                child.removed = true
            } else {
                dropBoilerplate(in: child, totalText: totalText)
            }
        }
    }

    private func shouldDrop(_ node: HTMLNode, totalText: Int) -> Bool {
        let tag = node.tag
        if Self.droppedTags.contains(tag) { return true }
        // An element holding most of the page's running text is never furniture, whatever it is called.
        let holdsArticle = node.stats.paragraphText * 2 > totalText && node.stats.paragraphText > 500
        if Self.conditionalTags.contains(tag) && !holdsArticle { return true }
        if node.attributes["hidden"] != nil { return true }
        if let style = node.attributes["style"]?.lowercased().filter({ !$0.isWhitespace }),
           style.contains("display:none") || style.contains("visibility:hidden") { return true }
        if let role = node.attributes["role"]?.lowercased(), Self.droppedRoles.contains(role), !holdsArticle {
            return true
        }
        if node.attributes["aria-hidden"]?.lowercased() == "true" && node.stats.paragraphText < 200 { return true }
        if tag == "body" || tag == "html" || tag == "a" || tag == "main" || tag == "article" { return false }
        if holdsArticle { return false }
        let hints = node.classAndID
        if hints.isEmpty { return false }
        if itempropIsArticle(node) { return false }
        if !node.hasAncestor(["p"]) && node.stats.textLength < 120
            && (HintMatcher.containsAny(hints, Self.bylineWords) || node.attributes["rel"] == "author"
                || (node.attributes["itemprop"]?.lowercased().contains("author") ?? false)) {
            return true
        }
        if Self.unlikely(hints) && !HintMatcher.containsAny(hints, Self.maybeWords) {
            return !node.hasAncestor(["table", "code", "pre"])
        }
        return false
    }

    static func unlikely(_ hints: String) -> Bool {
        if HintMatcher.containsAny(hints, unlikelyWords) { return true }
        return tokens(hints).contains(where: { unlikelyTokens.contains(String($0)) })
    }

    static func tokens(_ hints: String) -> [Substring] {
        hints.split(whereSeparator: { !($0.isLetter || $0.isNumber) })
    }

    private func itempropIsArticle(_ node: HTMLNode) -> Bool {
        guard let itemprop = node.attributes["itemprop"]?.lowercased() else { return false }
        return itemprop.contains("articlebody") || itemprop.contains("text")
    }

    // MARK: - Scoring

    /// −25…+25 per attribute from the class and id hints (Readability's weights).
    static func classWeight(_ node: HTMLNode) -> Double {
        var weight = 0.0
        for value in [node.attributes["class"], node.attributes["id"]] {
            guard let value = value?.lowercased(), !value.isEmpty else { continue }
            if HintMatcher.containsAny(value, negativeWords) { weight -= 25 }
            if HintMatcher.containsAny(value, positiveWords) { weight += 25 }
        }
        if let itemprop = node.attributes["itemprop"]?.lowercased(), itemprop.contains("articlebody") {
            weight += 25
        }
        return weight
    }

    private static func baseScore(_ node: HTMLNode) -> Double {
        var score: Double
        switch node.tag {
        case "div", "article", "main": score = 5
        case "pre", "td", "blockquote": score = 3
        case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": score = -3
        case "h1", "h2", "h3", "h4", "h5", "h6", "th": score = -5
        default: score = 0
        }
        if node.tag == "article" { score += 10 }
        return score + classWeight(node)
    }

    /// Paragraph-like elements: what scores its ancestors.
    private func scorables(in node: HTMLNode, into result: inout [HTMLNode]) {
        for child in node.children where !child.removed && !child.isText {
            switch child.tag {
            case "p", "pre", "td":
                result.append(child)
            case "div", "section", "article", "span", "font", "center":
                if child.stats.directText >= 25 && !child.children.contains(where: {
                    !$0.removed && !$0.isText && Self.blockTags.contains($0.tag) && $0.tag != "br"
                }) {
                    result.append(child)
                } else if child.stats.directText >= 25 && child.tag != "span" {
                    // Text loose between blocks counts like a paragraph of the element.
                    result.append(child)
                    scorables(in: child, into: &result)
                } else {
                    scorables(in: child, into: &result)
                }
            default:
                scorables(in: child, into: &result)
            }
        }
    }

    private func bestContent(in body: HTMLNode) -> HTMLNode? {
        var paragraphs: [HTMLNode] = []
        scorables(in: body, into: &paragraphs)
        var scores: [ObjectIdentifier: Double] = [:]
        var candidates: [HTMLNode] = []
        for paragraph in paragraphs {
            let length = paragraph.tag == "div" || paragraph.tag == "section" || paragraph.tag == "article"
                ? paragraph.stats.directText : paragraph.stats.textLength
            guard length >= 25 else { continue }
            let contentScore = 1 + Double(paragraph.stats.commas) + Double(min(length / 100, 3))
            var ancestor: HTMLNode? = paragraph.parent
            var level = 0
            while let node = ancestor, level < 5, node.tag != "#document" {
                let id = ObjectIdentifier(node)
                if scores[id] == nil {
                    scores[id] = Self.baseScore(node)
                    candidates.append(node)
                }
                let divider: Double = level == 0 ? 1 : (level == 1 ? 2 : Double(level) * 3)
                scores[id]! += contentScore / divider
                ancestor = node.parent
                level += 1
            }
            // A div standing for a paragraph also scores itself.
            if paragraph.tag != "p" && paragraph.tag != "pre" && paragraph.tag != "td" {
                let id = ObjectIdentifier(paragraph)
                if scores[id] == nil { scores[id] = Self.baseScore(paragraph); candidates.append(paragraph) }
                scores[id]! += contentScore / 2
            }
        }
        guard !candidates.isEmpty else { return nil }
        for candidate in candidates {
            let id = ObjectIdentifier(candidate)
            scores[id]! *= 1 - candidate.stats.linkDensity
        }
        func score(_ node: HTMLNode) -> Double? { scores[ObjectIdentifier(node)] }

        let ranked = candidates.sorted { score($0)! > score($1)! }
        var top = ranked[0]
        let topScore = score(top)!

        // Several near-equal candidates sharing an ancestor: the ancestor is the article.
        let alternatives = ranked.dropFirst().prefix(5).filter { score($0)! / max(topScore, 0.001) >= 0.75 }
        if alternatives.count >= 3 {
            var ancestor = top.parent
            while let node = ancestor, node !== body {
                let containing = alternatives.filter { isAncestor(node, of: $0) }.count
                if containing >= 3 { top = node; break }
                ancestor = node.parent
            }
        }
        // Climb while a parent scores better than the candidate (it gathers more of the story).
        var lastScore = score(top) ?? topScore
        let threshold = lastScore / 3
        var parent = top.parent
        while let node = parent, node !== body, node.tag != "#document" {
            guard let parentScore = score(node) else { parent = node.parent; continue }
            if parentScore < threshold { break }
            if parentScore > lastScore { top = node; break }
            lastScore = parentScore
            parent = node.parent
        }
        // An only child says nothing its parent does not.
        while let node = top.parent, node !== body, node.tag != "#document",
              node.children.filter({ !$0.removed && !$0.isText }).count == 1 {
            top = node
        }

        // Prefer the page's own marking of the article body when it holds the story.
        let marked = body.elements(named: ["div", "section", "article", "span", "main"]).filter {
            $0.attributes["itemprop"]?.lowercased().contains("articlebody") == true
        }
        if let best = marked.max(by: { $0.stats.paragraphText < $1.stats.paragraphText }),
           best.stats.paragraphText >= 200,
           Double(best.stats.paragraphText) >= 0.6 * Double(top.stats.paragraphText) {
            if !isAncestor(best, of: top) || best === top {
                top = best
                cleanConditionally(top, scores: scores)
                return top
            }
        }

        // Gather qualifying siblings into one container.
        guard let container = top.parent, container.tag != "#document" else {
            cleanConditionally(top, scores: scores)
            return top
        }
        let finalTopScore = score(top) ?? topScore
        let siblingThreshold = max(10, finalTopScore * 0.2)
        let gathered = HTMLNode(tag: "div")
        for sibling in container.children where !sibling.removed {
            var include = sibling === top
            if !include && !sibling.isText {
                var bonus = 0.0
                if let cls = top.attributes["class"], !cls.isEmpty, sibling.attributes["class"] == cls {
                    bonus += finalTopScore * 0.2
                }
                if let siblingScore = score(sibling), siblingScore + bonus >= siblingThreshold {
                    include = true
                } else if sibling.tag == "p" {
                    let length = sibling.stats.textLength
                    let density = sibling.stats.linkDensity
                    if length > 80 && density < 0.25 {
                        include = true
                    } else if length < 80 && length > 0 && density == 0 {
                        let text = sibling.normalizedText
                        include = text.contains(". ") || text.hasSuffix(".")
                    }
                }
            }
            if include { gathered.children.append(sibling) }
        }
        for child in gathered.children { cleanConditionally(child, scores: scores) }
        return gathered
    }

    private func isAncestor(_ ancestor: HTMLNode, of node: HTMLNode) -> Bool {
        var current = node.parent
        while let next = current {
            if next === ancestor { return true }
            current = next.parent
        }
        return false
    }

    // MARK: - Cleaning the chosen content

    /// Drops link lists, image galleries, forms and short negatively-hinted blocks inside the
    /// content (Readability's conditional clean), innermost first.
    private func cleanConditionally(_ content: HTMLNode, scores: [ObjectIdentifier: Double]) {
        TextStats.compute(content)
        var targets: [HTMLNode] = []
        func gather(_ node: HTMLNode) {
            for child in node.children where !child.removed && !child.isText {
                gather(child)
                if ["div", "section", "ul", "ol", "table", "fieldset", "dl", "header", "blockquote"].contains(child.tag)
                    || Self.headingTags.contains(child.tag) && child.tag != "h1" {
                    targets.append(child)
                }
                if child.tag == "h1" { targets.append(child) }
            }
        }
        gather(content)
        for node in targets where !node.removed && !ancestorRemoved(node, below: content) {
            if shouldClean(node, scores: scores) {
                node.removed = true
                var ancestor = node.parent
                while let next = ancestor {
                    next.stats.subtract(node.stats)
                    if next === content { break }
                    ancestor = next.parent
                }
            }
        }
        // Stats are stale after removals; recompute for the collector's benefit.
        TextStats.compute(content)
    }

    private func ancestorRemoved(_ node: HTMLNode, below content: HTMLNode) -> Bool {
        var current = node.parent
        while let next = current, next !== content {
            if next.removed { return true }
            current = next.parent
        }
        return false
    }

    private func shouldClean(_ node: HTMLNode, scores: [ObjectIdentifier: Double]) -> Bool {
        let tag = node.tag
        if tag == "h1" { return true }   // the headline is the title line, not body
        let weight = Self.classWeight(node)
        if Self.headingTags.contains(tag) {
            if weight < 0 { return true }
            if let title, Self.sameText(node.normalizedText, title) { return true }
            return node.stats.linkDensity > 0.5
        }
        let contentScore = scores[ObjectIdentifier(node)] ?? 0
        if weight + contentScore < 0 { return true }
        if node.stats.commas >= 10 { return false }
        let textLength = node.stats.textLength
        var isList = tag == "ul" || tag == "ol"
        if !isList {
            let listText = node.elements(named: ["ul", "ol"]).reduce(0) { $0 + $1.stats.textLength }
            isList = textLength > 0 && Double(listText) / Double(textLength) > 0.9
        }
        let p = Double(node.elements(named: ["p"]).count)
        let li = Double(node.elements(named: ["li"]).count) - 100
        let headingText = node.elements(named: Self.headingTags).reduce(0) { $0 + $1.stats.textLength }
        let headingDensity = textLength > 0 ? Double(headingText) / Double(textLength) : 0
        let linkDensity = node.stats.linkDensity
        if !isList && li > p { return true }
        if !isList && headingDensity < 0.9 && textLength < 25 { return true }
        if !isList && weight < 25 && linkDensity > 0.2 { return true }
        if weight >= 25 && linkDensity > 0.5 { return true }
        if isList && linkDensity > 0.5 && weight <= 0 { return true }
        // A short block of mostly links or a teaser list in the middle of the story.
        if textLength < 200 && weight < 0 { return true }
        return false
    }
}

/// Per-element text measurements, computed bottom-up once and kept on the node.
struct TextStats {
    /// Characters of text in the subtree (whitespace runs counted as one).
    var textLength = 0
    /// Of which inside links.
    var linkLength = 0
    /// Commas in the subtree.
    var commas = 0
    /// Text directly inside this element (its own text children and inline descendants'
    /// text, but not text inside nested block elements).
    var directText = 0
    /// Text inside `<p>`/`<pre>` elements of the subtree (or the element itself when it is one).
    var paragraphText = 0

    var linkDensity: Double { textLength == 0 ? 0 : Double(linkLength) / Double(textLength) }

    mutating func subtract(_ other: TextStats) {
        textLength -= other.textLength
        linkLength -= other.linkLength
        commas -= other.commas
        paragraphText -= other.paragraphText
    }

    static func compute(_ node: HTMLNode) {
        _ = measure(node, inLink: false, inParagraph: false)
    }

    private static let invisibleTags: Set<String> = ["script", "style", "noscript", "template", "head", "title"]

    private static let inlineTags: Set<String> = [
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "kbd", "mark",
        "q", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr", "ins",
    ]

    /// Returns the inline-reachable text length of the node (for the parent's directText).
    @discardableResult
    private static func measure(_ node: HTMLNode, inLink: Bool, inParagraph: Bool) -> Int {
        if node.isText {
            let length = collapsedLength(node.text)
            return length
        }
        var stats = TextStats()
        let isLink = node.tag == "a"
        let isParagraph = node.tag == "p" || node.tag == "pre"
        var inlineText = 0
        for child in node.children where !child.removed && !invisibleTags.contains(child.tag) {
            if child.isText {
                let length = collapsedLength(child.text)
                stats.textLength += length
                stats.commas += commaCount(child.text)
                if inLink || isLink { stats.linkLength += length }
                if inParagraph || isParagraph { stats.paragraphText += length }
                inlineText += length
            } else {
                let childInline = measure(child, inLink: inLink || isLink, inParagraph: inParagraph || isParagraph)
                stats.textLength += child.stats.textLength
                stats.linkLength += child.stats.linkLength
                stats.commas += child.stats.commas
                stats.paragraphText += child.stats.paragraphText
                if inlineTags.contains(child.tag) { inlineText += childInline }
            }
        }
        stats.directText = inlineText
        // Text set straight in a block (no <p>) reads as a paragraph of that block.
        if !(inParagraph || isParagraph), inlineText >= 50, !inlineTags.contains(node.tag), !isLink {
            stats.paragraphText += inlineText
        }
        node.stats = stats
        return inlineTags.contains(node.tag) ? inlineText : 0
    }

    static func collapsedLength(_ text: String) -> Int {
        var count = 0
        var lastSpace = true
        for scalar in text.unicodeScalars {
            if HTMLText.isSpace(scalar) {
                if !lastSpace { count += 1; lastSpace = true }
            } else {
                count += 1
                lastSpace = false
            }
        }
        return count
    }

    static func commaCount(_ text: String) -> Int {
        var count = 0
        for scalar in text.unicodeScalars where scalar == "," || scalar == "\u{FF0C}" || scalar == "\u{3001}" || scalar == "\u{060C}" {
            count += 1
        }
        return count
    }
}

/// Reads paragraphs out of the cleaned content: every block element (and `<br>`) ends one;
/// inline text in between is joined and whitespace-normalised. A paragraph that is mostly
/// link text (a "read more" or related-story line) is dropped, and so are short fragments
/// without a sentence at either end of the story (labels such as "Share", "Tags", "Comments").
enum ParagraphCollector {
    private struct Paragraph {
        var text: String
        var linkShare: Double
    }

    static func collect(_ content: HTMLNode) -> [String] {
        var paragraphs: [Paragraph] = []
        var buffer = ""
        var linkBuffer = 0
        func flush() {
            let text = HTMLText.normalize(buffer)
            let total = TextStats.collapsedLength(buffer)
            let share = total == 0 ? 0 : Double(linkBuffer) / Double(total)
            buffer = ""
            linkBuffer = 0
            if text.contains(where: { $0.isLetter || $0.isNumber }) {
                paragraphs.append(Paragraph(text: text, linkShare: share))
            }
        }
        func walk(_ node: HTMLNode, inLink: Bool) {
            for child in node.children where !child.removed {
                if child.isText {
                    buffer += child.text
                    if inLink { linkBuffer += TextStats.collapsedLength(child.text) }
                } else if HTMLContentFinder.blockTags.contains(child.tag) || child.tag == "article" {
                    flush()
                    walk(child, inLink: inLink || child.tag == "a")
                    flush()
                } else {
                    walk(child, inLink: inLink || child.tag == "a")
                }
            }
        }
        walk(content, inLink: false)
        flush()
        var kept = paragraphs.filter { $0.linkShare < 0.5 || isSentence($0.text) || isAddress($0.text) }.map(\.text)
        while let first = kept.first, isFragment(first) { kept.removeFirst() }
        while let last = kept.last, isFragment(last) || isLeadIn(last) { kept.removeLast() }
        return kept
    }

    static let closers: Set<Character> = [".", "!", "?", "…", "\"", "”", "»", ")", "。", "！", "？", "'", "’"]

    /// A label rather than a sentence: a word or two, or a few words with no closing punctuation.
    static func isFragment(_ text: String) -> Bool {
        if text.count <= 12 { return true }
        guard let last = text.last, !closers.contains(last) else { return false }
        return WordCounter.count(text) <= 6 && text.count < 50
    }

    /// A short line that introduces something else ("You may also like:", "Tell us what you
    /// think..."): the story cannot end on one, so at the end it leads into furniture.
    static func isLeadIn(_ text: String) -> Bool {
        let words = WordCounter.count(text)
        return (words <= 5 && text.hasSuffix(":")) || (words <= 8 && (text.hasSuffix("...") || text.hasSuffix("…")))
    }

    /// A linked sentence that is part of the story rather than a pointer elsewhere.
    static func isSentence(_ text: String) -> Bool {
        var trimmed = Substring(text)
        while let last = trimmed.last, "\"”’')".contains(last) { trimmed = trimmed.dropLast() }
        guard let last = trimmed.last, last == "." || last == "。" || last == "!", !trimmed.hasSuffix("...") else {
            return false
        }
        return WordCounter.count(text) >= 10
    }

    /// A web address written out in the text (a reference the author cites).
    static func isAddress(_ text: String) -> Bool {
        !text.contains(" ") && (text.hasPrefix("http://") || text.hasPrefix("https://") || text.hasPrefix("www."))
    }
}

/// Substring search over lower-cased class/id values, on UTF-8 bytes: the hint lists are
/// checked for every element of a page, so this stays off Foundation's string search.
enum HintMatcher {
    static func containsAny(_ text: String, _ words: [String]) -> Bool {
        var text = text
        return text.withUTF8 { haystack in
            words.contains { word in
                var word = word
                return word.withUTF8 { needle in contains(haystack, needle) }
            }
        }
    }

    private static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !needle.isEmpty, needle.count <= haystack.count else { return needle.isEmpty }
        let first = needle[0]
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first {
                var offset = 1
                while offset < needle.count && haystack[index + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            index += 1
        }
        return false
    }
}
