extension Array: PGDecodable where Element: PGDecodable {
    /// Decodes one-dimensional arrays of built-in element types (`{1,2,NULL}`); an element that is NULL
    /// needs an optional `Element`. Multi-dimensional arrays are refused.
    public static func decode(from cell: PGCell) throws(PGDecodingError) -> [Element] {
        guard let elementType = cell.type.arrayElement else { throw cell.mismatch(.typeMismatch, [Element].self) }
        let bytes = try cell.requireBytes(for: [Element].self)
        guard let items = PGArrayText.split(bytes) else { throw cell.mismatch(.invalidValue, [Element].self) }
        var values: [Element] = []
        values.reserveCapacity(items.count)
        for item in items {
            let value: Element
            if let text = item {
                let decoded = text.withUnsafeBytes { raw in
                    Result { () throws(PGDecodingError) -> Element in
                        try Element.decode(from: PGCell(bytes: raw, type: elementType, column: cell.column, columnName: cell.columnName))
                    }
                }
                value = try decoded.get()
            } else {
                value = try Element.decode(from: PGCell(bytes: nil, type: elementType, column: cell.column, columnName: cell.columnName))
            }
            values.append(value)
        }
        return values
    }
}

/// PostgreSQL's array text format (one dimension).
enum PGArrayText {
    /// Splits `{a,"b c",NULL}` into its elements' bytes (nil for NULL), or nil if the text is not a
    /// one-dimensional array literal.
    static func split(_ bytes: UnsafeRawBufferPointer) -> [[UInt8]?]? {
        var index = 0
        // Arrays with non-default lower bounds print a `[1:3]=` prefix.
        if bytes.first == UInt8(ascii: "[") {
            while index < bytes.count, bytes[index] != UInt8(ascii: "=") { index += 1 }
            index += 1
        }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "{"), bytes.last == UInt8(ascii: "}") else { return nil }
        index += 1
        let end = bytes.count - 1
        var items: [[UInt8]?] = []
        if index == end { return items }
        while index <= end {
            var item: [UInt8] = []
            var quoted = false
            if bytes[index] == UInt8(ascii: "{") { return nil }  // nested: more than one dimension
            if bytes[index] == UInt8(ascii: "\"") {
                quoted = true
                index += 1
                while index < end, bytes[index] != UInt8(ascii: "\"") {
                    if bytes[index] == UInt8(ascii: "\\") { index += 1 }
                    guard index < end else { return nil }
                    item.append(bytes[index])
                    index += 1
                }
                guard index < end else { return nil }
                index += 1  // closing quote
            } else {
                while index < end, bytes[index] != UInt8(ascii: ",") {
                    item.append(bytes[index])
                    index += 1
                }
            }
            if !quoted && item == Array("NULL".utf8) { items.append(nil) } else { items.append(item) }
            guard index == end || bytes[index] == UInt8(ascii: ",") else { return nil }
            index += 1
        }
        return items
    }

    /// Joins element texts into an array literal, quoting every element.
    static func join(_ elements: [String?]) -> String {
        var text = "{"
        for (position, element) in elements.enumerated() {
            if position > 0 { text += "," }
            guard let element else {
                text += "NULL"
                continue
            }
            text += "\""
            for character in element.unicodeScalars {
                if character == "\"" || character == "\\" { text += "\\" }
                text.unicodeScalars.append(character)
            }
            text += "\""
        }
        return text + "}"
    }
}
