import Testing
@testable import BylineHTTP

struct ClientAddressTests {
    @Test func ipv4AddressesCountOneByOneWithoutThePort() {
        #expect(ClientAddress.bucketKey(remoteAddress: "192.0.2.7:51000") == "192.0.2.7")
        #expect(ClientAddress.bucketKey(remoteAddress: "192.0.2.7:51001") == "192.0.2.7")
        #expect(ClientAddress.bucketKey(remoteAddress: "192.0.2.8:51000") == "192.0.2.8")
    }

    /// RFC 6177 §2: one subscriber commonly holds a whole /64.
    @Test func ipv6AddressesCountByTheir64() {
        let a = ClientAddress.bucketKey(remoteAddress: "[2001:db8:1:2::1]:443")
        let b = ClientAddress.bucketKey(remoteAddress: "[2001:db8:1:2:ffff:1:2:3]:80")
        let other = ClientAddress.bucketKey(remoteAddress: "[2001:db8:1:3::1]:443")
        #expect(a == "2001:db8:1:2::/64")
        #expect(a == b)
        #expect(a != other)
    }

    @Test func unparseableAddressesStillGetABucketOfTheirOwn() {
        #expect(ClientAddress.bucketKey(remoteAddress: "") == "")
        #expect(ClientAddress.bucketKey(remoteAddress: "[not-an-address]:1") == "not-an-address")
    }
}
