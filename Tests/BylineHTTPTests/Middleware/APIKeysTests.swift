import Testing
@testable import BylineHTTP

struct APIKeysTests {
    let keys = APIKeys(hashes: [SHA256Digest.hex(Array("alpha-key".utf8)), "not hex",
                                SHA256Digest.hex(Array("beta-key".utf8)).uppercased()])

    @Test func onlyConfiguredKeysHaveAnIdentity() {
        #expect(keys.identity(authorization: "Bearer alpha-key") != nil)
        #expect(keys.identity(authorization: "bearer  beta-key") != nil)
        #expect(keys.identity(authorization: "Bearer gamma-key") == nil)
        #expect(keys.identity(authorization: "Basic YWxwaGEta2V5") == nil)
        #expect(keys.identity(authorization: nil) == nil)
    }

    @Test func identitiesTellKeysApartWithoutHoldingThem() throws {
        let alpha = try #require(keys.identity(authorization: "Bearer alpha-key"))
        let beta = try #require(keys.identity(authorization: "Bearer beta-key"))
        #expect(alpha != beta)
        #expect(alpha == keys.identity(authorization: "Bearer alpha-key"))
        #expect(!alpha.digestPrefix.contains("alpha"))
        // A prefix of the digest, not the digest a config file holds.
        #expect(alpha.digestPrefix.count == 16)
        #expect(SHA256Digest.hex(Array("alpha-key".utf8)).hasPrefix(alpha.digestPrefix))
    }

    @Test func malformedHashesAreIgnored() {
        #expect(APIKeys(hashes: ["abc", "zz"]).isEmpty)
        #expect(!keys.isEmpty)
    }
}
