import Testing
@testable import BylineAnalysis

/// One test per extraction rule, each on a small hand-written page.
@Suite("HTML article extraction")
struct HTMLArticleExtractorTests {
    /// Paragraphs long enough (and comma-rich enough) to score as a story.
    static let story = [
        "The city council voted on Tuesday to expand the tram network, adding three new lines, twelve stations and a depot in the north of the city.",
        "Supporters said the plan, which will cost about two billion euros, would cut traffic, improve air quality and connect poorer districts to the centre.",
        "Opponents, including several business groups, argued that the money would be better spent on buses, which can be rerouted as the city grows.",
    ]

    static func page(head: String = "", before: String = "", articleAttributes: String = "", after: String = "",
                     paragraphs: [String] = story) -> String {
        let body = paragraphs.map { "<p>\($0)</p>" }.joined(separator: "\n")
        return """
        <!DOCTYPE html><html><head><meta charset="utf-8">\(head)</head><body>
        \(before)
        <div class="article-body"\(articleAttributes)>\(body)</div>
        \(after)
        </body></html>
        """
    }

    @Test("the story's paragraphs come out in order, separated by blank lines")
    func paragraphsInOrder() {
        let result = HTMLArticleExtractor.extract(html: Self.page())
        #expect(result.document.body == Self.story.joined(separator: "\n\n"))
        #expect(result.document.wordCount == WordCounter.count(result.document.body))
        #expect(result.document.language == "en")
    }

    @Test("navigation, footers, sidebars, share bars and comment sections are not body text")
    func boilerplateRemoved() {
        let html = Self.page(
            before: """
            <nav><a href="/">Home</a> <a href="/world">World news, politics, and business today</a></nav>
            <div class="share-tools">Share this article on Facebook, Twitter, and by email with your friends</div>
            """,
            after: """
            <aside class="sidebar"><p>Most read: a long headline about something else entirely, with commas, and more.</p></aside>
            <div id="comments"><p>Great article, totally agree with the council, and the mayor, and everyone.</p></div>
            <footer><p>Copyright 2025 The Daily Example, all rights reserved, and then some more words.</p></footer>
            """)
        let body = HTMLArticleExtractor.extract(html: html).document.body
        #expect(body == Self.story.joined(separator: "\n\n"))
        for word in ["Home", "Share this", "Most read", "Great article", "Copyright"] {
            #expect(!body.contains(word))
        }
    }

    @Test("a figure caption inside the article is not body text")
    func captionRemoved() {
        let paragraphs = Self.story.map { "<p>\($0)</p>" }
        let html = """
        <html><body><article>\(paragraphs[0])
        <figure><img src="x.jpg"><figcaption>A tram in the city centre, photographed in May.</figcaption></figure>
        <div class="image-caption">Photo: the council chamber, before the vote.</div>
        \(paragraphs[1])\(paragraphs[2])</article></body></html>
        """
        let body = HTMLArticleExtractor.extract(html: html).document.body
        #expect(body == Self.story.joined(separator: "\n\n"))
    }

    @Test("scripts and styles never reach the text")
    func scriptAndStyleExcluded() {
        let html = Self.page(
            head: "<style>p { color: red; }</style><script>var tracking = 'head script';</script>",
            before: "<script>document.write('inline script, with commas, and more commas, lots')</script>",
            after: "<noscript>Please enable JavaScript, it is needed, really, for this site.</noscript>")
        let text = HTMLArticleExtractor.extract(html: html).text
        for fragment in ["color: red", "tracking", "document.write", "enable JavaScript"] {
            #expect(!text.contains(fragment))
        }
        #expect(text.contains(Self.story[0]))
    }

    @Test("a block of mostly links inside the article is dropped")
    func linkHeavyBlockDropped() {
        let links = (1...6).map { "<li><a href=\"/story/\($0)\">Another story number \($0) you might like to read</a></li>" }
        let paragraphs = Self.story.map { "<p>\($0)</p>" }
        let html = """
        <html><body><div class="content">\(paragraphs[0])\(paragraphs[1])
        <div class="more"><ul>\(links.joined())</ul></div>
        \(paragraphs[2])</div></body></html>
        """
        let body = HTMLArticleExtractor.extract(html: html).document.body
        #expect(!body.contains("Another story"))
        #expect(body == Self.story.joined(separator: "\n\n"))
    }

