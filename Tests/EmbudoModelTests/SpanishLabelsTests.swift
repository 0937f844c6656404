import EmbudoModel
import Testing

/// Spanish first: every label `fields_get` can answer (each field's and each selection value's, in every
/// model) has its Spanish translation, so a new field without one fails here rather than showing English
/// to a Mexican sales team.
struct SpanishLabelsTests {
    @Test func everyFieldAndSelectionLabelHasItsSpanish() {
        var missing: Set<String> = []
        for model in ModelRegistry.standard.models.values {
            for field in model.fields.values {
                for label in [field.string] + field.selection.map({ $0[1] }) where FieldLabels.spanish(label) == nil {
                    missing.insert("\(model.name).\(field.name): \(label)")
                }
            }
        }
        #expect(missing.sorted() == [])
    }

    @Test func theContextsLanguageChoosesTheLabels() {
        let spanish = FieldLabels(language: "es_MX"), english = FieldLabels(language: "en_US"), none = FieldLabels(language: nil)
        #expect(spanish("Expected Revenue") == "Ingreso esperado")
        #expect(FieldLabels(language: "es_ES")("Stage") == "Etapa")
        #expect(english("Expected Revenue") == "Expected Revenue" && none("Stage") == "Stage")
        #expect(spanish("A label nobody wrote") == "A label nobody wrote")
    }
}
