//! Card details, value tiers and price history on a real database file.

use std::sync::atomic::{AtomicBool, Ordering};

use trove_core::cards::{Card, CardInput, Grade, PreorderInput, Serial, Tier, WishInput};
use trove_core::jobs::Job;
use trove_core::money::{Currency, Money};
use trove_core::Error;

use crate::common::{new_store, temp_dir, titled};

fn usd(amount: i64) -> Money {
    Money::new(amount, Currency::parse("USD").unwrap())
}

#[test]
fn a_card_keeps_every_detail_in_trove_words() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    let item = store.create_item(&titled("Lightning Bolt")).unwrap();
    let card = Card {
        game: Some(" Magic ".into()),
        set_code: Some("2XM".into()),
        set_name: Some("Double Masters".into()),
        collector_number: Some("117".into()),
        rarity: Some("uncommon".into()),
        finish: "Foil".into(),
        language: Some("EN".into()),
        grader: Some("beckett".into()),
        grade: Grade::parse("9.5"),
        grade_label: Some("Gem Mint".into()),
        cert_number: Some("0012345678".into()),
        value: Some(usd(4_250)),
        ..Card::tcg()
    };
    let saved = store.set_card(&item.id, card).unwrap();
    assert_eq!(saved.game.as_deref(), Some("magic"));
    assert_eq!(saved.finish, "foil");
    assert_eq!(saved.language.as_deref(), Some("en"));
    assert_eq!(saved.grader.as_deref(), Some("BGS"));
    assert_eq!(
        saved.tier,
        Some(Tier::Mid),
        "42.50 is mid under the default 10/100/1000"
    );
    assert_eq!(store.card(&item.id).unwrap(), Some(saved));

    let sports = store
        .create_item(&titled("2018 Bowman Chrome Ohtani"))
        .unwrap();
    let card = Card {
        sport: Some("Baseball".into()),
        year: Some(2018),
        series: Some("Bowman Chrome".into()),
        player: Some("Shohei Ohtani".into()),
        team: Some("Angels".into()),
        rookie: true,
        parallel: Some("Gold Refractor".into()),
        serial: Serial::parse("12/50"),
        ..Card::sports()
    };
    let saved = store.set_card(&sports.id, card).unwrap();
    assert_eq!(
        saved.serial,
        Some(Serial {
            number: 12,
            total: 50
        })
    );
    assert!(saved.rookie);
    assert_eq!(saved.tier, None, "no value, no tier");

    store.clear_card(&sports.id).unwrap();
    assert_eq!(store.card(&sports.id).unwrap(), None);
    assert_eq!(
        store.item(&sports.id).unwrap().fields.title,
        "2018 Bowman Chrome Ohtani"
    );
}

#[test]
fn bad_card_details_are_refused_by_field() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    let item = store.create_item(&titled("Charizard")).unwrap();
    let graded_without_grader = Card {
        grade: Grade::parse("10"),
        year: Some(1700),
        ..Card::tcg()
    };
    match store.set_card(&item.id, graded_without_grader) {
        Err(Error::Invalid(errors)) => {
            let fields: Vec<&str> = errors.iter().map(|e| e.field).collect();
            assert_eq!(fields, ["year", "grader"]);
        }
        other => panic!("expected field errors, got {other:?}"),
    }
    assert_eq!(store.card(&item.id).unwrap(), None, "nothing half-written");

    let first = store.create_item(&titled("Slab one")).unwrap();
    let second = store.create_item(&titled("Slab two")).unwrap();
    let slab = |cert: &str| Card {
        grader: Some("PSA".into()),
        grade: Grade::parse("9"),
        cert_number: Some(cert.into()),
        ..Card::tcg()
    };
    store.set_card(&first.id, slab("44556677")).unwrap();
    let taken = store.set_card(&second.id, slab("44556677")).unwrap_err();
    assert_eq!(taken.detail_code(), "card_cert_taken");
    store
        .set_card(&first.id, slab("44556677"))
        .expect("a card may keep its own certificate");
}

#[test]
fn tiers_follow_the_thresholds_and_move_with_them() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    let values = [500, 2_500, 25_000, 250_000];
    let mut ids = Vec::new();
    for (n, v) in values.iter().enumerate() {
        let item = store.create_item(&titled(&format!("Card {n}"))).unwrap();
        store
            .set_card(
                &item.id,
                Card {
                    value: Some(usd(*v)),
                    ..Card::tcg()
                },
            )
            .unwrap();
        ids.push(item.id);
    }
    let eur = store.create_item(&titled("Euro card")).unwrap();
    store
        .set_card(
            &eur.id,
            Card {
                value: Some(Money::new(90_000, Currency::parse("EUR").unwrap())),
                ..Card::tcg()
            },
        )
        .unwrap();
    let tiers = |store: &trove_core::Store| -> Vec<Option<Tier>> {
        ids.iter()
            .map(|id| store.card(id).unwrap().unwrap().tier)
            .collect()
    };
    assert_eq!(
        tiers(&store),
        [
            Some(Tier::Low),
            Some(Tier::Mid),
            Some(Tier::High),
            Some(Tier::Grail)
        ]
    );
    assert_eq!(
        store.card(&eur.id).unwrap().unwrap().tier,
        None,
        "another currency is not guessed at"
    );

    // 5.00, 25.00, 250.00, 2,500.00 against 1 / 20 / 200.
    store.set_tier_thresholds("1", "20", "200").unwrap();
    assert_eq!(
        tiers(&store),
        [
            Some(Tier::Mid),
            Some(Tier::High),
            Some(Tier::Grail),
            Some(Tier::Grail)
        ]
    );
    store.set_tier_thresholds("30", "300", "3000").unwrap();
    // 5.00, 25.00, 250.00, 2,500.00 against 30 / 300 / 3,000.
    assert_eq!(
        tiers(&store),
        [
            Some(Tier::Low),
            Some(Tier::Low),
            Some(Tier::Mid),
            Some(Tier::High)
        ]
    );
    let refused = store.set_tier_thresholds("50", "40", "3000").unwrap_err();
    assert_eq!(refused.detail_code(), "tier_order");
    assert_eq!(
        store.tier_thresholds().unwrap().mid,
        usd(3_000),
        "a refused change keeps the old ones"
    );
}

