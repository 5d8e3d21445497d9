//! Whether an item's title carries the typed words: used to put title
//! matches first when a query is too broad to score. Folds text closely
//! enough to the index's tokenizer (lower case, Latin diacritics removed,
//! split on anything but letters and digits).

const ACCENTED: &str = "àáâãäåāăąçćčďđèéêëēėęěìíîïīįıñńňòóôõöøōőùúûüūůűųýÿźżžśšşľłŕř";
const PLAIN: &str = "aaaaaaaaacccddeeeeeeeeiiiiiiinnnoooooooouuuuuuuuyyzzzsssllrr";

fn fold(c: char) -> char {
    match ACCENTED.chars().position(|a| a == c) {
        Some(i) => PLAIN.chars().nth(i).unwrap_or(c),
        None => c,
    }
}

/// The folded words of `text`.
pub(crate) fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            word.push(if c.is_ascii() { c } else { fold(c) });
        } else if !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// True when every typed token begins some word of the title.
pub(crate) fn carries(title: &str, typed: &[String]) -> bool {
    let words = tokens(title);
    typed
        .iter()
        .all(|t| words.iter().any(|w| w.starts_with(t.as_str())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_and_case_fold_like_the_index() {
        assert_eq!(
            tokens("Crème Brûlée, A-100!"),
            ["creme", "brulee", "a", "100"]
        );
        assert_eq!(ACCENTED.chars().count(), PLAIN.chars().count());
    }

    #[test]
    fn a_title_carries_typed_prefixes_in_any_order() {
        let typed = tokens("bru crem");
        assert!(carries("Crème Brûlée dish", &typed));
        assert!(!carries("Creme caramel", &typed));
        assert!(!carries("Blue vase", &tokens("vases")));
    }
}
