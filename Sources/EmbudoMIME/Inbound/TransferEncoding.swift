/// Content-Transfer-Encoding decoders (RFC 2045 §6), lenient as mail clients are.
enum TransferEncoding {
    /// Base64, skipping every character outside the alphabet (line breaks, spaces, stray punctuation and
    /// padding); trailing bits that do not make a byte are dropped.
    static func decodeBase64(_ input: some Collection<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(input.count / 4 * 3 + 3)
        var accumulator: UInt32 = 0
        var bits = 0
        for byte in input {
            let value: UInt32
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = UInt32(byte - UInt8(ascii: "A"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): value = UInt32(byte - UInt8(ascii: "a")) + 26
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = UInt32(byte - UInt8(ascii: "0")) + 52
            case UInt8(ascii: "+"), UInt8(ascii: "-"): value = 62
            case UInt8(ascii: "/"), UInt8(ascii: "_"): value = 63
            default: continue
            }
            accumulator = (accumulator << 6 | value) & 0xFFFFFF
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
            }
        }
        return output
    }

    /// Quoted-printable: `=XX` escapes (either case), soft line breaks (`=` before CRLF or LF, with spaces
    /// allowed between them); a malformed escape is kept as it is written.
    static func decodeQuotedPrintable(_ input: [UInt8]) -> [UInt8] {
        decodeQuotedPrintable(input[...], underscoreIsSpace: false)
    }

    static func decodeQuotedPrintable(_ input: ArraySlice<UInt8>, underscoreIsSpace: Bool) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var index = input.startIndex
        let end = input.endIndex
        while index < end {
            let byte = input[index]
            if underscoreIsSpace, byte == UInt8(ascii: "_") {
                output.append(0x20)
                index += 1
                continue
            }
            guard byte == UInt8(ascii: "=") else {
                output.append(byte)
                index += 1
                continue
            }
            if index + 2 < end, let high = hexValue(input[index + 1]), let low = hexValue(input[index + 2]) {
                output.append(high << 4 | low)
                index += 3
                continue
            }
            // A soft line break: "=" then optional spaces or tabs, then CRLF or LF (or the end).
            var probe = index + 1
            while probe < end, input[probe] == 0x20 || input[probe] == 0x09 { probe += 1 }
            if probe == end {
                index = probe
                continue
            }
            if input[probe] == 0x0A {
                index = probe + 1
                continue
            }
            if input[probe] == 0x0D {
                index = probe + 1 < end && input[probe + 1] == 0x0A ? probe + 2 : probe + 1
                continue
            }
            output.append(byte)
            index += 1
        }
        return output
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }

    /// The body decoded according to its `Content-Transfer-Encoding` (7bit, 8bit, binary and unknown
    /// encodings are taken as they are).
    static func decode(_ body: ArraySlice<UInt8>, encoding: String) -> [UInt8] {
        switch encoding.lowercased().trimmingSpaces() {
        case "base64": decodeBase64(body)
        case "quoted-printable": decodeQuotedPrintable(body, underscoreIsSpace: false)
        default: Array(body)
        }
    }
}
