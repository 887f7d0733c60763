import Foundation
import HTTPTypes
import Testing

extension APIWorld {
    static let account = #"{"category":"bank_account","description":"Current account at KBC, Brussels","identifiers":{"iban":"BE68 5390 0754 7034"},"country":"BE","propertyRole":"proceeds_direct","estimatedValue":{"amount":"48250.75","currency":"EUR"},"identifiedOn":"2026-03-20"}"#

    func addAsset(to caseID: String, _ json: String = APIWorld.account) async throws -> String {
        let answer = try await call(.post, "/v1/cases/\(caseID)/assets", json: json)
        guard answer.status == 201, let id = answer.json["id"] as? String else {
            throw TestFailure("could not add an asset: \(answer.status) \(answer.text)")
        }
        return id
    }

    func createOrder(in caseID: String, _ json: String) async throws -> String {
        let answer = try await call(.post, "/v1/cases/\(caseID)/orders", json: json)
        guard answer.status == 201, let id = answer.json["id"] as? String else {
            throw TestFailure("could not create an order: \(answer.status) \(answer.text)")
        }
        return id
    }
}

@Suite("HTTP: assets, valuations and orders")
struct AssetRoutesTests {
    @Test func anAssetIsAddedWithMoneyAsDecimalStrings() async throws {
        try await APIWorld.with { world in
            let caseID = try await world.openCase()
            let answer = try await world.attempt(.post, "/v1/cases/\(caseID)/assets", json: APIWorld.account)
            #expect(answer.status == 201)
            #expect(answer.json["state"] as? String == "identified")
            #expect(answer.json["allowedActions"] as? [String] == ["trace", "freeze"])
            #expect(answer.json["estimatedValue"] as? [String: String] == ["amount": "48250.75", "currency": "EUR"])
            #expect((answer.json["identifiers"] as? [String: Any])?["iban"] as? String == "BE68539007547034")
        }
    }

