/// Request ids: a sane incoming `X-Request-Id` is echoed (so a caller can trace its own id
/// through our logs); anything else is replaced by one we generate.
public enum RequestID {
    /// 1–128 characters of `[A-Za-z0-9._:-]`: safe to log and to echo in a header.
    public static func isSane(_ value: String) -> Bool {
        guard !value.isEmpty, value.utf8.count <= 128 else { return false }
        return value.utf8.allSatisfy { b in
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
                || b == UInt8(ascii: ".") || b == UInt8(ascii: "_") || b == UInt8(ascii: ":")
                || b == UInt8(ascii: "-")
        }
    }

    /// `<connection tag>-<sequence>`: unique per process without a random call per request.
    public static func generate(connectionTag: String, sequence: Int) -> String {
        "\(connectionTag)-\(sequence)"
    }
}