#[test]
fn price_history_is_written_only_when_the_value_moves() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    let item = store.create_item(&titled("Black Lotus")).unwrap();
    for v in [100_000, 100_000, 120_000, 120_000, 120_000, 90_000, 90_000] {
        store
            .set_card(
                &item.id,
                Card {
                    value: Some(usd(v)),
                    ..Card::tcg()
                },
            )
            .unwrap();
    }
    // Other edits of the card write no point either.
    store
        .set_card(
            &item.id,
            Card {
                value: Some(usd(90_000)),
                rarity: Some("rare".into()),
                ..Card::tcg()
            },
        )
        .unwrap();
    let amounts: Vec<i64> = store
        .price_history(&item.id)
        .unwrap()
        .iter()
        .map(|p| p.value.amount)
        .collect();
    assert_eq!(amounts, [100_000, 120_000, 90_000]);
}

#[test]
fn a_collection_shows_its_cards_in_its_mode_and_pages_by_key() {
    use trove_core::cards::CollectionMode;
    let dir = temp_dir();
    let store = new_store(dir.path());
    // (title, set, number, player, year, value in cents)
    let cards = [
        ("Ten", "ABC", "10", "Zed", 2001, 1_000),
        ("Two", "ABC", "2", "Amy", 1999, 50_000),
        ("Two-a", "ABC", "2a", "Amy", 1998, 300),
        ("Other set", "AAA", "7", "Moe", 2020, 7_000),
    ];
    let mut ids = Vec::new();
    for (title, set, number, player, year, value) in cards {
        let item = store.create_item(&titled(title)).unwrap();
        store
            .set_card(
                &item.id,
                Card {
                    set_code: Some(set.into()),
                    collector_number: Some(number.into()),
                    player: Some(player.into()),
                    year: Some(year),
                    value: Some(usd(value)),
                    ..Card::tcg()
                },
            )
            .unwrap();
        ids.push(item.id);
    }
    let binder = store
        .create_collection("Blue binder", "binder", CollectionMode::Custom)
        .unwrap();
    assert_eq!(
        store
            .create_collection("blue BINDER", "box", CollectionMode::Set)
            .unwrap_err()
            .detail_code(),
        "collection_name_taken"
    );
    store.add_to_collection(&binder.id, &ids).unwrap();
    let again = store.add_to_collection("Blue binder", &ids[..1]).unwrap();
    assert_eq!(again.items, 4, "adding an item twice keeps one entry");
    let other = store
        .create_collection("PC", "personal", CollectionMode::Value)
        .unwrap();
    store.add_to_collection(&other.id, &ids[1..2]).unwrap();

    let titles = |mode: CollectionMode| -> Vec<String> {
        store.set_collection_mode(&binder.id, mode).unwrap();
        let mut seen = Vec::new();
        let mut after: Option<String> = None;
        loop {
            let page = store
                .collection_page(&binder.id, after.as_deref(), 3)
                .unwrap();
            if page.is_empty() {
                return seen;
            }
            after = page.last().map(|e| e.cursor.clone());
            seen.extend(page.into_iter().map(|e| e.item.fields.title));
        }
    };
    assert_eq!(
        titles(CollectionMode::Custom),
        ["Ten", "Two", "Two-a", "Other set"]
    );
    assert_eq!(
        titles(CollectionMode::Set),
        ["Other set", "Two", "Two-a", "Ten"]
    );
    assert_eq!(
        titles(CollectionMode::Value),
        ["Two", "Other set", "Ten", "Two-a"]
    );
    assert_eq!(
        titles(CollectionMode::Player),
        ["Two-a", "Two", "Other set", "Ten"]
    );

    let reversed: Vec<String> = ids.iter().rev().cloned().collect();
    store.reorder_collection(&binder.id, &reversed).unwrap();
    assert_eq!(
        titles(CollectionMode::Custom),
        ["Other set", "Two-a", "Two", "Ten"]
    );
    assert_eq!(
        store
            .reorder_collection(&binder.id, &reversed[..2])
            .unwrap_err()
            .detail_code(),
        "collection_order"
    );

    let left = store
        .remove_from_collection(&binder.id, &ids[1..2])
        .unwrap();
    assert_eq!(left.items, 3);
    assert_eq!(
        store.collection("PC").unwrap().items,
        1,
        "still in the other collection"
    );
    let names: Vec<String> = store
        .collections()
        .unwrap()
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(names, ["Blue binder", "PC"]);
}

