import CLibXML2

/// A small, Swift-owned copy of the parts of a libxml2 HTML tree that extraction needs:
/// elements (lower-cased name, a few attributes) and text. Built once per page, so the
/// scoring code is plain Swift and the libxml2 document can be freed straight away.
final class HTMLNode {
    /// Lower-cased element name, or "" for a text node.
    let tag: String
    /// Text of a text node (raw, whitespace not normalised); empty for elements.
    let text: String
    var attributes: [String: String]
    var children: [HTMLNode] = []
    unowned(unsafe) var parent: HTMLNode?
    /// Set when cleaning drops the element from the content.
    var removed = false
    /// Text measurements, filled in by `TextStats.compute`.
    var stats = TextStats()

    init(tag: String, text: String = "", attributes: [String: String] = [:]) {
        self.tag = tag
        self.text = text
        self.attributes = attributes
    }

    var isText: Bool { tag.isEmpty }

    func attribute(_ name: String) -> String? { attributes[name] }

    /// `class` and `id` joined and lower-cased: what the class/id hints look at.
    lazy var classAndID: String = {
        let joined = [attributes["class"], attributes["id"]].compactMap { $0 }.joined(separator: " ")
        return joined.lowercased()
    }()

    /// Descendant elements (not text), depth first, skipping removed ones.
    func elements(named names: Set<String>) -> [HTMLNode] {
        var result: [HTMLNode] = []
        func walk(_ node: HTMLNode) {
            for child in node.children where !child.removed && !child.isText {
                if names.contains(child.tag) { result.append(child) }
                walk(child)
            }
        }
        walk(self)
        return result
    }

    func firstElement(where predicate: (HTMLNode) -> Bool) -> HTMLNode? {
        for child in children where !child.isText && !child.removed {
            if predicate(child) { return child }
            if let found = child.firstElement(where: predicate) { return found }
        }
        return nil
    }

    /// Concatenated raw text of the subtree (removed elements skipped).
    var rawText: String {
        var out = ""
        appendRawText(to: &out)
        return out
    }

    func appendRawText(to out: inout String) {
        if isText { out += text; return }
        for child in children where !child.removed { child.appendRawText(to: &out) }
    }

    /// The subtree's text with runs of whitespace collapsed to one space and trimmed.
    var normalizedText: String { HTMLText.normalize(rawText) }

    func hasAncestor(_ names: Set<String>, within levels: Int = .max) -> Bool {
        var node = parent
        var depth = 0
        while let current = node, depth < levels {
            if names.contains(current.tag) { return true }
            node = current.parent
            depth += 1
        }
        return false
    }
}

enum HTMLText {
    /// Collapses whitespace (including no-break spaces) to single spaces and trims.
    static func normalize(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if isSpace(scalar) {
                pendingSpace = !out.isEmpty
            } else if scalar.value == 0xAD || scalar.value == 0x200B || scalar.value == 0xFEFF {
                continue   // soft hyphen, zero-width space, BOM: invisible
            } else {
                if pendingSpace { out.append(" "); pendingSpace = false }
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Decodes character references left in text that was escaped twice by its CMS
    /// (`doesn&#8217;t`, `AT&amp;T`): numeric ones and the few named ones seen in metadata.
    static func decodingEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let afterAmp = rest[rest.index(after: amp)...]
            guard let semi = afterAmp.prefix(10).firstIndex(of: ";") else {
                out += "&"
                rest = afterAmp
                continue
            }
            let name = afterAmp[..<semi]
            var decoded: Character?
            if name.hasPrefix("#x") || name.hasPrefix("#X") {
                decoded = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map(Character.init)
            } else if name.hasPrefix("#") {
                decoded = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map(Character.init)
            } else {
                decoded = ["amp": "&", "quot": "\"", "apos": "'", "lt": "<", "gt": ">", "nbsp": " "][String(name)]
            }
            if let decoded {
                out.append(decoded)
                rest = afterAmp[afterAmp.index(after: semi)...]
            } else {
                out += "&"
                rest = afterAmp
            }
        }
        out += rest
        return out
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029,
             0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }
}

/// Parses HTML bytes with libxml2 and copies the tree into `HTMLNode`s.
enum HTMLTreeBuilder {
    /// libxml2 must be initialised once, before any concurrent use.
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// Attributes worth keeping; everything else is dropped while copying.
    private static let keptAttributes: Set<String> = [
        "class", "id", "itemprop", "itemtype", "role", "type", "property", "name", "content",
        "datetime", "hidden", "aria-hidden", "style", "rel", "http-equiv", "charset", "href",
    ]

