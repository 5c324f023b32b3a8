/// An `Encoder` that writes JSON with object members in the order `encode(to:)` writes them.
///
/// Why not Foundation's `JSONEncoder`: on Linux it emits members in hash order (so the same
/// value gives different bytes, and a different ETag, from one call to the next, unless
/// keys are sorted), and it measured as a fifth of the CPU of `GET /v1/articles/{id}`.
/// This one keeps API.md's member order and is several times cheaper. It covers what our
/// response DTOs use: keyed and unkeyed containers, strings, integers, doubles, booleans,
/// null, and nested `Encodable` values.
struct OrderedJSONEncoder {
    func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let node = try JSONNode.make(from: value)
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        node.write(to: &out)
        return out
    }
}

/// The value tree an encoding builds before it is written.
indirect enum JSONNode {
    case object(ObjectStorage)
    case array(ArrayStorage)
    case string(String)
    case number(String)
    case bool(Bool)
    case null

    final class ObjectStorage {
        var members: [(String, JSONNode)] = []
    }

    final class ArrayStorage {
        var items: [JSONNode] = []
    }

    static func make<T: Encodable>(from value: T) throws -> JSONNode {
        // Primitives are written here, never through their own `encode(to:)`: that would call
        // back into a container for the same value.
        switch value {
        case let s as String: return .string(s)
        case let i as Int: return .number(String(i))
        case let b as Bool: return .bool(b)
        case let d as Double: return try SingleValueContainer.number(d)
        case let f as Float: return try SingleValueContainer.number(Double(f))
        case let i as any BinaryInteger: return .number("\(i)")
        default:
            let encoder = NodeEncoder()
            try value.encode(to: encoder)
            return encoder.root ?? .object(ObjectStorage())
        }
    }

    func write(to out: inout [UInt8]) {
        switch self {
        case .object(let storage):
            out.append(UInt8(ascii: "{"))
            for (index, member) in storage.members.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                JSONNode.writeString(member.0, to: &out)
                out.append(UInt8(ascii: ":"))
                member.1.write(to: &out)
            }
            out.append(UInt8(ascii: "}"))
        case .array(let storage):
            out.append(UInt8(ascii: "["))
            for (index, item) in storage.items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                item.write(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .string(let s): JSONNode.writeString(s, to: &out)
        case .number(let n): out.append(contentsOf: n.utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .null: out.append(contentsOf: "null".utf8)
        }
    }

    /// RFC 8259 §7: quote, reverse solidus and control characters escaped; everything else,
    /// including `/` and non-ASCII, written as UTF-8.
    static func writeString(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { writeString(utf8: $0, to: &out) }
    }

    /// Copies runs that need no escaping in bulk: article bodies are long and rarely escaped.
    private static func writeString(utf8: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        let hex: StaticString = "0123456789abcdef"
        var runStart = 0
        for index in 0..<utf8.count {
            let byte = utf8[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
            runStart = index + 1
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\")); out.append(byte)
            case 0x0A: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n"))
            case 0x0D: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "r"))
            case 0x09: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "t"))
            default:
                out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                hex.withUTF8Buffer { digits in
                    out.append(digits[Int(byte >> 4)])
                    out.append(digits[Int(byte & 0xF)])
                }
            }
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
        out.append(UInt8(ascii: "\""))
    }
}