/// A Scryfall bulk file in miniature: the shape of `default_cards`.
fn scryfall_json(usd_bolt: &str) -> String {
    let card = |id: &str, name: &str, number: &str, rarity: &str, finishes: &str, usd: &str| {
        format!(
            r#"{{"object":"card","id":"{id}","oracle_id":"o-{id}","name":"{name}","lang":"en",
               "released_at":"2020-08-07","set":"2xm","set_name":"Double Masters",
               "collector_number":"{number}","rarity":"{rarity}","finishes":[{finishes}],
               "prices":{{"usd":{usd},"usd_foil":null,"eur":null,"tix":"0.02"}}}}"#
        )
    };
    format!(
        "[\n{},\n{},\n{},\n{},\n{}\n]",
        card(
            "a1",
            "Lightning Bolt",
            "117",
            "uncommon",
            r#""nonfoil","foil""#,
            usd_bolt
        ),
        card(
            "a2",
            "Counterspell",
            "2",
            "common",
            r#""nonfoil","foil""#,
            "\"0.50\""
        ),
        card(
            "a3",
            "Mox Opal",
            "10",
            "mythic",
            r#""nonfoil","foil""#,
            "\"60.00\""
        ),
        card(
            "a4",
            "Fire // Ice",
            "10a",
            "uncommon",
            r#""nonfoil""#,
            "null"
        ),
        card("a5", "Etched Elf", "★3", "rare", r#""etched""#, "null"),
    )
}

#[test]
fn a_scryfall_catalogue_gives_set_completion_with_duplicates_and_foils() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    let file = dir.path().join("default-cards.json");
    std::fs::write(&file, scryfall_json("\"2.00\"")).unwrap();
    let report = store.import_catalogue(&file, &mut Job::quiet()).unwrap();
    assert_eq!(
        (
            report.source.as_str(),
            report.sets,
            report.cards,
            report.prices
        ),
        ("scryfall", 1, 5, 3)
    );

    // Owned: two plain Bolts and a foil one, a Mox Opal, a promo the list lacks.
    let own = |title: &str, number: &str, finish: &str, quantity: i64, value: i64| {
        let item = store
            .create_item(&trove_core::ItemChanges {
                quantity: Some(quantity),
                ..titled(title)
            })
            .unwrap();
        store
            .set_card(
                &item.id,
                Card {
                    set_code: Some("2xm".into()),
                    collector_number: Some(number.into()),
                    finish: finish.into(),
                    value: Some(usd(value)),
                    ..Card::tcg()
                },
            )
            .unwrap();
    };
    own("Bolt", "117", "normal", 2, 200);
    own("Bolt foil", "117", "foil", 1, 900);
    own("Opal", "10", "normal", 1, 6_000);
    own("Promo", "999", "normal", 1, 100);

    let c = store.completion("2XM").unwrap();
    assert_eq!(
        (c.total, c.owned, c.owned_foil, c.duplicates, c.unlisted),
        (5, 2, 1, 2, 1)
    );
    assert_eq!(c.percent, 40.0);
    // Every owned copy of the set counts toward its value, the unlisted promo too.
    assert_eq!(c.value_owned, usd(2 * 200 + 900 + 6_000 + 100));
    let numbers: Vec<&str> = c.cards.iter().map(|x| x.number.as_str()).collect();
    assert_eq!(
        numbers,
        ["2", "10", "10a", "117", "★3"],
        "collector-number order"
    );
    let bolt = c.cards.iter().find(|x| x.number == "117").unwrap();
    assert_eq!((bolt.copies, bolt.finishes.as_str()), (3, "foil;normal"));

    // Importing again writes a price point only where the price moved.
    std::fs::write(&file, scryfall_json("\"2.00\"")).unwrap();
    assert_eq!(
        store
            .import_catalogue(&file, &mut Job::quiet())
            .unwrap()
            .prices,
        0
    );
    std::fs::write(&file, scryfall_json("\"2.25\"")).unwrap();
    let again = store.import_catalogue(&file, &mut Job::quiet()).unwrap();
    assert_eq!(
        (again.cards, again.prices),
        (5, 1),
        "one card's price moved"
    );
    assert_eq!(
        store.completion("2xm").unwrap().total,
        5,
        "re-import updates in place"
    );

    let missing = store.completion("ZZZ").unwrap_err();
    assert_eq!(missing.detail_code(), "set_not_in_catalogue");
}

#[test]
fn mtgjson_and_pokemon_catalogue_files_are_recognised() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    let mtgjson = dir.path().join("2XM.json");
    std::fs::write(
        &mtgjson,
        r#"{"meta":{"date":"2026-11-01","version":"5.2.2"},
            "data":{"code":"2XM","name":"Double Masters","releaseDate":"2020-08-07","type":"masters",
              "baseSetSize":332,"totalSetSize":384,"cards":[
               {"uuid":"u1","name":"Lightning Bolt","number":"117","rarity":"uncommon","finishes":["nonfoil","foil"],"language":"English","setCode":"2XM"},
               {"uuid":"u2","name":"Blitz","number":"117","rarity":"uncommon","finishes":["nonfoil"],"language":"German","setCode":"2XM"}]}}"#,
    )
    .unwrap();
    let r = store.import_catalogue(&mtgjson, &mut Job::quiet()).unwrap();
    assert_eq!((r.source.as_str(), r.sets, r.cards), ("mtgjson", 1, 2));
    assert_eq!(
        store.completion("2xm").unwrap().total,
        1,
        "one number in two languages"
    );

    let sets = dir.path().join("en.json");
    std::fs::write(
        &sets,
        r#"[{"id":"base1","name":"Base","series":"Base","printedTotal":102,"total":102,"ptcgoCode":"BS","releaseDate":"1999/01/09"}]"#,
    )
    .unwrap();
    assert_eq!(
        store
            .import_catalogue(&sets, &mut Job::quiet())
            .unwrap()
            .sets,
        1
    );
    let cards = dir.path().join("base1.json");
    std::fs::write(
        &cards,
        r#"[{"id":"base1-4","name":"Charizard","number":"4","rarity":"Rare Holo",
             "tcgplayer":{"prices":{"holofoil":{"low":250.0,"market":399.99}}}},
            {"id":"base1-58","name":"Pikachu","number":"58","rarity":"Common",
             "tcgplayer":{"prices":{"normal":{"market":1.1}}}}]"#,
    )
    .unwrap();
    let r = store.import_catalogue(&cards, &mut Job::quiet()).unwrap();
    assert_eq!((r.cards, r.prices), (2, 2));
    let c = store.completion("base1").unwrap();
    assert_eq!(
        (c.game.as_str(), c.set_name.as_str(), c.total),
        ("pokemon", "Base", 2)
    );

    let junk = dir.path().join("junk.json");
    std::fs::write(&junk, r#"{"hello":"world"}"#).unwrap();
    assert!(store
        .import_catalogue(&junk, &mut Job::quiet())
        .unwrap_err()
        .to_string()
        .contains("catalogue file"));
}

