//! Card languages: the codes Scryfall and ManaBox write (`en`, `ja`,
//! `zhs`) and the English names TCGplayer, Dragon Shield and MTGJSON write.

const LANGUAGES: [(&str, &str); 19] = [
    ("en", "English"),
    ("es", "Spanish"),
    ("fr", "French"),
    ("de", "German"),
    ("it", "Italian"),
    ("pt", "Portuguese"),
    ("ja", "Japanese"),
    ("ko", "Korean"),
    ("ru", "Russian"),
    ("zhs", "Chinese (S)"),
    ("zht", "Chinese (T)"),
    ("he", "Hebrew"),
    ("la", "Latin"),
    ("grc", "Ancient Greek"),
    ("ar", "Arabic"),
    ("sa", "Sanskrit"),
    ("ph", "Phyrexian"),
    ("qya", "Quenya"),
    ("pt", "Portuguese (Brazil)"),
];

/// The language code for a name (`Japanese` → `ja`, `Simplified Chinese`
/// → `zhs`) or a code; a name Trove does not know is kept, lower case.
pub(crate) fn language_code(text: &str) -> String {
    let t = text.trim().to_lowercase();
    if let Some((code, _)) = LANGUAGES
        .iter()
        .find(|(code, name)| *code == t || name.to_lowercase() == t)
    {
        return (*code).to_owned();
    }
    match t.as_str() {
        "simplified chinese" | "chinese simplified" | "chinese-simplified" => "zhs".into(),
        "traditional chinese" | "chinese traditional" | "chinese-traditional" => "zht".into(),
        _ => t,
    }
}

/// The English name TCGplayer and Dragon Shield write for a code.
pub(crate) fn language_name(code: &str) -> String {
    LANGUAGES
        .iter()
        .find(|(c, _)| c.eq_ignore_ascii_case(code))
        .map_or_else(|| code.to_owned(), |(_, name)| (*name).to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_codes_meet() {
        assert_eq!(language_code("Simplified Chinese"), "zhs");
        assert_eq!(language_code("Chinese Traditional"), "zht");
        assert_eq!(language_code("German"), "de");
        assert_eq!(language_code(" JA "), "ja");
        assert_eq!(language_code("Portuguese (Brazil)"), "pt");
        assert_eq!(language_code("Klingon"), "klingon");
        assert_eq!(language_name("ja"), "Japanese");
        assert_eq!(language_name("xx"), "xx");
    }
}