private final class NodeEncoder: Encoder {
    var root: JSONNode?
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object(let storage)? = root {
            return KeyedEncodingContainer(KeyedContainer(storage: storage))
        }
        let storage = JSONNode.ObjectStorage()
        root = .object(storage)
        return KeyedEncodingContainer(KeyedContainer(storage: storage))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array(let storage)? = root { return UnkeyedContainer(storage: storage) }
        let storage = JSONNode.ArrayStorage()
        root = .array(storage)
        return UnkeyedContainer(storage: storage)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleValueContainer(encoder: self) }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let storage: JSONNode.ObjectStorage
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws { storage.members.append((key.stringValue, .null)) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { storage.members.append((key.stringValue, .bool(value))) }
    mutating func encode(_ value: String, forKey key: Key) throws { storage.members.append((key.stringValue, .string(value))) }
    mutating func encode(_ value: Int, forKey key: Key) throws { storage.members.append((key.stringValue, .number(String(value)))) }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        storage.members.append((key.stringValue, try SingleValueContainer.number(value)))
    }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        storage.members.append((key.stringValue, try JSONNode.make(from: value)))
    }
    mutating func encode(_ value: Int8, forKey key: Key) throws { storage.members.append((key.stringValue, try JSONNode.make(from: value))) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { storage.members.append((key.stringValue, try JSONNode.make(from: value))) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { storage.members.append((key.stringValue, try JSONNode.make(from: value))) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { storage.members.append((key.stringValue, try JSONNode.make(from: value))) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { storage.members.append((key.stringValue, try JSONNode.make(from: value))) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { storage.members.append((key.stringValue, try JSONNode.make(from: value))) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { storage.members.append((key.stringValue, try JSONNode.make(from: value))) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { storage.members.append((key.stringValue, try JSONNode.make(from: value))) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { storage.members.append((key.stringValue, try JSONNode.make(from: value))) }
    mutating func encode(_ value: Float, forKey key: Key) throws { storage.members.append((key.stringValue, try JSONNode.make(from: value))) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                        forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONNode.ObjectStorage()
        storage.members.append((key.stringValue, .object(nested)))
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(storage: nested))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = JSONNode.ArrayStorage()
        storage.members.append((key.stringValue, .array(nested)))
        return UnkeyedContainer(storage: nested)
    }

    mutating func superEncoder() -> any Encoder { NodeEncoder() }
    mutating func superEncoder(forKey key: Key) -> any Encoder { NodeEncoder() }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let storage: JSONNode.ArrayStorage
    var codingPath: [any CodingKey] { [] }
    var count: Int { storage.items.count }

    mutating func encodeNil() throws { storage.items.append(.null) }
    mutating func encode(_ value: String) throws { storage.items.append(.string(value)) }
    mutating func encode(_ value: Int) throws { storage.items.append(.number(String(value))) }
    mutating func encode(_ value: Bool) throws { storage.items.append(.bool(value)) }
    mutating func encode(_ value: Double) throws { storage.items.append(try SingleValueContainer.number(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { storage.items.append(try JSONNode.make(from: value)) }
    mutating func encode(_ value: Int8) throws { storage.items.append(try JSONNode.make(from: value)) }
    mutating func encode(_ value: Int16) throws { storage.items.append(try JSONNode.make(from: value)) }
    mutating func encode(_ value: Int32) throws { storage.items.append(try JSONNode.make(from: value)) }
    mutating func encode(_ value: Int64) throws { storage.items.append(try JSONNode.make(from: value)) }
    mutating func encode(_ value: UInt) throws { storage.items.append(try JSONNode.make(from: value)) }
    mutating func encode(_ value: UInt8) throws { storage.items.append(try JSONNode.make(from: value)) }
    mutating func encode(_ value: UInt16) throws { storage.items.append(try JSONNode.make(from: value)) }
    mutating func encode(_ value: UInt32) throws { storage.items.append(try JSONNode.make(from: value)) }
    mutating func encode(_ value: UInt64) throws { storage.items.append(try JSONNode.make(from: value)) }
    mutating func encode(_ value: Float) throws { storage.items.append(try JSONNode.make(from: value)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONNode.ObjectStorage()
        storage.items.append(.object(nested))
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(storage: nested))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = JSONNode.ArrayStorage()
        storage.items.append(.array(nested))
        return UnkeyedContainer(storage: nested)
    }

    mutating func superEncoder() -> any Encoder { NodeEncoder() }
}

private struct SingleValueContainer: SingleValueEncodingContainer {
    let encoder: NodeEncoder
    var codingPath: [any CodingKey] { [] }

    struct NonFiniteNumber: Error {}

    static func number(_ value: Double) throws -> JSONNode {
        guard value.isFinite else { throw NonFiniteNumber() }
        if value == value.rounded(), abs(value) < 1e15 { return .number(String(Int(value))) }
        return .number(String(value))
    }

    mutating func encodeNil() throws { encoder.root = .null }
    mutating func encode(_ value: Bool) throws { encoder.root = .bool(value) }
    mutating func encode(_ value: String) throws { encoder.root = .string(value) }
    mutating func encode(_ value: Int) throws { encoder.root = .number(String(value)) }
    mutating func encode(_ value: Double) throws { encoder.root = try Self.number(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { encoder.root = try JSONNode.make(from: value) }
    mutating func encode(_ value: Int8) throws { encoder.root = try JSONNode.make(from: value) }
    mutating func encode(_ value: Int16) throws { encoder.root = try JSONNode.make(from: value) }
    mutating func encode(_ value: Int32) throws { encoder.root = try JSONNode.make(from: value) }
    mutating func encode(_ value: Int64) throws { encoder.root = try JSONNode.make(from: value) }
    mutating func encode(_ value: UInt) throws { encoder.root = try JSONNode.make(from: value) }
    mutating func encode(_ value: UInt8) throws { encoder.root = try JSONNode.make(from: value) }
    mutating func encode(_ value: UInt16) throws { encoder.root = try JSONNode.make(from: value) }
    mutating func encode(_ value: UInt32) throws { encoder.root = try JSONNode.make(from: value) }
    mutating func encode(_ value: UInt64) throws { encoder.root = try JSONNode.make(from: value) }
    mutating func encode(_ value: Float) throws { encoder.root = try JSONNode.make(from: value) }
}
