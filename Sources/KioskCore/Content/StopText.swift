/// What a hall's narrative and an exhibit's text have alike: the pages that show either, on
/// the kiosk and in the export, have the same shape.
public protocol StopText: Sendable {
    var title: String { get }
    var summary: String { get }
    var sources: [String] { get }
    var translation: TranslationStatus { get }
    var label: [Block] { get }
    var more: [Block] { get }
    var youngLabel: [Block] { get }
    /// What this text shows from the original, because the translation has none yet.
    var fromOriginal: Set<TextPart> { get }
}

extension StopText {
    public var labelIsFallback: Bool { fromOriginal.contains(.label) }
    public var moreIsFallback: Bool { fromOriginal.contains(.more) }
}

extension Narrative: StopText {}
extension ExhibitText: StopText {}

/// A stop's text for a visitor's language, and the languages its parts really are in.
public struct ResolvedText<Value: StopText>: Sendable {
    public var value: Value
    /// The original's language when there is no translation into the visitor's.
    public var titleLanguage: String
    /// The language of the layer asked for (the label or the "read more" text): also the
    /// original's when the translation lacks that layer.
    public var textLanguage: String
    /// The visitor's language, asked for.
    public var language: String

    /// Whether any of it is not in the visitor's language, for the page to say so (the text's
    /// layer falls back whenever the title does).
    public var isFallback: Bool { textLanguage != language }
}

extension Translated where Value: StopText {
    /// The text for `language` with its `layer` (`.label` or `.more`): a translation may give
    /// the label and leave the longer text to the original.
    public func resolve(_ language: String, original originalLanguage: String, layer: TextPart) -> ResolvedText<Value> {
        let (value, isFallback) = resolve(language, original: originalLanguage)
        let titleLanguage = isFallback ? originalLanguage : language
        let textLanguage = isFallback || value.fromOriginal.contains(layer) ? originalLanguage : language
        return ResolvedText(value: value, titleLanguage: titleLanguage, textLanguage: textLanguage, language: language)
    }
}

extension Pack {
    /// A hall's narrative in `language` (or the original's, where it is not translated), with
    /// its label or its "read more" `layer`.
    public func narrative(_ hall: Int, _ language: String, layer: TextPart = .label) -> ResolvedText<Narrative> {
        halls[hall].narrative.resolve(language, original: defaultLanguage, layer: layer)
    }

    public func exhibitText(_ hall: Int, _ exhibit: Int, _ language: String, layer: TextPart = .label) -> ResolvedText<ExhibitText> {
        halls[hall].exhibits[exhibit].text.resolve(language, original: defaultLanguage, layer: layer)
    }
}
