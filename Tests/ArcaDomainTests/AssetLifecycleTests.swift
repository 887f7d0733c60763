import ArcaDomain
import Testing

@Suite("Asset lifecycle (DOMAIN §3.1)")
struct AssetLifecycleTests {
    /// Every legal move, as the domain reference draws them.
    static let legal: [(AssetState, AssetAction, AssetState)] = [
        (.identified, .trace, .traced),
        (.identified, .freeze, .frozen),
        (.traced, .freeze, .frozen),
        (.frozen, .freeze, .frozen),
        (.frozen, .orderLifted, .frozen),
        (.frozen, .orderConfiscation, .confiscationOrdered),
        (.frozen, .sellInterim, .interimSold),
        (.frozen, .release, .released),
        (.frozen, .restitute, .restituted),
        (.interimSold, .freeze, .interimSold),
        (.interimSold, .orderLifted, .interimSold),
        (.interimSold, .orderConfiscation, .confiscationOrdered),
        (.interimSold, .release, .released),
        (.interimSold, .restitute, .restituted),
        (.confiscationOrdered, .freeze, .confiscationOrdered),
        (.confiscationOrdered, .finaliseConfiscation, .confiscationFinal),
        (.confiscationOrdered, .release, .released),
        (.confiscationOrdered, .orderLifted, .confiscationOrdered),
        (.confiscationOrdered, .confiscationLifted, .frozen),
        (.confiscationFinal, .recordRecovery, .recovered),
        (.recovered, .dispose, .disposed),
        (.disposed, .close, .closed),
        (.released, .close, .closed),
        (.restituted, .close, .closed),
    ]

    @Test(arguments: legal.indices)
    func everyLegalMoveIsAccepted(_ index: Int) throws {
        let (from, action, to) = Self.legal[index]
        #expect(try AssetLifecycle.next(from: from, by: action) == to)
    }

    @Test func everyOtherMoveIsRefusedNamingTheStateAndWhatIsAllowed() {
        for state in AssetState.allCases {
            for action in AssetAction.allCases where !Self.legal.contains(where: { $0.0 == state && $0.1 == action }) {
                let error = #expect(throws: AssetTransitionError.self) { try AssetLifecycle.next(from: state, by: action) }
                #expect(error?.state == state)
                #expect(error?.allowed == AssetLifecycle.allowedActions(from: state))
            }
        }
    }

    @Test func nothingNeverFrozenIsConfiscated() {
        let error = #expect(throws: AssetTransitionError.self) {
            try AssetLifecycle.next(from: .traced, by: .orderConfiscation)
        }
        #expect(error?.description == "cannot order the confiscation of an asset that is traced; allowed from there: freeze")
    }

    @Test func aValueConfiscationOfASumOfMoneyNeedsNoFreezeFirst() throws {
        #expect(try AssetLifecycle.next(from: .traced, by: .orderConfiscation, valueConfiscationOfMoney: true) == .confiscationOrdered)
        #expect(AssetCategory.bankAccount.isSumOfMoney)
        #expect(!AssetCategory.realEstate.isSumOfMoney)
    }

    @Test func aClosedAssetAllowsNothing() {
        #expect(AssetLifecycle.allowedActions(from: .closed).isEmpty)
    }
}