/// The sample files in tests/fixtures/cards follow the published layouts;
/// their README gives these counts.
#[test]
fn the_sample_catalogue_files_import_with_their_documented_counts() {
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/cards");
    let dir = temp_dir();
    let store = new_store(dir.path());
    let r = store
        .import_catalogue(&fixtures.join("scryfall-cards.json"), &mut Job::quiet())
        .unwrap();
    assert_eq!((r.sets, r.cards), (2, 20));
    assert_eq!(store.completion("trv").unwrap().total, 15);
    assert_eq!(store.completion("tvc").unwrap().total, 5);
    let r = store
        .import_catalogue(&fixtures.join("mtgjson-set-TRV.json"), &mut Job::quiet())
        .unwrap();
    assert_eq!(
        (r.source.as_str(), r.cards),
        ("mtgjson", 15),
        "16 entries, the back face skipped"
    );
    assert_eq!(
        store.completion("TRV").unwrap().total,
        15,
        "the same printings, updated in place"
    );
    assert_eq!(
        store
            .import_catalogue(&fixtures.join("pokemon-sets.json"), &mut Job::quiet())
            .unwrap()
            .sets,
        2
    );
    let r = store
        .import_catalogue(&fixtures.join("pokemon-cards-tv1.json"), &mut Job::quiet())
        .unwrap();
    assert_eq!(r.cards, 12);
    let c = store.completion("tv1").unwrap();
    assert_eq!((c.game.as_str(), c.total, c.owned), ("pokemon", 12, 0));

    // The sets to pick from, with their listed card counts.
    let sets: Vec<(String, u64)> = store
        .catalogue_sets()
        .unwrap()
        .into_iter()
        .map(|s| (s.code.to_lowercase(), s.cards))
        .collect();
    for (code, cards) in [("trv", 15), ("tvc", 5), ("tv1", 12), ("tv0", 0)] {
        assert!(sets.contains(&(code.to_owned(), cards)), "{code}: {sets:?}");
    }
}

/// Card details as typed: all wrong fields named at once and nothing
/// written; right ones stored with their tier; `cards_of` gives a table
/// page's cards.
#[test]
fn typed_card_details_are_checked_whole_and_a_page_finds_its_cards() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    let card_item = store.create_item(&titled("Jordan rookie")).unwrap();
    let plain = store.create_item(&titled("Lamp")).unwrap();
    let bad = CardInput {
        kind: "sports".into(),
        grade: "11".into(),
        serial: "0/10".into(),
        value: "abc".into(),
        value_currency: "USD".into(),
        ..CardInput::default()
    };
    match store.set_card_input(&card_item.id, &bad).unwrap_err() {
        trove_core::Error::Invalid(errors) => {
            let named: Vec<_> = errors.iter().map(|e| (e.field, e.value.as_str())).collect();
            assert_eq!(
                named,
                [("serial", "0/10"), ("grade", "11"), ("value", "abc")]
            );
        }
        other => panic!("expected field errors, got {other}"),
    }
    assert_eq!(store.card(&card_item.id).unwrap(), None, "nothing written");

    let good = CardInput {
        kind: "sports".into(),
        player: "Michael Jordan".into(),
        grader: "PSA".into(),
        grade: "9.5".into(),
        value: "1500".into(),
        value_currency: "USD".into(),
        ..CardInput::default()
    };
    let card = store.set_card_input(&card_item.id, &good).unwrap();
    assert_eq!(
        card.tier,
        Some(Tier::Grail),
        "1,500 USD is past the 1,000 default"
    );
    assert_eq!(store.price_history(&card_item.id).unwrap().len(), 1);

    let page = store
        .cards_of(&[plain.id.clone(), card_item.id.clone(), "no-such-id".into()])
        .unwrap();
    assert_eq!(page.len(), 1, "only the card comes back");
    assert_eq!(page[0].item, card_item.id);
    assert_eq!(page[0].card.player.as_deref(), Some("Michael Jordan"));
}

