extension String {
    /// A string made of `scalars`, written as UTF-8 straight into the string's storage.
    ///
    /// Why not `String(String.UnicodeScalarView(slice))`: that goes through the standard
    /// library's generic `append(contentsOf:)`, which costs hundreds of instructions per
    /// scalar; building token, line and mention strings that way was a quarter of the
    /// whole analysis.
    init<Scalars: Collection>(scalars: Scalars) where Scalars.Element == Unicode.Scalar {
        var byteCount = 0
        for scalar in scalars { byteCount += UTF8.width(scalar) }
        guard byteCount > 0 else { self = ""; return }
        self.init(unsafeUninitializedCapacity: byteCount) { buffer in
            var written = 0
            for scalar in scalars {
                let value = scalar.value
                if value < 0x80 {
                    buffer[written] = UInt8(truncatingIfNeeded: value)
                    written += 1
                } else {
                    UTF8.encode(scalar) { byte in
                        buffer[written] = byte
                        written += 1
                    }
                }
            }
            return written
        }
    }
}
