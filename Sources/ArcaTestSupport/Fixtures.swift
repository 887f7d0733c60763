import Foundation

/// Real reference data the tests use, kept in `Tests/Fixtures`.
public enum Fixtures {
    /// The ECB's euro reference-rate history as it publishes it (1999-01-04 to 2025-05-09):
    /// 6,747 business days, 41 currencies, 210,545 rates.
    public static let ecbHistory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Tests/Fixtures/ecb-eurofxref-hist.csv")
}
