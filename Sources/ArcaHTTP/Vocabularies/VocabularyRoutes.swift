import ArcaDomain
import Hummingbird

/// `GET /v1/vocabularies`: every code list a client needs to fill in a request (DOMAIN §6).
struct VocabularyRoutes {
    struct Vocabularies: Encodable {
        let memberStates = MemberState.allCases.map(\.code)
        let offenceCategories = OffenceCategory.allCases.map(\.rawValue)
        let assetCategories = AssetCategory.allCases.map(\.rawValue)
        let assetStates = AssetState.allCases.map(\.rawValue)
        let propertyRoles = PropertyRole.allCases.map(\.rawValue)
        let confiscationTypes = ConfiscationType.allCases.map(\.rawValue)
        let subjectRoles = SubjectRole.allCases.map(\.rawValue)
        let valuationMethods = ValuationMethod.allCases.map(\.rawValue)
        let caseStatuses = CaseStatus.allCases.map(\.rawValue)
        let caseOrigins = CaseOrigin.allCases.map(\.rawValue)
        let disposalOutcomes = DisposalOutcome.allCases.map(\.rawValue)
        let liftingGrounds = LiftingGround.allCases.map(\.rawValue)
        let managementKinds = ManagementKind.allCases.map(\.rawValue)
        let recoverySources = RecoverySource.allCases.map(\.rawValue)
        let recoveryDestinations = RecoveryDestination.allCases.map(\.rawValue)
        let consultationPurposes = PurposeCode.allCases.map(\.rawValue)
        let channels = Channel.allCases.map(\.rawValue)
        let refusalGrounds = RefusalGround.allCases.map(\.rawValue)
        let requestKinds = RequestKind.allCases.map(\.rawValue)
        let requestStates = RequestState.allCases.map(\.rawValue)
        let requestActions = RequestAction.allCases.map(\.rawValue)
        let certificateStates = CertificateState.allCases.map(\.rawValue)
        let certificateActions = CertificateAction.allCases.map(\.rawValue)
        let countries = CountryCode.assigned
        let currencies = Currency.codes
    }

    func register(on v1: RouterGroup<ArcaRequestContext>) {
        v1.get("vocabularies") { _, _ in try Reply(Vocabularies()) }
    }
}
