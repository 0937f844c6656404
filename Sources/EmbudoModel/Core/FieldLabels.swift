/// The labels `fields_get` answers in a language: as Odoo translates field strings and selection values
/// by the context's `lang`, Spanish (`es_MX`, `es_ES`, `es_419`) from ``SpanishLabels``, English (the
/// labels as written) otherwise or where no translation is known.
public struct FieldLabels: Sendable {
    let spanish: Bool

    public init(language: String?) {
        spanish = language?.hasPrefix("es") == true
    }

    /// The label of `english` in this language.
    public func callAsFunction(_ english: String) -> String {
        guard spanish else { return english }
        return Self.spanish(english) ?? english
    }

    /// The Spanish label of `english`, nil when none is known.
    public static func spanish(_ english: String) -> String? { SpanishLabels.byEnglish[english] }
}