/// A saved Pokémon TCG API v2 answer names each card's set, so it imports
/// into an empty catalogue with the set's real name and release date.
#[test]
fn a_pokemon_api_answer_imports_with_its_embedded_sets_and_prices() {
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/cards");
    let dir = temp_dir();
    let store = new_store(dir.path());
    let file = fixtures.join("pokemon-api-cards-tv1.json");
    let r = store.import_catalogue(&file, &mut Job::quiet()).unwrap();
    assert_eq!(
        (r.source.as_str(), r.sets, r.cards, r.prices),
        ("pokemontcg", 1, 12, 20),
        "20 printings have a market price; tv1-12's is null"
    );
    let sets = store.catalogue_sets().unwrap();
    assert_eq!(sets.len(), 1);
    assert_eq!(
        (
            sets[0].code.as_str(),
            sets[0].name.as_str(),
            sets[0].released_on.as_deref()
        ),
        ("tv1", "Trove Tide", Some("2024-03-22"))
    );
    assert_eq!(store.completion("tv1").unwrap().total, 12);
    let again = store.import_catalogue(&file, &mut Job::quiet()).unwrap();
    assert_eq!(
        (again.cards, again.prices),
        (12, 0),
        "unchanged prices are not written again"
    );
}

/// A catalogue import reports how far it has read, and a cancel keeps
/// nothing of it.
#[test]
fn a_catalogue_import_reports_progress_and_cancels_whole() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    let file = dir.path().join("scryfall.json");
    let cards: Vec<String> = (1..=5000)
        .map(|n| {
            format!(
                r#"{{"object":"card","id":"id-{n}","name":"Card {n}","lang":"en","set":"big","set_name":"Big Set","collector_number":"{n}","rarity":"common","finishes":["nonfoil"],"released_at":"2020-01-01","prices":{{"usd":"0.{n:02}"}}}}"#
            )
        })
        .collect();
    std::fs::write(&file, format!("[{}]", cards.join(",\n"))).unwrap();
    let size = std::fs::metadata(&file).unwrap().len();

    let mut seen = Vec::new();
    let never = AtomicBool::new(false);
    let mut job = Job::new(&never, |p| seen.push(p.clone())).unthrottled();
    let r = store.import_catalogue(&file, &mut job).unwrap();
    drop(job);
    assert_eq!(r.cards, 5000);
    let counts: Vec<u64> = seen.iter().map(|p| p.done).collect();
    assert_eq!(
        counts,
        [2000, 4000, 5000],
        "every 2,000 cards and at the end"
    );
    assert!(seen.windows(2).all(|w| w[0].bytes <= w[1].bytes));
    assert_eq!(seen.last().unwrap().bytes, size, "the whole file read");
    assert!(seen.iter().all(|p| p.total_bytes == size));

    let other = dir.path().join("other.json");
    std::fs::write(
        &other,
        std::fs::read_to_string(&file)
            .unwrap()
            .replace("\"big\"", "\"oth\"")
            .replace("\"id-", "\"other-"),
    )
    .unwrap();
    let cancel = AtomicBool::new(false);
    let mut job = Job::new(&cancel, |p| {
        if p.done >= 4000 {
            cancel.store(true, Ordering::Relaxed);
        }
    })
    .unthrottled();
    let err = store.import_catalogue(&other, &mut job).unwrap_err();
    assert!(matches!(err, trove_core::Error::Cancelled), "{err}");
    assert!(
        store.completion("oth").is_err(),
        "a cancelled import leaves no set behind"
    );
    assert_eq!(store.catalogue_sets().unwrap().len(), 1);
}

#[test]
fn scanning_a_certificate_number_or_a_card_sku_finds_the_card() {
    use trove_core::scan::Scanned;
    let dir = temp_dir();
    let store = new_store(dir.path());
    let slab = store
        .create_item(&trove_core::ItemChanges {
            sku: Some("PSA-CHZ-1".into()),
            ..titled("Charizard PSA 9")
        })
        .unwrap();
    store
        .set_card(
            &slab.id,
            Card {
                grader: Some("PSA".into()),
                grade: Grade::parse("9"),
                cert_number: Some("87654321".into()),
                ..Card::tcg()
            },
        )
        .unwrap();
    for code in ["87654321", " 87654321\r", "PSA-CHZ-1"] {
        match store.scan(code).unwrap() {
            Scanned::Item { item, .. } => assert_eq!(item.id, slab.id, "{code:?}"),
            other => panic!("{code:?} found {other:?}"),
        }
    }
    assert!(matches!(
        store.scan("87654322").unwrap(),
        Scanned::None { .. }
    ));
}

