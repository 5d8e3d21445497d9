//! The search box on a realistic file: anything typed is a search, and the
//! results are the ones a person expects.

use trove_core::item::Item;
use trove_core::list::{Filters, ListQuery};
use trove_core::search::{SearchQuery, SearchResults};
use trove_core::{Condition, ItemChanges, Status, Store};

use crate::common::{new_store, temp_dir, titled};

const GENERATED: u64 = 300;
/// Items the fixture adds by hand.
const HAND_MADE: usize = 13;

/// A database of generated items plus hand-made ones the tests look for.
struct Fixture {
    _dir: tempfile::TempDir,
    store: Store,
    /// The code of the bin the `zorblamp` items are in.
    shelf: String,
}

fn fixture() -> Fixture {
    let dir = temp_dir();
    let store = new_store(dir.path());
    let csv = dir.path().join("generated.csv");
    crate::common::write_generated_csv(&csv, GENERATED, 7);
    let report = crate::common::import(&store, &csv).expect("the generated file imports");
    assert_eq!(report.created, GENERATED);

    let add = |changes: ItemChanges| {
        store
            .create_item(&changes)
            .unwrap_or_else(|e| panic!("{changes:?}: {e}"))
    };
    add(titled("Blue Vase"));
    add(ItemChanges {
        description: Some("ramekin for dessert".into()),
        ..titled("Crème brûlée dish")
    });
    add(ItemChanges {
        sku: Some("ZX-9000".into()),
        ..titled("Quiet Widget")
    });
    add(ItemChanges {
        description: Some("fits the ZX-9000 ZX-9000 ZX-9000".into()),
        ..titled("ZX-9000 charger")
    });
    add(ItemChanges {
        notes: Some("spare for ZX-9000".into()),
        ..titled("ZX-9000 ZX-9000 case")
    });
    add(ItemChanges {
        barcode: Some("00036000291452".into()),
        ..titled("Tissue Box")
    });
    add(titled("東京タワー 模型"));
    add(titled("Sign: AND OR NOT NEAR"));

    let shelf = store.add_bin("Zorb Shelf", None).expect("bin");
    store
        .add_section(&shelf.code, "Top", None)
        .expect("section");
    let usd = |p: &str| (Some(p.to_string()), Some("USD".to_string()));
    let (price, price_currency) = usd("5.00");
    add(ItemChanges {
        status: Some("active".into()),
        location: Some(shelf.code.clone()),
        condition: Some("good".into()),
        price,
        price_currency,
        ..titled("Zorblamp red")
    });
    let (price, price_currency) = usd("15.00");
    add(ItemChanges {
        condition: Some("new".into()),
        price,
        price_currency,
        ..titled("Zorblamp blue")
    });
    let (price, price_currency) = usd("25.00");
    add(ItemChanges {
        status: Some("sold".into()),
        location: Some("Zorb Shelf/Top".into()),
        condition: Some("good".into()),
        price,
        price_currency,
        ..titled("Zorblamp green")
    });
    add(ItemChanges {
        price: Some("1500".into()),
        price_currency: Some("JPY".into()),
        ..titled("Zorblamp yen")
    });
    add(ItemChanges {
        status: Some("active".into()),
        location: Some(shelf.code.clone()),
        ..titled("Shelf bracket")
    });
    Fixture {
        _dir: dir,
        store,
        shelf: shelf.code,
    }
}

fn search(store: &Store, text: &str, filters: Filters) -> SearchResults {
    let q = SearchQuery {
        text: text.to_string(),
        filters,
        limit: Some(500),
        offset: 0,
    };
    store
        .search(&q)
        .unwrap_or_else(|e| panic!("search {text:?}: {e}"))
}

fn titles(items: &[Item]) -> Vec<&str> {
    items.iter().map(Item::title).collect()
}

fn sorted_titles(results: &SearchResults) -> Vec<&str> {
    let mut t = titles(&results.items);
    t.sort_unstable();
    t
}

