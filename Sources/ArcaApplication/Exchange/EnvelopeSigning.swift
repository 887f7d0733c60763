import ArcaDomain
import Crypto
import Foundation

extension Envelope {
    /// Signs the envelope with this deployment's private key (Ed25519).
    mutating func sign(with privateKey: Data) throws {
        let key = try Curve25519.Signing.PrivateKey(rawRepresentation: privateKey)
        signature = try key.signature(for: Data(signedBytes)).base64EncodedString()
    }

    /// Whether the signature is the sender's, given its registered public key.
    func isSigned(by publicKey: Data) -> Bool {
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey), let signature = Data(base64Encoded: signature) else {
            return false
        }
        return key.isValidSignature(signature, for: Data(signedBytes))
    }

    /// The envelope as it travels: its canonical JSON, signature included.
    var text: String { String(decoding: json.bytes, as: UTF8.self) }
}

/// A new Ed25519 key pair, as its raw 32-byte halves.
func newSigningKeyPair() -> (privateKey: Data, publicKey: Data) {
    let key = Curve25519.Signing.PrivateKey()
    return (key.rawRepresentation, key.publicKey.rawRepresentation)
}
