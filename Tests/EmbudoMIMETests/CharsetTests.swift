import EmbudoMIME
import Testing

/// Mail in the charsets it really comes in, one message per family (`Corpus/charsets/`, written the way
/// mail clients write them: encoded-word subjects, base64, quoted-printable, 8-bit and 7-bit bodies,
/// Outlook's and Windows' labels): subject and text read as the sender wrote them.
struct CharsetTests {
    static let samples: [(file: String, subject: String, text: String)] = [
        ("gb2312", "报价单：第二季度", "您好，请查收报价单。\n谢谢！\n"),
        ("gbk", "关于合同的问题", "我们需要再讨论价格。\n"),
        ("gb18030", "报价 €100", "订单已确认。\n"),
        ("big5", "報價單", "您好，請查收報價單。\n"),
        ("shift_jis", "見積書のご送付", "お世話になっております。\n見積書をお送りします。\n"),
        ("iso-2022-jp", "打ち合わせの件", "来週の火曜日はいかがでしょうか。\n"),
        ("euc-jp", "ご注文ありがとうございます", "発送は明日です。\n"),
        ("euc-kr", "견적서 송부", "안녕하세요, 견적서를 보내드립니다.\n"),
        ("ks_c_5601-1987", "회의 일정", "다음 주에 뵙겠습니다.\n"),
        ("koi8-r", "Коммерческое предложение", "Добрый день!\nЖдём ответа.\n"),
        ("koi8-u", "Комерційна пропозиція", "Добрий день! Є питання щодо ціни.\n"),
        ("windows-1251", "Счёт на оплату", "Просим оплатить счёт.\n"),
        ("iso-8859-5", "Заказ", "Спасибо за заказ.\n"),
        ("iso-8859-2", "Oferta: zażółć gęślą jaźń", "Dzień dobry, przesyłam ofertę.\n"),
        ("windows-1250", "Příliš žluťoučký kůň", "Dobrý den, posílám nabídku.\n"),
        ("iso-8859-7", "Προσφορά", "Καλημέρα σας.\n"),
        ("windows-1253", "Παραγγελία", "Ευχαριστούμε.\n"),
        ("iso-8859-9", "Teklif: İstanbul şirketi", "Merhaba, teklifimizi ekte bulabilirsiniz.\n"),
        ("windows-1255", "הצעת מחיר", "שלום, מצורפת הצעת המחיר.\n"),
        ("windows-1256", "عرض سعر", "مرحبا، نرفق عرض السعر.\n"),
        ("windows-874", "ใบเสนอราคา", "สวัสดีครับ\n"),
        ("utf-7", "Propuesta año ✓", "Hola, ¿cómo está?\n"),
    ]

    @Test(arguments: samples.map(\.file))
    func decodesTheSubjectAndTheText(file: String) throws {
        let sample = try #require(Self.samples.first { $0.file == file })
        let message = try InboundParser.parse(try InboundCorpus.bytes("charsets/\(file).eml"))
        #expect(message.subject == sample.subject)
        #expect(message.textBody == sample.text)
        #expect(!(message.textBody ?? "").contains("\u{FFFD}"))
    }

    @Test func invalidBytesBecomeReplacementCharactersAndTheRestIsKept() throws {
        // GB18030 with a stray 0x80 in the middle, and a character cut at the end.
        let bytes: [UInt8] = Array("From: a@example.com\r\nSubject: x\r\nContent-Type: text/plain; charset=gbk\r\n\r\n".utf8)
            + [0xC4, 0xE3, 0x80, 0xBA, 0xC3, 0xC4]
        let message = try InboundParser.parse(bytes)
        let text = try #require(message.textBody)
        #expect(text.hasPrefix("你"))
        #expect(text.contains("\u{FFFD}"))
    }

    @Test func anUnknownCharsetIsReadAsUTF8() throws {
        let bytes = Array("From: a@example.com\r\nSubject: =?x-unknown-42?Q?caf=C3=A9?=\r\nContent-Type: text/plain; charset=\"x-nope\"\r\n\r\nolé\r\n".utf8)
        let message = try InboundParser.parse(bytes)
        #expect(message.subject == "café")
        #expect(message.textBody == "olé\n")
    }

    @Test func onlyMailCharsetsReachTheConverter() throws {
        // EBCDIC and IBM code pages are iconv's, not mail's: read as UTF-8 like any unknown name.
        let bytes = Array("From: a@example.com\r\nSubject: x\r\nContent-Type: text/plain; charset=IBM037\r\n\r\nhola\r\n".utf8)
        #expect(try InboundParser.parse(bytes).textBody == "hola\n")
        let cyrillic: [UInt8] = Array("From: a@example.com\r\nSubject: x\r\nContent-Type: text/plain; charset=cp1251\r\n\r\n".utf8) + [0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2]
        #expect(try InboundParser.parse(cyrillic).textBody == "Привет")
    }
}
