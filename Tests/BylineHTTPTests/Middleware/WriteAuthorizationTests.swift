import Testing
@testable import BylineHTTP

struct WriteAuthorizationTests {
    let keyHash = SHA256Digest.hex(Array("s3cret-key".utf8))

    func run(_ auth: WriteAuthorization, _ method: HTTPMethod, authorization: String? = nil) -> Int {
        var headers = HTTPHeaders()
        if let authorization { headers.add("Authorization", authorization) }
        let request = HTTPRequest(head: HTTPRequestHead(method: method, target: "/v1/articles", version: .http1_1, headers: headers))
        do {
            return try auth.respond(to: request) { _ in HTTPResponse(status: .created) }.status.code
        } catch {
            return ProblemMapper.problem(for: error).status.code
        }
    }

    @Test func readsArePublicInEveryMode() {
        for auth in [WriteAuthorization(keyHashes: [keyHash], loopbackOnly: false),
                     WriteAuthorization(keyHashes: [], loopbackOnly: false)] {
            #expect(run(auth, .get) == 201)
            #expect(run(auth, .head) == 201)
        }
    }

    @Test func keysAreRequiredAndCheckedWhenConfigured() {
        let auth = WriteAuthorization(keyHashes: ["nonsense", keyHash.uppercased()], loopbackOnly: true)
        #expect(run(auth, .post) == 401)
        #expect(run(auth, .delete, authorization: "Bearer wrong") == 401)
        #expect(run(auth, .post, authorization: "Basic czNjcmV0LWtleQ==") == 401)
        #expect(run(auth, .post, authorization: "Bearer s3cret-key") == 201)
        #expect(run(auth, .delete, authorization: "bearer   s3cret-key") == 201)
    }

    @Test func unauthorizedCarriesWWWAuthenticate() {
        let problem = WriteAuthorization.unauthorized("x")
        #expect(problem.headers["WWW-Authenticate"] == "Bearer realm=\"byline\"")
    }

    @Test func withoutKeysWritesAreOpenOnLoopbackOnly() {
        #expect(run(WriteAuthorization(keyHashes: [], loopbackOnly: true), .post) == 201)
        #expect(run(WriteAuthorization(keyHashes: [], loopbackOnly: false), .post) == 403)
        #expect(run(WriteAuthorization(keyHashes: [], loopbackOnly: false), .delete) == 403)
    }

    @Test func loopbackAddresses() {
        #expect(WriteAuthorization.isLoopback(host: "127.0.0.1"))
        #expect(WriteAuthorization.isLoopback(host: "::1"))
        #expect(WriteAuthorization.isLoopback(host: "localhost"))
        #expect(!WriteAuthorization.isLoopback(host: "0.0.0.0"))
        #expect(!WriteAuthorization.isLoopback(host: "::"))
        #expect(!WriteAuthorization.isLoopback(host: "10.0.0.5"))
    }
}
