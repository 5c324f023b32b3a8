import Foundation
import Testing
@testable import BylineAPI

struct OrderedJSONEncoderTests {
    struct Inner: Encodable { let name: String; let count: Int64 }
    struct Outer: Encodable {
        let zeta: String
        let alpha: Int
        let missing: String?
        let present: String?
        let flags: [Bool]
        let ratio: Double
        let whole: Double
        let small: UInt8
        let inner: Inner
        let list: [Inner]

        enum CodingKeys: String, CodingKey { case zeta, alpha, missing, present, flags, ratio, whole, small, inner, list }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(zeta, forKey: .zeta)
            try c.encode(alpha, forKey: .alpha)
            try c.encode(missing, forKey: .missing)
            try c.encode(present, forKey: .present)
            try c.encode(flags, forKey: .flags)
            try c.encode(ratio, forKey: .ratio)
            try c.encode(whole, forKey: .whole)
            try c.encode(small, forKey: .small)
            try c.encode(inner, forKey: .inner)
            try c.encode(list, forKey: .list)
        }
    }

    @Test func membersKeepDeclarationOrderAndNullsAreWritten() throws {
        let value = Outer(zeta: "z", alpha: -3, missing: nil, present: "p", flags: [true, false], ratio: 0.5,
                          whole: 2, small: 7, inner: Inner(name: "n", count: Int64.max), list: [Inner(name: "a", count: 1)])
        let text = String(decoding: try OrderedJSONEncoder().encode(value), as: UTF8.self)
        #expect(text == #"{"zeta":"z","alpha":-3,"missing":null,"present":"p","flags":[true,false],"ratio":0.5,"whole":2,"small":7,"inner":{"name":"n","count":9223372036854775807},"list":[{"name":"a","count":1}]}"#)
    }

    @Test func stringsAreEscapedPerRFC8259() throws {
        let text = String(decoding: try OrderedJSONEncoder().encode(["q\"b\\s/\n\t\u{1}é€"]), as: UTF8.self)
        #expect(text == "[\"q\\\"b\\\\s/\\n\\t\\u0001é€\"]")
        let decoded = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String]
        #expect(decoded == ["q\"b\\s/\n\t\u{1}é€"])
    }

    @Test func sameValueSameBytes() throws {
        let value = ["k": "v"]
        #expect(try OrderedJSONEncoder().encode(value) == OrderedJSONEncoder().encode(value))
    }

    @Test func nonFiniteNumbersAreRefused() {
        #expect(throws: (any Error).self) { try OrderedJSONEncoder().encode([Double.nan]) }
    }
}