#[test]
fn the_cli_imports_a_catalogue_shows_completion_and_keeps_collections() {
    let dir = temp_dir();
    let db = dir.path().join("trove.db");
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/cards");
    let trove = |args: &[&str]| {
        let out = std::process::Command::new(crate::common::trove_bin())
            .arg("--db")
            .arg(&db)
            .args(args)
            .output()
            .expect("trove runs");
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    };
    let scryfall = fixtures.join("scryfall-cards.json");
    let (code, out) = trove(&["catalogue", "import", scryfall.to_str().unwrap(), "--json"]);
    assert_eq!(code, Some(0), "{out}");
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        (report["sets"].as_u64(), report["cards"].as_u64()),
        (Some(2), Some(20))
    );

    {
        let store = trove_core::Store::open(&db).unwrap();
        let item = store.create_item(&titled("Valley Bolt")).unwrap();
        store
            .set_card(
                &item.id,
                Card {
                    set_code: Some("trv".into()),
                    collector_number: Some("3".into()),
                    ..Card::tcg()
                },
            )
            .unwrap();
    }
    let (code, out) = trove(&["completion", "TRV", "--json"]);
    assert_eq!(code, Some(0), "{out}");
    let c: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        (c["owned"].as_u64(), c["total"].as_u64()),
        (Some(1), Some(15))
    );
    assert_eq!(c["percent"].as_f64(), Some(6.7));
    let (code, _) = trove(&["completion", "NOPE"]);
    assert_eq!(code, Some(1), "an unknown set is an error");

    let (code, out) = trove(&["collection", "add", "Red binder", "--mode", "set", "--json"]);
    assert_eq!(code, Some(0), "{out}");
    let store = trove_core::Store::open(&db).unwrap();
    let item = store.create_item(&titled("Loose card")).unwrap();
    drop(store);
    let (code, _) = trove(&["collection", "add", "red binder", &item.id]);
    assert_eq!(code, Some(0));
    let (_, out) = trove(&["collection", "show", "Red binder", "--json"]);
    let shown: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(shown["collection"]["mode"], "set");
    assert_eq!(shown["entries"][0]["item"]["title"], "Loose card");
    let (_, out) = trove(&["collection", "list", "--json"]);
    let all: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(all[0]["items"], 1);

    // Export: Trove's layout takes every item; ManaBox's only Magic cards.
    let csv = dir.path().join("red.csv");
    let (code, out) = trove(&[
        "collection",
        "export",
        "Red binder",
        csv.to_str().unwrap(),
        "--json",
    ]);
    assert_eq!(code, Some(0), "{out}");
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["rows"], 1);
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(text.starts_with("sku,barcode,title,"), "{text}");
    assert!(text.contains("Loose card"), "{text}");
    let (code, _) = trove(&[
        "collection",
        "export",
        "Red binder",
        csv.to_str().unwrap(),
        "--format",
        "xlsx",
    ]);
    assert_eq!(code, Some(2), "an unknown format is wrong usage");
    let (code, _) = trove(&[
        "collection",
        "export",
        "No such binder",
        csv.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(1));
}

#[test]
fn the_cli_keeps_a_wishlist_and_preorders_with_their_slips() {
    let dir = temp_dir();
    let db = dir.path().join("trove.db");
    let trove = |args: &[&str]| {
        let out = std::process::Command::new(crate::common::trove_bin())
            .arg("--db")
            .arg(&db)
            .args(args)
            .output()
            .expect("trove runs");
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (code, _, err) = trove(&["wish", "add", "Alpha Black Lotus", "--max", "lots"]);
    assert_eq!(code, Some(1));
    assert!(err.contains("max_price") || err.contains("lots"), "{err}");
    let (code, out, err) = trove(&[
        "wish",
        "add",
        "Alpha Black Lotus",
        "--max",
        "12000.50 EUR",
        "--json",
    ]);
    assert_eq!(code, Some(0), "{err}");
    let wish: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(wish["max_price"]["amount"], 1_200_050);
    assert_eq!(wish["max_price"]["currency"], "EUR");
    let (_, out, _) = trove(&["wish", "list"]);
    assert!(
        out.contains("Alpha Black Lotus") && out.contains("12000.50"),
        "{out}"
    );
    let id = wish["id"].as_str().unwrap();
    assert_eq!(trove(&["wish", "remove", id]).0, Some(0));
    assert_eq!(trove(&["wish", "remove", id]).0, Some(1), "already gone");

    {
        let store = trove_core::Store::open(&db).unwrap();
        let mut fields = titled("Booster box");
        fields.sku = Some("PRE-1".into());
        store.create_item(&fields).unwrap();
    }
    let (code, _, err) = trove(&["preorder", "set", "PRE-1", "--release", "2027-02-30"]);
    assert_eq!(code, Some(1), "no such date");
    assert!(
        err.contains("release_on") || err.contains("2027-02-30"),
        "{err}"
    );
    let (code, _, err) = trove(&[
        "preorder",
        "set",
        "PRE-1",
        "--release",
        "2027-01-15",
        "--deposit",
        "20",
        "--seller",
        "Corner shop",
    ]);
    assert_eq!(code, Some(0), "{err}");
    let (code, out, _) = trove(&[
        "preorder",
        "set",
        "PRE-1",
        "--release",
        "2027-03-01",
        "--json",
    ]);
    assert_eq!(code, Some(0));
    let p: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(p["slips"][0]["from_on"], "2027-01-15");
    assert_eq!(p["slips"][0]["to_on"], "2027-03-01");
    assert_eq!(
        p["deposit"]["amount"], 2000,
        "the deposit is kept when not given again"
    );
    let (_, out, _) = trove(&["preorder", "list"]);
    assert!(out.contains("slipped 2027-01-15 → 2027-03-01"), "{out}");
    let (code, out, _) = trove(&["preorder", "receive", "PRE-1", "--json"]);
    assert_eq!(code, Some(0));
    assert!(serde_json::from_str::<serde_json::Value>(&out).unwrap()["received_at"].is_string());
    let (_, out, _) = trove(&["preorder", "list", "--json"]);
    assert_eq!(out.trim(), "[]", "received pre-orders leave the list");
}

/// The fields of an `Error::Invalid`, as (field, code).
fn invalid_fields(e: Error) -> Vec<(&'static str, &'static str)> {
    match e {
        Error::Invalid(fields) => fields.iter().map(|f| (f.field, f.code)).collect(),
        other => panic!("expected field errors, got {other:?}"),
    }
}

#[test]
fn wishes_and_preorders_typed_in_forms_are_read_by_the_core_blank_meaning_none() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    let wish = store
        .add_wish_input(&WishInput {
            title: "  Alpha Black Lotus ".into(),
            max_price: "10000 EUR".into(),
            notes: "   ".into(),
        })
        .unwrap();
    assert_eq!(wish.title, "Alpha Black Lotus");
    assert_eq!(
        wish.max_price,
        Some(Money::new(1_000_000, Currency::parse("EUR").unwrap()))
    );
    assert_eq!(wish.notes, None, "blank notes are none");
    // Every wrong field is named at once, and nothing is added.
    let refused = store
        .add_wish_input(&WishInput {
            title: " ".into(),
            max_price: "a lot".into(),
            notes: String::new(),
        })
        .unwrap_err();
    assert_eq!(
        invalid_fields(refused),
        [("title", "required"), ("max_price", "amount_invalid")]
    );
    assert_eq!(store.wishlist().unwrap().len(), 1);

    let bbox = store.create_item(&titled("Booster box")).unwrap();
    let p = store
        .set_preorder_input(&PreorderInput {
            item: bbox.id.clone(),
            release_on: "2027-01-15".into(),
            deposit: "50".into(),
            seller: " ".into(),
            ordered_on: String::new(),
        })
        .unwrap();
    assert_eq!(
        (p.release_on.as_str(), p.deposit, p.seller, p.ordered_on),
        ("2027-01-15", Some(usd(5_000)), None, None)
    );
    // An unknown item is the item field's problem, beside the others.
    let refused = store
        .set_preorder_input(&PreorderInput {
            item: "NO-SUCH".into(),
            release_on: "soon".into(),
            deposit: "-".into(),
            ..PreorderInput::default()
        })
        .unwrap_err();
    assert_eq!(
        invalid_fields(refused),
        [
            ("item", "item_unknown"),
            ("release_on", "date"),
            ("deposit", "amount_invalid")
        ]
    );
    let blank = store
        .set_preorder_input(&PreorderInput::default())
        .unwrap_err();
    assert_eq!(
        invalid_fields(blank),
        [("item", "required"), ("release_on", "date")]
    );
}