    @Test("the body is the best-scoring block, not a longer link list elsewhere")
    func scoringPicksTheStory() {
        let links = (1...30).map { "<p><a href=\"/s/\($0)\">Headline of a different story, number \($0), with a comma</a></p>" }
        let html = Self.page(before: "<div class=\"list\">\(links.joined())</div>")
        let body = HTMLArticleExtractor.extract(html: html).document.body
        #expect(body == Self.story.joined(separator: "\n\n"))
    }

    @Test("title, outlet, date and author come from Open Graph and article meta tags")
    func metaTags() throws {
        let head = """
        <meta property="og:title" content="Council expands tram network">
        <meta property="og:site_name" content="The Daily Example">
        <meta property="article:published_time" content="2025-06-14T08:30:00+02:00">
        <meta name="author" content="Jane Doe">
        """
        let document = HTMLArticleExtractor.extract(html: Self.page(head: head)).document
        #expect(document.title == "Council expands tram network")
        #expect(document.outlet == "The Daily Example")
        #expect(document.published == CalendarDate(iso: "2025-06-14"))
        #expect(document.authors == ["Jane Doe"])
    }

    @Test("JSON-LD NewsArticle supplies headline, date, authors and publisher")
    func jsonLD() {
        let head = """
        <script type="application/ld+json">
        {"@context": "https://schema.org", "@graph": [{"@type": "WebSite", "name": "Ignored"},
          {"@type": "NewsArticle", "headline": "Trams for the north", "datePublished": "2024-02-29T10:00:00Z",
           "author": [{"@type": "Person", "name": "Ana Lima"}, {"@type": "Person", "name": "Ben Ode"}],
           "publisher": {"@type": "Organization", "name": "Example Times"}}]}
        </script>
        """
        let document = HTMLArticleExtractor.extract(html: Self.page(head: head)).document
        #expect(document.title == "Trams for the north")
        #expect(document.published == CalendarDate(iso: "2024-02-29"))
        #expect(document.authors == ["Ana Lima", "Ben Ode"])
        #expect(document.outlet == "Example Times")
    }

    @Test("without metadata, the h1 is the title and <time datetime> the date; nothing else is guessed")
    func headingAndTime() {
        let html = Self.page(before: "<h1>Council  expands\n tram network</h1><time datetime=\"2023-11-05\">5 Nov</time>")
        let document = HTMLArticleExtractor.extract(html: html).document
        #expect(document.title == "Council expands tram network")
        #expect(document.published == CalendarDate(iso: "2023-11-05"))
        #expect(document.outlet == nil)
        #expect(document.authors.isEmpty)
    }

    @Test("no title, no date, no outlet on a bare page")
    func nullRatherThanGuess() {
        let document = HTMLArticleExtractor.extract(html: Self.page()).document
        #expect(document.title == nil)
        #expect(document.published == nil)
        #expect(document.outlet == nil)
    }

    @Test("text is the headline, a blank line, then the body; bodySpan slices the body out in scalars")
    func bodySpanSlicesBody() throws {
        let paragraphs = ["Ünïcödé façade — “quoted” text, with emoji 👍🏽 and more words, here.", Self.story[1], Self.story[2]]
        let html = Self.page(head: "<meta property=\"og:title\" content=\"Café 🚋 news\">", paragraphs: paragraphs)
        let result = HTMLArticleExtractor.extract(html: html)
        #expect(result.text.hasPrefix("Café 🚋 news\n\n"))
        let span = try #require(result.document.bodySpan)
        let scalars = Array(result.text.unicodeScalars)
        var sliced = String.UnicodeScalarView()
        sliced.append(contentsOf: scalars[span.start..<span.end])
        #expect(String(sliced) == result.document.body)
        #expect(span.end == scalars.count)
        #expect(result.document.body == paragraphs.joined(separator: "\n\n"))
    }

    @Test("a repeat of the headline inside the article is not body text")
    func headlineNotRepeated() {
        let html = """
        <html><head><meta property="og:title" content="Council expands tram network"></head><body>
        <article><h1>Council expands tram network</h1>\(Self.story.map { "<p>\($0)</p>" }.joined())</article>
        </body></html>
        """
        let result = HTMLArticleExtractor.extract(html: html)
        #expect(result.document.body == Self.story.joined(separator: "\n\n"))
        #expect(result.text == "Council expands tram network\n\n" + result.document.body)
    }