    @Test func anAmountSentAsAJSONNumberIsATypeError() async throws {
        try await APIWorld.with { world in
            let caseID = try await world.openCase()
            let answer = try await world.attempt(
                .post, "/v1/cases/\(caseID)/assets",
                json: #"{"category":"cash","description":"Banknotes","country":"BE","estimatedValue":{"amount":20000.10,"currency":"EUR","rate":1}}"#)
            #expect(answer.status == 422)
            #expect(answer.fieldErrors == ["estimatedValue.amount type", "estimatedValue.rate unknown-field"])
            #expect(try await world.count("asset") == 0)
        }
    }

    @Test func aNegativeAmountIsRefused() async throws {
        try await APIWorld.with { world in
            let caseID = try await world.openCase()
            let answer = try await world.attempt(
                .post, "/v1/cases/\(caseID)/assets",
                json: #"{"category":"cash","description":"Banknotes","country":"BE","estimatedValue":{"amount":"-1.00","currency":"EUR"}}"#)
            #expect(answer.status == 422)
            #expect(answer.fieldErrors == ["estimatedValue.amount not-negative"])
            #expect(try await world.count("asset") == 0)
        }
    }

    @Test func aFreezingOrderExecutedOverHTTPFreezesTheAssetAndShowsInItsHistory() async throws {
        try await APIWorld.with { world in
            let caseID = try await world.openCase()
            let assetID = try await world.addAsset(to: caseID)
            let orderID = try await world.createOrder(
                in: caseID,
                #"{"kind":"freezing","urgent":true,"issuingAuthority":"Federal prosecutor","decisionReference":"FR/2026/0413","decisionDate":"2026-04-02","assets":["\#(assetID)"]}"#)

            let executed = try await world.attempt(.post, "/v1/orders/\(orderID)/execution", json: #"{"executedOn":"2026-04-03","reason":"bank confirmed the freeze"}"#)

            #expect(executed.status == 200)
            #expect(executed.json["status"] as? String == "executed")
            let asset = try await world.attempt(.get, "/v1/assets/\(assetID)", as: "analyst")
            #expect(asset.json["state"] as? String == "frozen")
            #expect(asset.json["valueAtFreezing"] as? [String: String] == ["amount": "48250.75", "currency": "EUR"])
            let history = try await world.attempt(.get, "/v1/assets/\(assetID)/events", as: "liaison")
            let events = try #require(history.json["items"] as? [[String: Any]])
            #expect(events.map { $0["to"] as? String } == ["identified", "frozen"])
            #expect(events.last?["orderId"] as? String == orderID)
            #expect(events.last?["reason"] as? String == "bank confirmed the freeze")
        }
    }

    @Test func anIllegalTransitionIs409NamingTheStateAndWhatIsAllowed() async throws {
        try await APIWorld.with { world in
            let caseID = try await world.openCase()
            let assetID = try await world.addAsset(to: caseID)
            let answer = try await world.attempt(.post, "/v1/assets/\(assetID)/events", json: #"{"action":"dispose","occurredOn":"2026-04-01","reason":"auctioned","outcome":"sold_auction","amount":{"amount":"14200.00","currency":"EUR"}}"#)
            #expect(answer.status == 409)
            #expect((answer.json["detail"] as? String)?.contains("asset that is identified; allowed from there: trace, freeze") == true)
        }
    }

    @Test func aValuationInAnotherCurrencyBecomesTheEstimate() async throws {
        try await APIWorld.with { world in
            let caseID = try await world.openCase()
            let assetID = try await world.addAsset(to: caseID)
            let answer = try await world.attempt(
                .post, "/v1/assets/\(assetID)/valuations", json: #"{"valuedOn":"2026-05-04","method":"book","value":{"amount":"51000.00","currency":"CHF"}}"#)
            #expect(answer.status == 201)
            let asset = try await world.attempt(.get, "/v1/assets/\(assetID)")
            #expect(asset.json["estimatedValue"] as? [String: String] == ["amount": "51000.00", "currency": "CHF"])
            #expect((asset.json["valuations"] as? [Any])?.count == 2)
        }
    }

    @Test func theCaseShowsItsAssetsAndOrders() async throws {
        try await APIWorld.with { world in
            let caseID = try await world.openCase()
            let assetID = try await world.addAsset(to: caseID)
            _ = try await world.createOrder(
                in: caseID,
                #"{"kind":"confiscation","confiscationType":"value","issuingAuthority":"Court of appeal, Antwerp","decisionReference":"2026/CA/1187","decisionDate":"2026-06-30","assets":["\#(assetID)"],"coveredAmount":{"amount":"250000.00","currency":"EUR"}}"#)
            let answer = try await world.attempt(.get, "/v1/cases/\(caseID)", as: "analyst")
            let assets = try #require(answer.json["assets"] as? [[String: Any]])
            #expect(assets.map { $0["state"] as? String } == ["confiscation_ordered"])
            let orders = try #require(answer.json["orders"] as? [[String: Any]])
            #expect(orders.map { $0["confiscationType"] as? String } == ["value"])
        }
    }

    @Test func assetsListAcrossCasesWithACursor() async throws {
        try await APIWorld.with { world in
            let caseID = try await world.openCase()
            for day in 1...3 {
                _ = try await world.addAsset(
                    to: caseID, #"{"category":"cash","description":"Seized banknotes \#(day)","country":"BE","identifiedOn":"2026-04-0\#(day)"}"#)
            }
            let first = try await world.attempt(.get, "/v1/assets?limit=2&category=cash", as: "analyst")
            #expect((first.json["items"] as? [Any])?.count == 2)
            let next = try #require(first.json["next"] as? String)
            let second = try await world.attempt(.get, "/v1/assets?limit=2&category=cash&cursor=\(next)", as: "analyst")
            let last = try #require(second.json["items"] as? [[String: Any]])
            #expect(last.map { $0["description"] as? String } == ["Seized banknotes 1"])
            #expect(second.json["next"] is NSNull)
        }
    }

    /// Officers record; liaison officers and analysts read; auditors and administrators see
    /// no asset.
    static let matrix: [(
        role: String, add: Int, read: Int, list: Int, value: Int, event: Int, order: Int, readOrder: Int, execute: Int, lift: Int, update: Int,
        finalise: Int, correct: Int, correctOrder: Int
    )] = [
        ("officer", 201, 200, 200, 201, 201, 201, 200, 200, 200, 200, 200, 201, 201),
        ("liaison", 403, 200, 200, 403, 403, 403, 200, 403, 403, 403, 403, 403, 403),
        ("analyst", 403, 200, 200, 403, 403, 403, 200, 403, 403, 403, 403, 403, 403),
        ("auditor", 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403),
        ("admin", 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403),
    ]

    @Test(arguments: matrix.indices)
    func eachRoleMayDoWhatItsDutiesNeedWithAssets(_ row: Int) async throws {
        let expected = Self.matrix[row]
        try await APIWorld.with { world in
            let role = expected.role
            let caseID = try await world.openCase()
            let assetID = try await world.addAsset(to: caseID)
            let orderID = try await world.createOrder(
                in: caseID,
                #"{"kind":"freezing","issuingAuthority":"Investigating judge","decisionReference":"IJ/2026/77","decisionDate":"2026-04-02","assets":["\#(assetID)"]}"#)
            func status(_ method: HTTPRequest.Method, _ uri: String, _ json: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) async throws -> Int {
                try await world.attempt(method, uri, as: role, json: json, sourceLocation: sourceLocation).status
            }
            let update = try await world.attempt(.patch, "/v1/assets/\(assetID)", as: role, json: #"{"country":"BE"}"#, headers: ["If-Match": "\"1\""])
            #expect(update.status == expected.update, "update asset as \(role)")
            #expect(try await status(.post, "/v1/cases/\(caseID)/assets", APIWorld.account) == expected.add, "add asset as \(role)")
            #expect(try await status(.get, "/v1/assets/\(assetID)") == expected.read, "read asset as \(role)")
            #expect(try await status(.get, "/v1/assets/\(assetID)/events") == expected.read, "read history as \(role)")
            #expect(try await status(.get, "/v1/assets") == expected.list, "list assets as \(role)")
            #expect(
                try await status(.post, "/v1/assets/\(assetID)/valuations", #"{"valuedOn":"2026-04-01","method":"market","value":{"amount":"1.00","currency":"EUR"}}"#)
                    == expected.value, "value as \(role)")
            #expect(try await status(.post, "/v1/assets/\(assetID)/events", #"{"action":"trace","occurredOn":"2026-04-01","reason":"land registry search"}"#) == expected.event, "event as \(role)")
            let history = try await world.attempt(.get, "/v1/assets/\(assetID)/events")
            let identify = try #require((history.json["items"] as? [[String: Any]])?.first?["id"] as? Int)
            #expect(
                try await status(.post, "/v1/assets/\(assetID)/events/\(identify)/correction", #"{"occurredOn":"2026-03-01","reason":"identified on 1 March"}"#)
                    == expected.correct, "correct a date as \(role)")
            let value = try await world.createOrder(
                in: caseID,
                #"{"kind":"confiscation","confiscationType":"value","issuingAuthority":"Brussels criminal court","decisionReference":"2026/0412/C","decisionDate":"2026-04-02","coveredAmount":{"amount":"40000.00","currency":"EUR"}}"#)
            #expect(try await status(.post, "/v1/orders/\(value)/finality", #"{"finalOn":"2026-05-02"}"#) == expected.finalise, "finalise as \(role)")
            #expect(
                try await status(
                    .post, "/v1/cases/\(caseID)/orders",
                    #"{"kind":"freezing","issuingAuthority":"Judge","decisionReference":"IJ/2026/78","decisionDate":"2026-04-02","assets":["\#(assetID)"]}"#)
                    == expected.order, "order as \(role)")
            #expect(try await status(.get, "/v1/orders/\(orderID)") == expected.readOrder, "read order as \(role)")
            #expect(try await status(.post, "/v1/orders/\(orderID)/execution", #"{"executedOn":"2026-04-03"}"#) == expected.execute, "execute as \(role)")
            #expect(
                try await status(.post, "/v1/orders/\(orderID)/lifting", #"{"liftedOn":"2026-05-03","ground":"acquittal","reason":"acquitted by the criminal court"}"#) == expected.lift,
                "lift as \(role)")
            let lifted = try await world.attempt(
                .post, "/v1/orders/\(orderID)/lifting", json: #"{"liftedOn":"2026-05-03","ground":"acquittal","reason":"acquitted by the criminal court"}"#)
            #expect(lifted.status == 200 || lifted.status == 409, "lifted by the officer")
            #expect(
                try await status(.post, "/v1/orders/\(orderID)/corrections", #"{"step":"lifting","on":"2026-05-04","reason":"judgment of 4 May"}"#)
                    == expected.correctOrder, "correct an order's date as \(role)")
        }
    }

    @Test func anotherOfficeSeesNoneOfTheAssetsOrOrders() async throws {
        try await APIWorld.with { world in
            let caseID = try await world.openCase()
            let assetID = try await world.addAsset(to: caseID)
            let orderID = try await world.createOrder(
                in: caseID,
                #"{"kind":"freezing","issuingAuthority":"Investigating judge","decisionReference":"IJ/2026/77","decisionDate":"2026-04-02","assets":["\#(assetID)"]}"#)
            #expect(try await world.attempt(.get, "/v1/assets/\(assetID)", as: "amo").status == 404)
            #expect(try await world.attempt(.get, "/v1/orders/\(orderID)", as: "amo").status == 404)
            #expect(try await world.attempt(.post, "/v1/orders/\(orderID)/execution", as: "amo", json: #"{"executedOn":"2026-04-03"}"#).status == 404)
            #expect(try await world.attempt(.post, "/v1/cases/\(caseID)/assets", as: "amo", json: APIWorld.account).status == 404)
            let list = try await world.attempt(.get, "/v1/assets", as: "amo")
            #expect((list.json["items"] as? [Any])?.isEmpty == true)
        }
    }

    @Test func anAssetIsCorrectedWithIfMatch() async throws {
        try await APIWorld.with { world in
            let caseID = try await world.openCase()
            let assetID = try await world.addAsset(to: caseID)
            let missing = try await world.attempt(.patch, "/v1/assets/\(assetID)", json: #"{"description":"Savings account at KBC"}"#)
            #expect(missing.status == 428)
            let corrected = try await world.attempt(
                .patch, "/v1/assets/\(assetID)", json: #"{"description":"Savings account at KBC"}"#, headers: ["If-Match": "\"1\""])
            #expect(corrected.status == 200)
            #expect(corrected.headers[.eTag] == "\"2\"")
            #expect(corrected.json["description"] as? String == "Savings account at KBC")
            let stale = try await world.attempt(.patch, "/v1/assets/\(assetID)", json: #"{"country":"NL"}"#, headers: ["If-Match": "\"1\""])
            #expect(stale.status == 412)
            let foreign = try await world.attempt(
                .patch, "/v1/assets/\(assetID)", as: "amo", json: #"{"country":"NL"}"#, headers: ["If-Match": "\"2\""])
            #expect(foreign.status == 404)
            let analyst = try await world.attempt(
                .patch, "/v1/assets/\(assetID)", as: "analyst", json: #"{"country":"NL"}"#, headers: ["If-Match": "\"2\""])
            #expect(analyst.status == 403)
            let bad = try await world.attempt(
                .patch, "/v1/assets/\(assetID)", json: #"{"identifiers":{"iban":"BE00 0000"},"state":"closed"}"#, headers: ["If-Match": "\"2\""])
            #expect(bad.status == 422)
            #expect(bad.fieldErrors == ["state unknown-field", "identifiers.iban iban"])
        }
    }
}