#[test]
fn wishes_and_preorders_with_every_date_slip_kept() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    let wish = store
        .add_wish("Alpha Black Lotus", Some(usd(1_000_000)), Some("any grade"))
        .unwrap();
    store.add_wish("Base Set Charizard", None, None).unwrap();
    assert_eq!(
        store.add_wish("  ", None, None).unwrap_err().detail_code(),
        "required"
    );
    let titles: Vec<String> = store
        .wishlist()
        .unwrap()
        .into_iter()
        .map(|w| w.title)
        .collect();
    assert_eq!(titles, ["Alpha Black Lotus", "Base Set Charizard"]);
    store.remove_wish(&wish.id).unwrap();
    assert_eq!(store.wishlist().unwrap().len(), 1);

    let bbox = store
        .create_item(&titled("Foundations booster box"))
        .unwrap();
    let p = store
        .set_preorder(
            &bbox.id,
            "2026-11-15",
            Some(usd(5_000)),
            Some("Local game store"),
            Some("2026-08-01"),
        )
        .unwrap();
    assert_eq!(
        (p.release_on.as_str(), p.deposit),
        ("2026-11-15", Some(usd(5_000)))
    );
    assert!(p.slips.is_empty());
    store
        .set_preorder(&bbox.id, "2026-11-15", None, None, None)
        .unwrap();
    store
        .set_preorder(&bbox.id, "2026-12-01", None, None, None)
        .unwrap();
    let p = store
        .set_preorder(&bbox.id, "2027-01-10", None, None, None)
        .unwrap();
    let slips: Vec<(&str, &str)> = p
        .slips
        .iter()
        .map(|s| (s.from_on.as_str(), s.to_on.as_str()))
        .collect();
    assert_eq!(
        slips,
        [("2026-11-15", "2026-12-01"), ("2026-12-01", "2027-01-10")]
    );
    assert_eq!(
        p.deposit,
        Some(usd(5_000)),
        "a later change keeps the deposit"
    );
    assert_eq!(p.seller.as_deref(), Some("Local game store"));
    assert_eq!(
        crate::common::count(
            &dir.path().join("trove.db"),
            "SELECT count(*) FROM notifications WHERE kind = 'preorder_slip'"
        ),
        2,
        "each slip is a notification"
    );
    assert_eq!(
        store
            .set_preorder(&bbox.id, "15/01/2027", None, None, None)
            .unwrap_err()
            .detail_code(),
        "date"
    );
    assert_eq!(store.preorders().unwrap().len(), 1);
    store.receive_preorder(&bbox.id).unwrap();
    assert!(store.preorders().unwrap().is_empty());
}