    @Test("placeholder dates, URL site names and twice-escaped titles are cleaned or refused")
    func metadataHygiene() {
        let head = """
        <meta property="og:title" content="It&amp;#8217;s a tram">
        <meta property="og:site_name" content="https://www.example.com">
        <meta property="article:published_time" content="0001-01-01T00:00:00Z">
        <meta name="author" content="https://www.facebook.com/someone">
        """
        let document = HTMLArticleExtractor.extract(html: Self.page(head: head)).document
        #expect(document.title == "It\u{2019}s a tram")
        #expect(document.outlet == nil)
        #expect(document.published == nil)
        #expect(document.authors.isEmpty)
    }

    @Test("the page's itemprop=articleBody wins over a neighbouring block of similar weight")
    func itempropArticleBody() {
        let teaser = (1...3).map { "<p>Teaser paragraph \($0), about another subject, with commas, and clauses, to weigh in.</p>" }
        let html = """
        <html><body><div class="wrap"><div class="teasers">\(teaser.joined())</div>
        <div itemprop="articleBody">\(Self.story.map { "<p>\($0)</p>" }.joined())</div></div></body></html>
        """
        let body = HTMLArticleExtractor.extract(html: html).document.body
        #expect(body == Self.story.joined(separator: "\n\n"))
    }

    @Test("labels and mostly-link lines at the end of the story are dropped, linked sentences kept")
    func trailingFurniture() {
        let html = Self.page(paragraphs: Self.story + [
            "<a href=\"/x\">The council's full report on the network, published last week, runs to four hundred pages.</a>",
            "Read more: <a href=\"/y\">Trams return to the city after fifty years away from the streets</a>",
            "You may also like:",
            "Share",
        ])
        let body = HTMLArticleExtractor.extract(html: html).document.body
        #expect(body.hasSuffix("runs to four hundred pages."))
        #expect(!body.contains("Read more"))
        #expect(!body.contains("You may also like"))
        #expect(!body.hasSuffix("Share"))
    }

    @Test("a story nested deeper than libxml2's default limit is still found, paragraph by paragraph")
    func deepNesting() {
        let html = "<html><body>" + String(repeating: "<div>", count: 600)
            + Self.story.map { "<p>\($0)</p>" }.joined() + "</body></html>"
        let body = HTMLArticleExtractor.extract(html: html).document.body
        #expect(body == Self.story.joined(separator: "\n\n"))
    }

    @Test("extraction is safe to run on many threads at once")
    func concurrentExtraction() async {
        let html = Self.page(head: "<meta property=\"og:title\" content=\"Trams\">")
        let expected = HTMLArticleExtractor.extract(html: html)
        let results = await withTaskGroup(of: HTMLExtraction.self) { group in
            for _ in 0..<16 { group.addTask { HTMLArticleExtractor.extract(html: Array(html.utf8)) } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 16)
        #expect(results.allSatisfy { $0 == expected })
    }

    @Test("a declared charset is honoured when extracting from bytes")
    func declaredCharset() {
        let paragraph = "Le conseil municipal a voté mardi pour étendre le réseau de tramway, avec trois lignes, douze stations et un dépôt."
        let html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"></head><body><article><p>\(paragraph)</p><p>\(paragraph)</p></article></body></html>"
        // Latin-1 bytes: every scalar here is below 256.
        let bytes = html.unicodeScalars.map { UInt8($0.value) }
        let result = HTMLArticleExtractor.extract(html: bytes)
        #expect(result.document.body == paragraph + "\n\n" + paragraph)
        #expect(HTMLCharset.encoding(of: Array("<meta charset='windows-1251'>".utf8)) == "windows-1251")
        #expect(HTMLCharset.encoding(of: Array("<p>no declaration</p>".utf8)) == "UTF-8")
    }

    @Test("empty, garbage and body-less input never crash and give an empty body",
          arguments: ["", " ", "<", "<<<>>>", "\u{0}\u{1}\u{2}", "<html>", "<html><body></body></html>",
                      "<p>short</p>", String(repeating: "<div>", count: 5000),
                      "<script>only a script</script>", "\u{FFFD}\u{FFFD}<p\u{FFFD}"])
    func garbage(_ html: String) {
        let result = HTMLArticleExtractor.extract(html: html)
        #expect(result.document.body.isEmpty)
        #expect(result.document.bodySpan == nil)
        #expect(result.document.wordCount == 0)
        let bytes = HTMLArticleExtractor.extract(html: Array(html.utf8) + [0xFF, 0xFE, 0x80])
        #expect(bytes.document.bodySpan == nil || bytes.document.body.count > 0)
    }
}
