//! Turns whatever a person types into the search box into a safe FTS5 MATCH
//! expression.
//!
//! FTS5 query syntax gives meaning to `AND`, `OR`, `NOT`, `NEAR`, `*`, `^`,
//! `:`, `-`, `+`, quotes, brackets and braces, so raw input can fail to parse
//! or search the wrong columns. Every word is therefore quoted as an FTS5
//! string, which makes all of it literal text for the tokenizer.

/// At most this many words are searched.
///
/// Together with [`MAX_WORD_CHARS`] this bounds the cost of a pasted
/// 5,000-character string: each word is a phrase FTS5 must look up.
const MAX_WORDS: usize = 16;

/// Each word is cut to at most this many characters (on a char boundary).
const MAX_WORD_CHARS: usize = 64;

/// A cleaned word and whether the person may still be typing it.
struct Word {
    text: String,
    in_progress: bool,
}

/// Splits, cleans and bounds the input; the heart of both public functions.
fn split(input: &str) -> Vec<Word> {
    let mut pieces = input.split(char::is_whitespace).peekable();
    let mut words = Vec::new();
    while let Some(piece) = pieces.next() {
        if words.len() == MAX_WORDS {
            break;
        }
        // Only the last piece can still be being typed: `split` yields an empty
        // final piece when the input ends in whitespace, so a finished word is
        // never last.
        let in_progress = pieces.peek().is_none();
        // Control characters (NUL included) are invisible and never part of a
        // token, but inside a word they would split it for the tokenizer.
        let text: String = piece
            .chars()
            .filter(|c| !c.is_control())
            .take(MAX_WORD_CHARS)
            .collect();
        // A word without letters or digits holds no token for unicode61, and
        // an empty phrase would only make the query match nothing.
        if text.chars().any(char::is_alphanumeric) {
            words.push(Word { text, in_progress });
        }
    }
    words
}

/// Builds an FTS5 query from free text, or `None` when nothing in it is searchable (empty, only punctuation, emoji or whitespace).
///
/// Words become quoted FTS5 strings joined by spaces (all must match). The
/// last word gets a trailing `*` to match as a prefix while the person is
/// still typing it, unless the input ends in whitespace.
pub fn fts_query(input: &str) -> Option<String> {
    let words = split(input);
    if words.is_empty() {
        return None;
    }
    let quoted: Vec<String> = words
        .iter()
        .map(|word| {
            let escaped = word.text.replace('"', "\"\"");
            let star = if word.in_progress { "*" } else { "" };
            format!("\"{escaped}\"{star}")
        })
        .collect();
    Some(quoted.join(" "))
}

