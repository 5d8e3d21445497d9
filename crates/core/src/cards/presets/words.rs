//! The vocabularies collection files use, and how each maps to Trove's:
//! card conditions on the US and EU scales, language names and codes,
//! TCGplayer's condition and printing strings, rarity letters, prices with
//! too many decimals, printed Pokémon numbers and product-name variants.

use crate::item::Condition;

/// A card's condition as card apps grade it, on either scale. Trove's own
/// condition is coarser; this one is kept beside it (custom field
/// [`CARD_CONDITION`]) so an export writes back exactly what was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum CardCondition {
    Mint,
    NearMint,
    Excellent,
    Good,
    LightPlayed,
    Played,
    Poor,
    LightlyPlayed,
    ModeratelyPlayed,
    HeavilyPlayed,
    Damaged,
    /// Sealed product (TCGplayer's `Unopened`).
    Unopened,
}

/// The custom field holding a card's condition in card words (`near_mint`).
pub(super) const CARD_CONDITION: &str = "Card condition";

const CONDITIONS: [(CardCondition, &str); 12] = [
    (CardCondition::Mint, "mint"),
    (CardCondition::NearMint, "near_mint"),
    (CardCondition::Excellent, "excellent"),
    (CardCondition::Good, "good"),
    (CardCondition::LightPlayed, "light_played"),
    (CardCondition::Played, "played"),
    (CardCondition::Poor, "poor"),
    (CardCondition::LightlyPlayed, "lightly_played"),
    (CardCondition::ModeratelyPlayed, "moderately_played"),
    (CardCondition::HeavilyPlayed, "heavily_played"),
    (CardCondition::Damaged, "damaged"),
    (CardCondition::Unopened, "unopened"),
];

impl CardCondition {
    /// Reads any app's spelling: `near_mint`, `NearMint`, `Near Mint`.
    pub(super) fn parse(text: &str) -> Option<CardCondition> {
        let key: String = text
            .chars()
            .filter(|c| !matches!(c, ' ' | '_' | '-'))
            .flat_map(char::to_lowercase)
            .collect();
        CONDITIONS
            .iter()
            .find(|(_, word)| word.replace('_', "") == key)
            .map(|(c, _)| *c)
    }

    /// The snake_case word, as ManaBox writes it.
    pub(super) fn as_str(self) -> &'static str {
        CONDITIONS
            .iter()
            .find(|(c, _)| *c == self)
            .map_or("near_mint", |(_, w)| w)
    }

    /// Trove's condition (docs/formats/cards.md §8).
    pub(super) fn trove(self) -> Condition {
        use CardCondition::*;
        match self {
            Unopened => Condition::New,
            Mint | NearMint => Condition::LikeNew,
            Excellent | LightlyPlayed => Condition::Excellent,
            Good | LightPlayed | ModeratelyPlayed => Condition::Good,
            Played | HeavilyPlayed => Condition::Fair,
            Poor | Damaged => Condition::Poor,
        }
    }

    /// The nearest card word for an item that only has Trove's condition.
    pub(super) fn from_trove(condition: Condition) -> CardCondition {
        match condition {
            Condition::New | Condition::LikeNew => CardCondition::NearMint,
            Condition::Excellent => CardCondition::LightlyPlayed,
            Condition::Good => CardCondition::ModeratelyPlayed,
            Condition::Fair => CardCondition::HeavilyPlayed,
            Condition::Poor => CardCondition::Damaged,
        }
    }

    /// TCGplayer's words (US scale only).
    pub(super) fn tcgplayer(self) -> &'static str {
        match self.trove() {
            Condition::New | Condition::LikeNew => "Near Mint",
            Condition::Excellent => "Lightly Played",
            Condition::Good => "Moderately Played",
            Condition::Fair => "Heavily Played",
            Condition::Poor => "Damaged",
        }
    }
}

/// What TCGplayer packs into one condition or printing string.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Printing {
    pub condition: Option<CardCondition>,
    /// `1st Edition` or `Unlimited`.
    pub edition: Option<&'static str>,
    /// In Trove's words (`foil`, `reverse_holo`).
    pub finish: Option<&'static str>,
    /// The language name after ` - `.
    pub language: Option<String>,
}

const TCG_CONDITIONS: [&str; 6] = [
    "Near Mint",
    "Lightly Played",
    "Moderately Played",
    "Heavily Played",
    "Damaged",
    "Unopened",
];