#[test]
fn a_collection_value_over_time_sums_each_item_latest_value() {
    use trove_core::cards::CollectionMode;
    let dir = temp_dir();
    let db = dir.path().join("trove.db");
    let store = new_store(dir.path());
    let a = store
        .create_item(&trove_core::ItemChanges {
            quantity: Some(2),
            ..titled("A")
        })
        .unwrap();
    let b = store.create_item(&titled("B")).unwrap();
    let binder = store
        .create_collection("Binder", "binder", CollectionMode::Value)
        .unwrap();
    store
        .add_to_collection(&binder.id, &[a.id.clone(), b.id.clone()])
        .unwrap();
    let value = |id: &str, v: i64| {
        store
            .set_card(
                id,
                Card {
                    value: Some(usd(v)),
                    ..Card::tcg()
                },
            )
            .unwrap();
    };
    value(&a.id, 1_000);
    value(&b.id, 500);
    value(&a.id, 1_500);
    // Spread the points over three days, as they would be.
    let conn = rusqlite::Connection::open(&db).unwrap();
    for (seq, day) in [(1, "2026-01-01"), (2, "2026-01-02"), (3, "2026-01-03")] {
        conn.execute(
            "UPDATE price_points SET at = ?2 || substr(at, 11) WHERE seq = ?1",
            rusqlite::params![seq, day],
        )
        .unwrap();
    }
    let history = store.collection_value_history("Binder").unwrap();
    let got: Vec<(&str, i64)> = history
        .iter()
        .map(|p| (p.on.as_str(), p.value.amount))
        .collect();
    assert_eq!(
        got,
        [
            ("2026-01-01", 2_000),
            ("2026-01-02", 2_500),
            ("2026-01-03", 3_500)
        ]
    );
}

#[test]
fn cards_are_found_through_the_one_search_box_by_their_details() {
    use trove_core::search::SearchQuery;
    let dir = temp_dir();
    let store = new_store(dir.path());
    let ohtani = store.create_item(&titled("2018 Bowman Chrome")).unwrap();
    store
        .set_card(
            &ohtani.id,
            Card {
                sport: Some("baseball".into()),
                year: Some(2018),
                player: Some("Shohei Ohtani".into()),
                team: Some("Angels".into()),
                rookie: true,
                grader: Some("PSA".into()),
                grade: Grade::parse("10"),
                cert_number: Some("55443322".into()),
                ..Card::sports()
            },
        )
        .unwrap();
    let bolt = store.create_item(&titled("Lightning Bolt")).unwrap();
    store
        .set_card(
            &bolt.id,
            Card {
                set_code: Some("2XM".into()),
                set_name: Some("Double Masters".into()),
                collector_number: Some("117".into()),
                ..Card::tcg()
            },
        )
        .unwrap();
    let found = |text: &str| -> Vec<String> {
        store
            .search(&SearchQuery {
                text: text.into(),
                ..Default::default()
            })
            .unwrap()
            .items
            .into_iter()
            .map(|i| i.fields.title)
            .collect()
    };
    assert_eq!(found("ohtani"), ["2018 Bowman Chrome"]);
    assert_eq!(found("angels rook"), ["2018 Bowman Chrome"]);
    assert_eq!(found("55443322"), ["2018 Bowman Chrome"]);
    assert_eq!(found("double mast"), ["Lightning Bolt"]);
    assert_eq!(found("2xm 117"), ["Lightning Bolt"]);
    // Edited details are found by their new words, and no longer by the old.
    store
        .set_card(
            &bolt.id,
            Card {
                set_code: Some("LEA".into()),
                ..Card::tcg()
            },
        )
        .unwrap();
    assert!(found("double").is_empty());
    assert_eq!(found("lea"), ["Lightning Bolt"]);
    store.clear_card(&ohtani.id).unwrap();
    assert!(found("ohtani").is_empty());
    assert!(
        store.doctor().unwrap().healthy(),
        "the index matches the items"
    );
}

#[test]
fn completion_values_imported_cards_at_their_catalogue_market_price() {
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/cards");
    let dir = temp_dir();
    let store = new_store(dir.path());
    store
        .import_catalogue(&fixtures.join("scryfall-cards.json"), &mut Job::quiet())
        .unwrap();
    store
        .import_cards(
            &fixtures.join("manabox.csv"),
            None,
            &trove_core::import::ImportOptions::default(),
            &mut Job::quiet(),
        )
        .unwrap();
    let trv = store.completion("TRV").unwrap();
    let tvc = store.completion("TVC").unwrap();
    assert_eq!((trv.owned, trv.total, trv.percent), (9, 15, 60.0));
    // The fixtures README: USD 37.82 at Scryfall prices by finish.
    assert_eq!(trv.value_owned.amount + tvc.value_owned.amount, 3_782);
}

/// The editor's fields come from the core: blank in the home currency for
/// an item that is not a card, and refilled from what was kept on a save.
#[test]
fn the_card_form_is_filled_by_the_core_and_refilled_after_a_save() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    store.set_home_currency("JPY").unwrap();
    let item = store.create_item(&titled("Jordan rookie")).unwrap();
    let blank = store.card_form(&item.id).unwrap();
    assert_eq!(blank.card, None);
    assert_eq!(
        (
            blank.input.kind.as_str(),
            blank.input.value_currency.as_str()
        ),
        ("tcg", "JPY")
    );

    let typed = CardInput {
        kind: "sports".into(),
        serial: "#12 of 99".into(),
        grader: "psa".into(),
        grade: "9,5".into(),
        value: "1.5".into(),
        value_currency: "eur".into(),
        ..blank.input
    };
    let saved = store.set_card_form(&item.id, &typed).unwrap();
    assert_eq!(
        [
            saved.input.serial.as_str(),
            saved.input.grader.as_str(),
            saved.input.grade.as_str(),
            saved.input.value.as_str(),
            saved.input.value_currency.as_str(),
        ],
        ["12/99", "PSA", "9.5", "1.50", "EUR"],
        "as the core keeps them"
    );
    assert_eq!(
        saved.card.as_ref().map(|c| c.grade),
        Some(Grade::parse("9.5"))
    );
    assert_eq!(
        store.card_form(&item.id).unwrap(),
        saved,
        "a reload shows the same"
    );
}