/// The searchable words of the input, split and cleaned exactly as [`fts_query`] does, unquoted.
pub fn words(input: &str) -> Vec<String> {
    split(input).into_iter().map(|word| word.text).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use proptest::test_runner::{Config, TestRunner};
    use rusqlite::Connection;

    const CREME: i64 = 1;
    const KEYWORDS: i64 = 2;
    const WIDGET: i64 = 3;
    const TOKYO: i64 = 4;
    const PARTY: i64 = 5;

    /// An FTS5 table set up the way the store's search index is.
    fn index() -> Connection {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE VIRTUAL TABLE t USING fts5(title, body, \
             tokenize='unicode61 remove_diacritics 2', prefix='1 2 3');",
        )
        .unwrap();
        for (rowid, title, body) in [
            (CREME, "Crème brûlée dish", "ramekin for dessert"),
            (KEYWORDS, "AND OR NOT NEAR", "words that look like syntax"),
            (WIDGET, "A-100 widget", "spare part"),
            (TOKYO, "東京タワー 模型", "souvenir model"),
            (PARTY, "🎉 party hat 🎈", "celebration"),
        ] {
            conn.execute(
                "INSERT INTO t(rowid, title, body) VALUES (?1, ?2, ?3)",
                rusqlite::params![rowid, title, body],
            )
            .unwrap();
        }
        conn
    }

    /// Rows matching the query built from `input`; empty when there is no query.
    fn search(conn: &Connection, input: &str) -> rusqlite::Result<Vec<i64>> {
        let Some(query) = fts_query(input) else {
            return Ok(Vec::new());
        };
        let mut statement =
            conn.prepare_cached("SELECT rowid FROM t WHERE t MATCH ?1 ORDER BY rowid")?;
        let rows = statement.query_map([&query], |row| row.get(0))?;
        rows.collect()
    }

    fn found(conn: &Connection, input: &str) -> Vec<i64> {
        search(conn, input).unwrap_or_else(|e| panic!("{input:?} -> {:?}: {e}", fts_query(input)))
    }

    #[test]
    fn words_are_quoted_and_the_last_one_is_a_prefix() {
        assert_eq!(
            fts_query("Nike air ma").as_deref(),
            Some(r#""Nike" "air" "ma"*"#)
        );
    }

    #[test]
    fn trailing_whitespace_means_the_last_word_is_finished() {
        assert_eq!(fts_query("nike ").as_deref(), Some(r#""nike""#));
        assert_eq!(fts_query("nike air\n").as_deref(), Some(r#""nike" "air""#));
    }

    #[test]
    fn a_dropped_last_word_leaves_the_one_before_it_finished() {
        assert_eq!(fts_query("nike !!").as_deref(), Some(r#""nike""#));
    }

    #[test]
    fn quotes_inside_words_are_doubled() {
        assert_eq!(
            fts_query(r#"say "hi" 12""#).as_deref(),
            Some(r#""say" """hi""" "12"""*"#)
        );
    }

    #[test]
    fn syntax_characters_stay_inside_the_quotes() {
        assert_eq!(
            fts_query("title:foo NEAR(a -b) ^c* {x}").as_deref(),
            Some(r#""title:foo" "NEAR(a" "-b)" "^c*" "{x}"*"#)
        );
    }

    #[test]
    fn text_with_nothing_searchable_gives_no_query() {
        for input in [
            "",
            "   ",
            "\t\n",
            "!!!",
            "\"\"",
            "* ** ()",
            "🎉 🎈",
            "\0",
            "- + ^ :",
        ] {
            assert_eq!(fts_query(input), None, "{input:?}");
            assert!(words(input).is_empty(), "{input:?}");
        }
    }

    #[test]
    fn control_characters_are_dropped_from_words() {
        assert_eq!(words("ni\0ke a\u{1b}ir"), ["nike", "air"]);
        assert_eq!(fts_query("ab\u{7f}c").as_deref(), Some(r#""abc"*"#));
    }

    #[test]
    fn only_the_first_sixteen_words_are_kept() {
        let input: Vec<String> = (1..=20).map(|n| format!("w{n}")).collect();
        let kept = words(&input.join(" "));
        assert_eq!(kept.len(), 16);
        assert_eq!(kept.last().map(String::as_str), Some("w16"));
        // w16 was followed by more text, so it is finished.
        let query = fts_query(&input.join(" ")).unwrap();
        assert!(query.ends_with(r#""w16""#), "{query}");
    }

    #[test]
    fn long_words_are_cut_to_sixty_four_characters_on_char_boundaries() {
        let long = "é".repeat(100);
        let kept = words(&long);
        assert_eq!(kept, ["é".repeat(64)]);
        let query = fts_query(&format!("{}\"", "a".repeat(63))).unwrap();
        assert_eq!(query, format!("\"{}\"\"\"*", "a".repeat(63)));
    }

    #[test]
    fn a_pasted_five_thousand_character_string_gives_a_bounded_query() {
        for input in [
            "a".repeat(5000),
            "ab ".repeat(1667),
            "\"".repeat(5000),
            "東".repeat(5000),
            "x\"".repeat(2500),
        ] {
            if let Some(query) = fts_query(&input) {
                // 16 words of 64 chars, every char a quote doubled, plus quotes, star and spaces.
                assert!(
                    query.chars().count() <= 16 * (64 * 2 + 3) + 15,
                    "{}",
                    query.len()
                );
            }
        }
    }

    #[test]
    fn words_match_what_fts_query_quotes() {
        assert_eq!(words("Nike  air\tma "), ["Nike", "air", "ma"]);
        assert_eq!(words(r#"a"b ... c"#), [r#"a"b"#, "c"]);
    }

    #[test]
    fn hostile_input_always_runs_as_a_valid_fts5_query() {
        let conn = index();
        let long = "x".repeat(5000);
        let long_words = "AND OR NOT NEAR * ".repeat(300);
        let hostile = [
            "\"",
            "\"\"",
            "\"unbalanced",
            "balanced \"quote\"",
            "\"\"\"",
            "a\"b\"c",
            "(",
            ")",
            "(a OR b",
            "[x]",
            "AND",
            "OR",
            "NOT",
            "a AND",
            "OR b",
            "NOT x",
            "x NOT",
            "NEAR(a b)",
            "NEAR(a b, 3)",
            "NEAR",
            "*",
            "**",
            "a*",
            "*a",
            "a **",
            ":",
            "title:foo",
            "body:",
            "nosuchcolumn:x",
            "-foo",
            "-",
            "- title:x",
            "^foo",
            "^",
            "+",
            "a + b",
            "{title}:x",
            "{title body}: x",
            "{",
            "}",
            "🎉",
            "party 🎉",
            "👨‍👩‍👧",
            "東京タワー",
            "模型 東京",
            &long,
            &long_words,
            "\0",
            "nu\0l",
            "\u{1}\u{2}",
            "!@#$%^&*()_+-=[]{}|;':,./<>?",
            "...",
            "\u{feff}bom",
            "e\u{301}",
            "\u{345}",
            "\u{200d}",
            "NEAR/3",
            "a\\\"b",
        ];
        for input in hostile {
            assert!(
                search(&conn, input).is_ok(),
                "{input:?} -> {:?}",
                fts_query(input)
            );
        }
    }

    #[test]
    fn arbitrary_text_gives_no_query_or_one_that_runs() {
        let conn = index();
        let mut runner = TestRunner::new(Config {
            cases: 1024,
            ..Config::default()
        });
        let syntaxy = prop::collection::vec(
            prop_oneof![
                Just("AND".to_string()),
                Just("OR".to_string()),
                Just("NOT".to_string()),
                Just("NEAR".to_string()),
                "[\"*:^(){}+, .a-z0-9\\-]{1,6}",
            ],
            0..20,
        )
        .prop_map(|parts| parts.join(" "));
        let text = prop_oneof![any::<String>(), syntaxy, "\\PC{0,40}"];
        runner
            .run(&text, |input| {
                if let Some(query) = fts_query(&input) {
                    let result = search(&conn, &input);
                    prop_assert!(result.is_ok(), "{input:?} -> {query:?}: {result:?}");
                }
                Ok(())
            })
            .unwrap();
    }

    #[test]
    fn diacritics_are_ignored() {
        assert_eq!(found(&index(), "creme"), [CREME]);
    }

    #[test]
    fn a_word_being_typed_matches_as_a_prefix() {
        let conn = index();
        assert_eq!(found(&conn, "cr"), [CREME]);
        assert_eq!(found(&conn, "dish cr"), [CREME]);
        // A finished word is whole, not a prefix.
        assert!(found(&conn, "cr ").is_empty());
        assert!(found(&conn, "cr dish").is_empty());
    }

    #[test]
    fn a_hyphenated_model_number_finds_its_row() {
        assert_eq!(found(&index(), "A-100"), [WIDGET]);
    }

    #[test]
    fn fts5_keywords_are_searched_as_literal_words() {
        let conn = index();
        assert_eq!(found(&conn, "AND"), [KEYWORDS]);
        assert_eq!(found(&conn, "NOT NEAR"), [KEYWORDS]);
        // As syntax, "NOT widget" would be an error or exclude rows; as words
        // it needs both "not" and "widget", which no row has.
        assert!(found(&conn, "NOT widget").is_empty());
    }

    #[test]
    fn column_filters_are_searched_as_literal_words() {
        // As syntax "title:party" would find the party hat by its title; as
        // words it needs "title" followed by "party", which no row has.
        assert!(found(&index(), "title:party").is_empty());
    }

    #[test]
    fn cjk_text_finds_its_row() {
        assert_eq!(found(&index(), "東京"), [TOKYO]);
    }

    #[test]
    fn finished_words_find_their_row_without_diacritics() {
        assert_eq!(found(&index(), "brulee dish "), [CREME]);
    }

    #[test]
    fn words_beside_emoji_still_match() {
        assert_eq!(found(&index(), "🎉party"), [PARTY]);
    }
}
