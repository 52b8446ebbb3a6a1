/// A text a curator may give in several languages: a plain string (the default language) or a
/// map from language code to text. Every text falls back to the pack's default language.
public struct LocalizedText: Equatable, Sendable {
    public private(set) var byLanguage: [String: String]

    public init(_ byLanguage: [String: String]) {
        self.byLanguage = byLanguage
    }

    /// The text in `language`, else in `fallback`, else any text there is.
    public func text(in language: String, fallback: String) -> String {
        byLanguage[language] ?? byLanguage[fallback] ?? byLanguage.values.sorted().first ?? ""
    }
}

/// A value written once in the default language and perhaps translated beside it.
public struct Translated<Value: Sendable>: Sendable {
    public var original: Value
    public var translations: [String: Value]

    public init(original: Value, translations: [String: Value] = [:]) {
        self.original = original
        self.translations = translations
    }

    /// The value for `language`, and whether it had to fall back to the original.
    public func resolve(_ language: String, original originalLanguage: String) -> (value: Value, isFallback: Bool) {
        if language == originalLanguage { return (original, false) }
        if let translated = translations[language] { return (translated, false) }
        return (original, true)
    }
}

/// Whether a text is the curator's original or a translation, and who checked it.
public enum TranslationStatus: String, Equatable, Sendable {
    case original
    case machine
    case reviewed
}
