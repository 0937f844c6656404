/// A user's level of access in one company, from least to most. No membership at all means no access.
public enum AccessLevel: String, Sendable, Hashable, CaseIterable, Comparable, Codable {
    /// Sees and edits the documents assigned to them (and unassigned ones).
    case own
    /// Sees and edits every document of the company.
    case all
    /// Everything, plus the company's configuration.
    case admin

    public static func < (lhs: AccessLevel, rhs: AccessLevel) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A company (tenant).
public struct Company: Sendable, Hashable, Codable {
    public var id: Int
    public var name: String
    public var active: Bool

    public init(id: Int, name: String, active: Bool) {
        self.id = id
        self.name = name
        self.active = active
    }
}

/// A user's access to one company.
public struct Membership: Sendable, Hashable, Codable {
    public var companyID: Int
    public var access: AccessLevel

    public init(companyID: Int, access: AccessLevel) {
        self.companyID = companyID
        self.access = access
    }
}