#[test]
fn hostile_input_is_always_a_search_never_an_error() {
    let f = fixture();
    let long = "abc def ".repeat(625);
    assert_eq!(long.len(), 5000);
    let hostile = [
        "\"",
        "\"\"",
        "\"unbalanced",
        "(",
        ")",
        "AND",
        "OR",
        "NOT",
        "NEAR(a b)",
        "*",
        "**",
        ":",
        "title:foo",
        "-foo",
        "^x",
        "+",
        "{title}:x",
        "🎉",
        "🎉 party 👨‍👩‍👧",
        "東京",
        "模型 東京タワー",
        long.as_str(),
        "nul\0byte",
        "\0",
        "!@#$%^&*()_+-=[]{}|;':,./<>?",
        "...",
        "   ",
        "\t\n",
        "a AND",
        "NOT b",
        "x\"y\"z",
        "'",
        "\\",
        "%",
        "_",
    ];
    let narrow = Filters {
        location: Some(f.shelf.clone()),
        ..Default::default()
    };
    let broad = Filters {
        status: Some(Status::Draft),
        ..Default::default()
    };
    for text in hostile {
        for filters in [Filters::default(), narrow.clone(), broad.clone()] {
            let q = SearchQuery {
                text: text.to_string(),
                filters: filters.clone(),
                limit: None,
                offset: 0,
            };
            if let Err(e) = f.store.search(&q) {
                panic!("search {text:?} with {filters:?} failed: {e}");
            }
        }
    }
    // Text in any script, and FTS5's own keywords, are plain words.
    let cjk = search(&f.store, "東京", Filters::default());
    assert!(titles(&cjk.items).contains(&"東京タワー 模型"));
    let keywords = search(&f.store, "NOT NEAR", Filters::default());
    assert!(titles(&keywords.items).contains(&"Sign: AND OR NOT NEAR"));
}

#[test]
fn whitespace_only_lists_everything_newest_first() {
    let f = fixture();
    let results = search(&f.store, "   ", Filters::default());
    assert_eq!(results.items.len(), GENERATED as usize + HAND_MADE);
    assert_eq!(results.items[0].title(), "Shelf bracket", "newest first");
}

#[test]
fn a_word_being_typed_matches_as_a_prefix() {
    let f = fixture();
    for typed in ["b", "bl", "blu", "Blue", "blue v", "BLUE VA"] {
        let results = search(&f.store, typed, Filters::default());
        assert!(
            titles(&results.items).contains(&"Blue Vase"),
            "{typed:?} finds Blue Vase"
        );
    }
    let finished = search(&f.store, "blu ", Filters::default());
    assert!(
        !titles(&finished.items).contains(&"Blue Vase"),
        "a finished word is whole, not a prefix"
    );
}

#[test]
fn diacritics_are_ignored_both_ways() {
    let f = fixture();
    for typed in [
        "creme",
        "crème",
        "CREME",
        "brulee",
        "creme brulee dish",
        "cre",
    ] {
        let results = search(&f.store, typed, Filters::default());
        assert!(
            titles(&results.items).contains(&"Crème brûlée dish"),
            "{typed:?}"
        );
    }
}

#[test]
fn an_exact_sku_hit_comes_first_even_when_other_items_mention_it_more() {
    let f = fixture();
    for typed in ["ZX-9000", "zx-9000", " ZX-9000 "] {
        let results = search(&f.store, typed, Filters::default());
        assert_eq!(
            results.items.first().map(Item::title),
            Some("Quiet Widget"),
            "{typed:?}"
        );
        assert!(results.exact >= 1);
        assert_eq!(
            sorted_titles(&results),
            ["Quiet Widget", "ZX-9000 ZX-9000 case", "ZX-9000 charger"],
            "the items that mention it follow"
        );
    }
}

#[test]
fn a_typed_upc_finds_the_item_stored_as_gtin14() {
    let f = fixture();
    for typed in ["036000291452", "0036000291452", "00036000291452"] {
        let results = search(&f.store, typed, Filters::default());
        assert_eq!(
            results.items.first().map(Item::title),
            Some("Tissue Box"),
            "{typed}"
        );
        assert_eq!(results.exact, 1, "{typed} is an exact hit");
    }
}