/// Reads `[<edition> ][<finish>]`, as in `1st Edition Holofoil`; `None`
/// when something is left over.
fn edition_and_finish(text: &str, out: &mut Printing) -> Option<()> {
    let mut rest = text.trim();
    for edition in ["1st Edition", "Unlimited"] {
        if let Some(r) = strip_prefix_ci(rest, edition) {
            out.edition = Some(edition);
            rest = r.trim_start();
        }
    }
    out.finish = match rest.to_lowercase().as_str() {
        "" => None,
        "normal" => Some("normal"),
        "foil" | "holofoil" => Some("foil"),
        "reverse holofoil" => Some("reverse_holo"),
        "etched" | "foil etched" => Some("etched"),
        _ => return None,
    };
    Some(())
}

/// Splits TCGplayer's `<condition>[ <edition>][ <finish>][ - <language>]`
/// (`Near Mint Holofoil - Japanese`); `None` when it does not fit, which is
/// an error for the row: never a guess.
pub(super) fn tcgplayer_condition(text: &str) -> Option<Printing> {
    let mut out = Printing::default();
    let mut rest = text.trim();
    if let Some((head, language)) = rest.rsplit_once(" - ") {
        out.language = Some(language.trim().to_owned());
        rest = head;
    }
    let word = TCG_CONDITIONS
        .iter()
        .find(|w| strip_prefix_ci(rest, w).is_some())?;
    out.condition = CardCondition::parse(word);
    let after = strip_prefix_ci(rest, word)?;
    if !after.is_empty() && !after.starts_with(' ') {
        return None;
    }
    edition_and_finish(after, &mut out)?;
    Some(out)
}

/// Reads a TCGplayer `Printing` (`Normal`, `Foil`, `Reverse Holofoil`,
/// `1st Edition Holofoil`).
pub(super) fn tcgplayer_printing(text: &str) -> Option<Printing> {
    let mut out = Printing::default();
    edition_and_finish(text, &mut out)?;
    if out.finish.is_none() && out.edition.is_some() {
        out.finish = Some("normal");
    }
    Some(out)
}

fn strip_prefix_ci<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

/// A game as Trove names it (`Magic: The Gathering` → `magic`).
pub(super) fn game(text: &str) -> String {
    let t = text.trim().to_lowercase();
    match t.as_str() {
        "magic" | "magic: the gathering" | "mtg" => "magic".into(),
        "pokemon" | "pokémon" | "pokemon tcg" | "pokémon tcg" => "pokemon".into(),
        _ => t,
    }
}

/// TCGplayer's one-letter Magic rarities, in Scryfall's words.
pub(super) fn rarity(text: &str) -> String {
    match text.trim() {
        "C" => "common",
        "U" => "uncommon",
        "R" => "rare",
        "M" => "mythic",
        "L" => "land",
        "S" => "special",
        "T" => "token",
        "P" => "promo",
        other => other,
    }
    .to_owned()
}

/// `true`/`false` as the apps write them (and Go's `ParseBool` reads them).
pub(super) fn boolean(text: &str) -> Option<bool> {
    match text.trim().to_lowercase().as_str() {
        "true" | "t" | "1" | "yes" | "y" => Some(true),
        "false" | "f" | "0" | "no" | "n" | "" => Some(false),
        _ => None,
    }
}

/// A price with more decimals than the currency has, all of them zeros
/// (`2.0400`, as TCGplayer writes), shortened so it parses exactly; any
/// other text is left for the money rules to judge.
pub(super) fn price(text: &str) -> String {
    let t = text.trim();
    match t.split_once('.') {
        Some((whole, fraction))
            if fraction.len() > 2 && fraction[2..].bytes().all(|b| b == b'0') =>
        {
            format!("{whole}.{}", &fraction[..2])
        }
        _ => t.to_owned(),
    }
}

/// `yyyy-MM-dd` or `M/d/yyyy` (Dragon Shield writes both) as `YYYY-MM-DD`.
pub(super) fn date(text: &str) -> Option<String> {
    let t = text.trim();
    ["%Y-%m-%d", "%m/%d/%Y"]
        .iter()
        .find_map(|f| chrono::NaiveDate::parse_from_str(t, f).ok())
        .map(|d| d.format("%Y-%m-%d").to_string())
}

/// A Pokémon number as printed (`004/010`) in the catalogue's form (`4`).
pub(super) fn pokemon_number(text: &str) -> String {
    let number = text.split('/').next().unwrap_or(text).trim();
    if !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()) {
        let short = number.trim_start_matches('0');
        if short.is_empty() { "0" } else { short }.to_owned()
    } else {
        number.to_owned()
    }
}

