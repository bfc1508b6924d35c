import DiveData
import Testing

@Suite struct MD5Tests {
    /// The test suite of RFC 1321, appendix A.5.
    @Test(arguments: [
        ("", "d41d8cd98f00b204e9800998ecf8427e"),
        ("a", "0cc175b9c0f1b6a831c399e269772661"),
        ("abc", "900150983cd24fb0d6963f7d28e17f72"),
        ("message digest", "f96b697d7cb7938d525a2f31aaf161d0"),
        ("abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b"),
        ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "d174ab98d277d9f5a5611c2c9f419d9f"),
        ("12345678901234567890123456789012345678901234567890123456789012345678901234567890",
         "57edf4a22be3c955ac49da2e2107b67a"),
    ])
    func matchesRFC1321TestSuite(message: String, digest: String) {
        #expect(MD5.hexDigest(of: Array(message.utf8)) == digest)
    }

    @Test func incrementalUpdatesMatchOneShot() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        var md5 = MD5()
        var start = 0
        for size in [1, 63, 64, 65, 3, 200, 604] {
            md5.update(bytes[start ..< start + size])
            start += size
        }
        #expect(start == bytes.count)
        #expect(md5.hexDigest == MD5.hexDigest(of: bytes))
    }

    @Test func finalizingDoesNotEndTheDigest() {
        var md5 = MD5()
        md5.update(Array("message ".utf8))
        _ = md5.hexDigest
        md5.update(Array("digest".utf8))
        #expect(md5.hexDigest == "f96b697d7cb7938d525a2f31aaf161d0")
    }
}