    static func parse(_ bytes: [UInt8], encoding: String) -> HTMLNode? {
        guard initialized, !bytes.isEmpty, bytes.count < Int(Int32.max) else { return nil }
        let options = Int32(bitPattern: HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue
            | HTML_PARSE_NOBLANKS.rawValue | XML_PARSE_HUGE.rawValue)
        let document: htmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                htmlReadMemory(pointer, Int32(buffer.count), nil, encoding, options)
            }
        }
        guard let document else { return nil }
        defer { xmlFreeDoc(document) }
        let root = HTMLNode(tag: "#document")
        // Iterative, so a pathologically deep page cannot exhaust the stack here; elements
        // nested deeper than `maximumDepth` are flattened into their deepest kept ancestor so
        // that the recursive passes over the Swift tree stay shallow too.
        var stack: [(node: xmlNodePtr, parent: HTMLNode, depth: Int)] = []
        func pushChildren(_ first: xmlNodePtr?, parent: HTMLNode, depth: Int) {
            var children: [xmlNodePtr] = []
            var child = first
            while let next = child {
                children.append(next)
                child = next.pointee.next
            }
            for child in children.reversed() { stack.append((child, parent, depth)) }
        }
        pushChildren(document.pointee.children, parent: root, depth: 0)
        while let (node, parent, depth) = stack.popLast() {
            switch node.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                guard let content = node.pointee.content else { continue }
                let text = String(cString: content)
                guard !text.isEmpty else { continue }
                let textNode = HTMLNode(tag: "", text: text)
                textNode.parent = parent
                parent.children.append(textNode)
            case XML_ELEMENT_NODE:
                let name = string(node.pointee.name).lowercased()
                if depth >= maximumDepth {
                    if !flattenedAway.contains(name) {
                        if HTMLContentFinder.blockTags.contains(name) {
                            // Keep the paragraph break the flattened block stood for.
                            let separator = HTMLNode(tag: "br")
                            separator.parent = parent
                            parent.children.append(separator)
                        }
                        pushChildren(node.pointee.children, parent: parent, depth: depth)
                    }
                    continue
                }
                let element = HTMLNode(tag: name, attributes: attributes(of: node))
                element.parent = parent
                parent.children.append(element)
                pushChildren(node.pointee.children, parent: element, depth: depth + 1)
            default:
                continue
            }
        }
        return root
    }

    static let maximumDepth = 256
    /// Elements whose text is never content, so flattening must not turn it into text.
    private static let flattenedAway: Set<String> = ["script", "style", "noscript", "template", "svg", "math"]

    private static func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }

    private static func attributes(of node: xmlNodePtr) -> [String: String] {
        var attributes: [String: String] = [:]
        var property = node.pointee.properties
        while let attribute = property {
            let attributeName = string(attribute.pointee.name).lowercased()
            if keptAttributes.contains(attributeName) {
                var value = ""
                var valueNode = attribute.pointee.children
                while let part = valueNode {
                    if let content = part.pointee.content { value += String(cString: content) }
                    valueNode = part.pointee.next
                }
                attributes[attributeName] = value
            }
            property = attribute.pointee.next
        }
        return attributes
    }
}

/// Finds the character encoding a page declares for itself in its first few kilobytes
/// (`<meta charset="…">` or `<meta http-equiv="Content-Type" content="…; charset=…">`),
/// or a byte-order mark. A byte scan, not a parse: it only has to find a name.
enum HTMLCharset {
    /// The encoding to parse with: a byte-order mark wins, then a declared charset, then UTF-8.
    static func encoding(of bytes: [UInt8]) -> String {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return "UTF-8" }
        if bytes.starts(with: [0xFF, 0xFE]) { return "UTF-16LE" }
        if bytes.starts(with: [0xFE, 0xFF]) { return "UTF-16BE" }
        return declared(in: bytes).map(normalized) ?? "UTF-8"
    }

    static func declared(in bytes: [UInt8]) -> String? {
        let head = bytes.prefix(8192).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        let needle = Array("charset".utf8)
        var index = 0
        while index + needle.count < head.count {
            guard head[index..<(index + needle.count)].elementsEqual(needle) else { index += 1; continue }
            // Only inside a <meta …> tag: look back for the nearest '<'.
            var back = index
            while back > 0 && head[back] != UInt8(ascii: "<") && head[back] != UInt8(ascii: ">") { back -= 1 }
            let tagStart = head[back...].prefix(5)
            index += needle.count
            guard tagStart.elementsEqual(Array("<meta".utf8)) else { continue }
            var cursor = index
            while cursor < head.count, head[cursor] == 0x20 { cursor += 1 }
            guard cursor < head.count, head[cursor] == UInt8(ascii: "=") else { continue }
            cursor += 1
            while cursor < head.count, head[cursor] == 0x20 || head[cursor] == 0x22 || head[cursor] == 0x27 { cursor += 1 }
            var name: [UInt8] = []
            while cursor < head.count, name.count < 40 {
                let byte = head[cursor]
                let isNameByte = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                    || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":")
                    || byte == UInt8(ascii: ".")
                guard isNameByte else { break }
                name.append(byte)
                cursor += 1
            }
            if !name.isEmpty { return String(decoding: name, as: UTF8.self) }
        }
        return nil
    }

    /// The name to hand to libxml2: UTF-16/32 declarations inside an ASCII-readable
    /// document are wrong by construction, and windows-1252 is what `iso-8859-1` means on the web.
    static func normalized(_ name: String) -> String {
        switch name.lowercased() {
        case "utf8", "utf-8", "unicode-1-1-utf-8", "x-unicode20utf8": return "UTF-8"
        case "utf-16", "utf-16le", "utf-16be", "unicode":
            return "UTF-8"
        case "iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii", "l1", "windows-1252", "cp1252":
            return "windows-1252"
        default: return name
        }
    }
}