#[test]
fn filters_combine_with_text() {
    let f = fixture();
    let s = |filters: Filters| {
        let r = search(&f.store, "zorblamp", filters);
        sorted_titles(&r)
            .into_iter()
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        s(Filters::default()),
        [
            "Zorblamp blue",
            "Zorblamp green",
            "Zorblamp red",
            "Zorblamp yen"
        ]
    );
    assert_eq!(
        s(Filters {
            status: Some(Status::Active),
            ..Default::default()
        }),
        ["Zorblamp red"]
    );
    assert_eq!(
        s(Filters {
            location: Some(f.shelf.clone()),
            ..Default::default()
        }),
        ["Zorblamp green", "Zorblamp red"],
        "a bin includes its sections"
    );
    assert_eq!(
        s(Filters {
            location: Some(format!("{}-1", f.shelf)),
            ..Default::default()
        }),
        ["Zorblamp green"],
        "a section is just the section"
    );
    assert_eq!(
        s(Filters {
            condition: Some(Condition::Good),
            ..Default::default()
        }),
        ["Zorblamp green", "Zorblamp red"]
    );
    assert_eq!(
        s(Filters {
            price_min: Some("10".into()),
            price_max: Some("20.00".into()),
            ..Default::default()
        }),
        ["Zorblamp blue"],
        "price range in the home currency"
    );
    assert_eq!(
        s(Filters {
            price_min: Some("1000".into()),
            currency: Some("JPY".into()),
            ..Default::default()
        }),
        ["Zorblamp yen"]
    );
    assert_eq!(
        s(Filters {
            status: Some(Status::Sold),
            location: Some(f.shelf.clone()),
            condition: Some(Condition::Good),
            price_min: Some("20".into()),
            ..Default::default()
        }),
        ["Zorblamp green"],
        "all filters at once"
    );
    assert!(s(Filters {
        status: Some(Status::Archived),
        ..Default::default()
    })
    .is_empty());
}

#[test]
fn empty_text_with_filters_lists_the_filtered_items() {
    let f = fixture();
    let in_shelf = Filters {
        location: Some(f.shelf.clone()),
        ..Default::default()
    };
    let results = search(&f.store, "", in_shelf.clone());
    assert_eq!(
        titles(&results.items),
        ["Shelf bracket", "Zorblamp green", "Zorblamp red"],
        "newest first"
    );
    let active = Filters {
        status: Some(Status::Active),
        ..in_shelf
    };
    assert_eq!(
        titles(&search(&f.store, "", active).items),
        ["Shelf bracket", "Zorblamp red"]
    );
}

#[test]
fn the_same_query_twice_gives_the_same_order() {
    let f = fixture();
    let mut queries = trove_fixtures::generate::queries(20, 7);
    queries.extend(["a", "e", "zorblamp", "card", "vintage "].map(String::from));
    for text in &queries {
        for filters in [
            Filters::default(),
            Filters {
                status: Some(Status::Draft),
                ..Default::default()
            },
        ] {
            let ids = |r: SearchResults| r.items.into_iter().map(|i| i.id).collect::<Vec<_>>();
            let first = ids(search(&f.store, text, filters.clone()));
            let second = ids(search(&f.store, text, filters.clone()));
            assert_eq!(first, second, "{text:?} with {filters:?}");
        }
    }
    // Paging through the results gives the same items as one big page.
    let all = search(&f.store, "a", Filters::default());
    let mut paged = Vec::new();
    for offset in (0..all.items.len()).step_by(20) {
        let q = SearchQuery {
            text: "a".into(),
            limit: Some(20),
            offset,
            ..Default::default()
        };
        paged.extend(
            f.store
                .search(&q)
                .expect("page")
                .items
                .into_iter()
                .map(|i| i.id),
        );
    }
    assert_eq!(
        paged,
        all.items.into_iter().map(|i| i.id).collect::<Vec<_>>()
    );
}

#[test]
fn listing_page_by_page_visits_every_item_once_in_every_order() {
    let f = fixture();
    let total = GENERATED as usize + HAND_MADE;
    for sort in trove_core::list::Sort::ALL {
        for reverse in [false, true] {
            let whole = ListQuery {
                sort,
                reverse,
                limit: Some(500),
                ..Default::default()
            };
            let whole: Vec<String> = f
                .store
                .list(&whole)
                .expect("list")
                .items
                .into_iter()
                .map(|i| i.id)
                .collect();
            assert_eq!(whole.len(), total);
            let mut paged = Vec::new();
            let mut after = None;
            loop {
                let q = ListQuery {
                    sort,
                    reverse,
                    limit: Some(37),
                    after: after.clone(),
                    ..Default::default()
                };
                let page = f
                    .store
                    .list(&q)
                    .unwrap_or_else(|e| panic!("{sort:?} reverse={reverse}: {e}"));
                paged.extend(page.items.into_iter().map(|i| i.id));
                match page.next {
                    Some(next) => after = Some(next),
                    None => break,
                }
                assert!(
                    paged.len() <= total,
                    "{sort:?} reverse={reverse}: paging does not end"
                );
            }
            assert_eq!(
                paged, whole,
                "{sort:?} reverse={reverse}: pages join up to the whole list"
            );
        }
    }
}