/// Splits the variant off a product name: `Lumen Archive (Foil Etched)` →
/// (`Lumen Archive`, `Foil Etched`), `Pikachu ex - 011/010` → (`Pikachu
/// ex`, `011/010`).
pub(super) fn product_name(text: &str) -> (String, Option<String>) {
    let mut name = text.trim();
    let mut variants = Vec::new();
    loop {
        if let Some(open) = name.strip_suffix(')').and_then(|n| n.rfind(" (")) {
            variants.push(&name[open + 2..name.len() - 1]);
            name = name[..open].trim_end();
        } else if let Some((head, tail)) = name.rsplit_once(" - ") {
            if !tail.is_empty() && tail.chars().any(|c| c.is_ascii_digit()) && !tail.contains(' ') {
                variants.push(tail);
                name = head.trim_end();
            } else {
                break;
            }
        } else {
            break;
        }
    }
    if name.is_empty() {
        return (text.trim().to_owned(), None);
    }
    variants.reverse();
    let variant = (!variants.is_empty()).then(|| variants.join(", "));
    (name.to_owned(), variant)
}

/// TCGplayer's `Simple Name`: the front face, without punctuation or
/// accents (`Lim-Dûl's Vault` → `Lim-Duls Vault`).
pub(super) fn simple_name(title: &str) -> String {
    let front = title.split(" // ").next().unwrap_or(title);
    let mut out = String::with_capacity(front.len());
    for c in front.chars() {
        let c = fold_accent(c);
        if c.is_alphanumeric() || c == ' ' || c == '-' {
            out.push(c);
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn fold_accent(c: char) -> char {
    const FROM: &str = "àáâãäåçèéêëìíîïñòóôõöùúûüýÿÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝ";
    const TO: &str = "aaaaaaceeeeiiiinooooouuuuyyAAAAAACEEEEIIIINOOOOOUUUUY";
    FROM.chars()
        .position(|f| f == c)
        .and_then(|i| TO.chars().nth(i))
        .unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conditions_read_every_apps_spelling() {
        for text in ["near_mint", "NearMint", "Near Mint", "NEAR MINT"] {
            assert_eq!(CardCondition::parse(text), Some(CardCondition::NearMint));
        }
        assert_eq!(CardCondition::parse("SlightlyPlayed"), None);
        assert_eq!(
            CardCondition::parse("LightPlayed").map(CardCondition::trove),
            Some(Condition::Good)
        );
        assert_eq!(
            CardCondition::parse("lightly_played").map(CardCondition::trove),
            Some(Condition::Excellent)
        );
    }

    #[test]
    fn tcgplayer_conditions_split_into_parts() {
        let p = tcgplayer_condition("Near Mint Holofoil - Japanese").unwrap();
        assert_eq!(p.condition, Some(CardCondition::NearMint));
        assert_eq!(p.finish, Some("foil"));
        assert_eq!(p.language.as_deref(), Some("Japanese"));
        let p = tcgplayer_condition("Moderately Played Unlimited Holofoil").unwrap();
        assert_eq!(p.edition, Some("Unlimited"));
        assert_eq!(p.finish, Some("foil"));
        assert_eq!(
            tcgplayer_condition("Near Mint Reverse Holofoil")
                .unwrap()
                .finish,
            Some("reverse_holo")
        );
        assert_eq!(tcgplayer_condition("Near Minty"), None);
        assert_eq!(tcgplayer_condition("Near Mint Shiny"), None);
    }

    #[test]
    fn names_numbers_and_prices_normalise() {
        assert_eq!(pokemon_number("004/010"), "4");
        assert_eq!(pokemon_number("011/010"), "11");
        assert_eq!(pokemon_number("TG05"), "TG05");
        assert_eq!(price("2.0400"), "2.04");
        assert_eq!(price("17.0000"), "17.00");
        assert_eq!(price("2.0450"), "2.0450");
        assert_eq!(
            product_name("Ember, Hearth Warden (Showcase)"),
            ("Ember, Hearth Warden".into(), Some("Showcase".into()))
        );
        assert_eq!(
            product_name("Pikachu ex - 011/010"),
            ("Pikachu ex".into(), Some("011/010".into()))
        );
        assert_eq!(
            product_name("Moonlit Ranger // Midnight Stalker"),
            ("Moonlit Ranger // Midnight Stalker".into(), None)
        );
        assert_eq!(simple_name("Lim-Dûl's Vault"), "Lim-Duls Vault");
        assert_eq!(
            simple_name("Moonlit Ranger // Midnight Stalker"),
            "Moonlit Ranger"
        );
        assert_eq!(date("5/3/2024").as_deref(), Some("2024-05-03"));
    }
}
