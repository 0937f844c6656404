@testable import EmbudoModel
import Testing

/// The shape of links' tokens, checked before any query (`embudo.company_token`, migration 0033).
@Suite("Link tokens")
struct LinkTokenTests {
    let random = String(repeating: "0123456789abcdef", count: 3)

    @Test func aLinksTokenNamesItsCompanyOrIsFromBefore() {
        #expect(QuotationPortal.isWellFormed("12-" + random))
        #expect(QuotationPortal.isWellFormed("123456789-" + random))
        #expect(QuotationPortal.isWellFormed(random))
        #expect(CalendarLinks.isWellFormed("7-" + random))
        for bad in ["0-" + random, "012-" + random, "1234567890-" + random, "-" + random, "12-" + random.dropLast(), "12-" + random + "0",
                    "12-" + random.uppercased(), "1a-" + random, "12--" + random, "12-" + random.dropLast() + "-", "", "12-"] {
            #expect(!QuotationPortal.isWellFormed(bad), "\(bad)")
        }
    }

    /// An account's activation token is global, and names no company.
    @Test func anActivationTokenIsTheRandomPartAlone() {
        #expect(AccountActivation.isWellFormed(random))
        #expect(!AccountActivation.isWellFormed("12-" + random))
    }
}
