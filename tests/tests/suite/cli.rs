//! The `trove` binary's contract: exit codes, JSON output, and every
//! command working on a real database file.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::common::{assert_exit, stdout_json, temp_dir, trove, trove_in};

fn db_in(dir: &Path) -> PathBuf {
    dir.join("trove.db")
}

/// Runs a command that must succeed and print JSON.
fn ok_json(db: &Path, args: &[&str]) -> Value {
    let out = trove(db, args);
    assert_exit(&out, 0, &args.join(" "));
    stdout_json(&out)
}

fn add_item(db: &Path, args: &[&str]) -> Value {
    let mut all = vec!["item", "add", "--json"];
    all.extend_from_slice(args);
    ok_json(db, &all)
}

#[test]
fn init_creates_the_database_and_prints_its_path() {
    let dir = temp_dir();
    let db = db_in(dir.path());
    let out = trove(&db, &["init"]);
    assert_exit(&out, 0, "init");
    assert!(db.exists());
    assert!(String::from_utf8_lossy(&out.stdout).contains("trove.db"));
    assert_exit(&trove(&db, &["init"]), 0, "init again");
}

#[test]
fn stats_json_counts_items_and_units() {
    let dir = temp_dir();
    let db = db_in(dir.path());
    add_item(&db, &["--title", "Mug", "--quantity", "3"]);
    add_item(&db, &["--title", "Plate", "--quantity", "4"]);
    add_item(&db, &["--title", "Empty box", "--quantity", "0"]);
    let stats = ok_json(&db, &["stats", "--json"]);
    assert_eq!(stats["items"], 3);
    assert_eq!(stats["units"], 7, "units are the sum of quantities");
}

#[test]
fn search_json_prints_an_array_of_items() {
    let dir = temp_dir();
    let db = db_in(dir.path());
    add_item(&db, &["--title", "Blue Vase", "--sku", "V-1"]);
    add_item(&db, &["--title", "Red Bowl"]);
    let found = ok_json(&db, &["search", "blu", "--json"]);
    let items = found.as_array().expect("a JSON array");
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["title"], "Blue Vase");
    assert_eq!(items[0]["sku"], "V-1");
    assert!(items[0]["id"].is_string());

    let none = ok_json(&db, &["search", "\"(unbalanced AND *", "--json"]);
    assert_eq!(
        none,
        serde_json::json!([]),
        "hostile text is a search that finds nothing"
    );
}

#[test]
fn scan_json_says_what_the_code_is() {
    let dir = temp_dir();
    let db = db_in(dir.path());
    let bin = ok_json(&db, &["bin", "add", "Garage Tote", "--json"]);
    let code = bin["code"].as_str().expect("bin code").to_string();
    add_item(
        &db,
        &[
            "--title",
            "Tissue Box",
            "--sku",
            "TB-1",
            "--barcode",
            "036000291452",
        ],
    );

    let item = ok_json(&db, &["scan", "tb-1", "--json"]);
    assert_eq!(item["kind"], "item");
    assert_eq!(item["item"]["title"], "Tissue Box");
    let by_barcode = ok_json(&db, &["scan", "00036000291452", "--json"]);
    assert_eq!(by_barcode["kind"], "item");
    let location = ok_json(&db, &["scan", &code, "--json"]);
    assert_eq!(location["kind"], "location");
    let none = ok_json(&db, &["scan", "4006381333931", "--json"]);
    assert_eq!(none["kind"], "none");
    assert_eq!(none["code"], "04006381333931");
}

#[test]
fn import_json_on_a_bad_file_exits_1_and_lists_the_errors() {
    let dir = temp_dir();
    let db = db_in(dir.path());
    let file = dir.path().join("bad.csv");
    std::fs::write(
        &file,
        "title,barcode,quantity\nGood,,1\nBad barcode,036000291453,1\nBad qty,,-2\n",
    )
    .expect("write");
    let out = trove(&db, &["import", file.to_str().expect("path"), "--json"]);
    assert_exit(&out, 1, "import of a bad file");
    let report = stdout_json(&out);
    assert_eq!(report["committed"], false);
    let errors = report["errors"].as_array().expect("errors");
    let seen: Vec<(u64, &str, &str)> = errors
        .iter()
        .map(|e| {
            (
                e["line"].as_u64().expect("line"),
                e["column"].as_str().expect("column"),
                e["value"].as_str().expect("value"),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [(3, "barcode", "036000291453"), (4, "quantity", "-2")]
    );
    assert_eq!(
        ok_json(&db, &["stats", "--json"])["items"],
        0,
        "nothing imported"
    );
}

#[test]
fn import_refuses_an_empty_file_and_creates_missing_locations_unless_told_not_to() {
    let dir = temp_dir();
    let db = db_in(dir.path());
    let empty = dir.path().join("empty.csv");
    std::fs::write(&empty, "").expect("write");
    let out = trove(&db, &["import", empty.to_str().expect("path")]);
    assert_exit(&out, 1, "import of an empty file");
    let said =
        String::from_utf8_lossy(&out.stderr).to_string() + &String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("the file is empty"), "{said}");

    let file = dir.path().join("places.csv");
    std::fs::write(
        &file,
        "sku,title,location\nP-1,Lamp,B12-3\nP-1,Lamp (boxed),B12-3\n",
    )
    .expect("write");
    let path = file.to_str().expect("path");
    let strict = trove(&db, &["import", path, "--no-create-locations", "--json"]);
    assert_exit(&strict, 1, "a strict import of unknown locations");
    assert_eq!(
        stdout_json(&strict)["errors"][0]["code"],
        "location_unknown"
    );

    let out = trove(&db, &["import", path]);
    assert_exit(&out, 0, "an import that creates its locations");
    let said = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(
        said.contains("2 new bin(s) and section(s) created"),
        "{said}"
    );
    assert!(
        said.contains("SKU P-1 is on lines 2 and 3; line 3 updated line 2"),
        "{said}"
    );
    let item = ok_json(&db, &["item", "show", "P-1", "--json"]);
    assert_eq!(item["location"]["code"], "B12-3");
}

#[test]
fn wrong_usage_exits_2() {
    let dir = temp_dir();
    let db = db_in(dir.path());
    for args in [
        vec!["frobnicate"],
        vec!["scan"],
        vec!["item", "show"],
        vec!["import"],
        vec!["move", "X"],
        vec!["search", "x", "--status", "lost"],
        vec!["stats", "--no-such-flag"],
        vec![],
    ] {
        let out = trove(&db, &args);
        assert_exit(&out, 2, &format!("trove {}", args.join(" ")));
    }
    assert!(!db.exists(), "wrong usage does not create a database");
}

#[test]
fn help_works_for_every_subcommand() {
    let dir = temp_dir();
    let db = db_in(dir.path());
    let commands: &[&[&str]] = &[
        &[],
        &["init"],
        &["import"],
        &["export"],
        &["search"],
        &["list"],
        &["scan"],
        &["item"],
        &["item", "add"],
        &["item", "show"],
        &["item", "edit"],
        &["item", "delete"],
        &["item", "restore"],
        &["trash"],
        &["trash", "list"],
        &["trash", "empty"],
        &["bin"],
        &["bin", "add"],
        &["bin", "add-section"],
        &["bin", "list"],
        &["bin", "rename"],
        &["bin", "delete"],
        &["move"],
        &["stats"],
        &["doctor"],
        &["bench"],
        &["bench", "gen"],
        &["bench", "search"],
        &["bench", "scan"],
        &["bench", "lists"],
    ];
    for command in commands {
        let mut args = command.to_vec();
        args.push("--help");
        let out = trove(&db, &args);
        assert_exit(&out, 0, &args.join(" "));
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("Usage"),
            "{args:?} prints usage"
        );
    }
}

#[test]
fn items_can_be_added_shown_edited_deleted_and_restored() {
    let dir = temp_dir();
    let db = db_in(dir.path());
    let added = add_item(
        &db,
        &[
            "--title",
            "Denim Jacket",
            "--sku",
            "DJ-1",
            "--price",
            "24.99",
            "--condition",
            "Like New",
            "--tags",
            "denim; 90s",
        ],
    );
    assert_eq!(added["title"], "Denim Jacket");
    assert_eq!(added["condition"], "like_new");
    assert_eq!(added["price"]["amount"], 2499);
    assert_eq!(added["tags"], serde_json::json!(["denim", "90s"]));
    let id = added["id"].as_str().expect("id").to_string();

    let shown = ok_json(&db, &["item", "show", "dj-1", "--json"]);
    assert_eq!(shown["id"], id.as_str());
    let human = trove(&db, &["item", "show", "DJ-1"]);
    assert_exit(&human, 0, "item show");
    assert!(String::from_utf8_lossy(&human.stdout).contains("Denim Jacket"));

    let edited = ok_json(
        &db,
        &[
            "item",
            "edit",
            "DJ-1",
            "--title",
            "Denim Jacket (M)",
            "--quantity",
            "2",
            "--json",
        ],
    );
    assert_eq!(
        (edited["title"].as_str(), edited["quantity"].as_i64()),
        (Some("Denim Jacket (M)"), Some(2))
    );
    let found = ok_json(&db, &["search", "jacket", "--json"]);
    assert_eq!(
        found[0]["title"], "Denim Jacket (M)",
        "the edited item is found by its words"
    );
    let history = ok_json(&db, &["item", "show", "DJ-1", "--history", "--json"]);
    assert_eq!(history["history"][0]["action"], "update");

    let refused = trove(&db, &["item", "edit", "DJ-1", "--quantity", "-1", "--json"]);
    assert_exit(&refused, 1, "a negative quantity is refused");
    let refused = stdout_json(&refused);
    assert_eq!(refused["error"]["code"], "invalid");
    assert_eq!(refused["error"]["fields"][0]["field"], "quantity");
    assert_eq!(refused["error"]["fields"][0]["code"], "quantity_negative");

    let deleted = ok_json(&db, &["item", "delete", "DJ-1", "--json"]);
    assert!(deleted["deleted_at"].is_string());
    assert_eq!(
        ok_json(&db, &["search", "denim", "--json"]),
        serde_json::json!([])
    );
    assert_eq!(ok_json(&db, &["stats", "--json"])["trashed"], 1);

    let restored = ok_json(&db, &["item", "restore", &id, "--json"]);
    assert!(restored["deleted_at"].is_null());
    let found = ok_json(&db, &["search", "denim", "--json"]);
    assert_eq!(found.as_array().map(Vec::len), Some(1));

    let missing = trove(&db, &["item", "show", "NOPE", "--json"]);
    assert_exit(&missing, 1, "show of an unknown item");
    assert_eq!(stdout_json(&missing)["error"]["code"], "not_found");
}

#[test]
fn bins_can_be_added_and_listed_with_their_counts() {
    let dir = temp_dir();
    let db = db_in(dir.path());
    let tote = ok_json(
        &db,
        &["bin", "add", "Garage Tote", "--kind", "clothing", "--json"],
    );
    let binder = ok_json(&db, &["bin", "add", "Card Binder", "--json"]);
    assert_ne!(tote["code"], binder["code"]);
    let tote_code = tote["code"].as_str().expect("code").to_string();
    let section = ok_json(
        &db,
        &["bin", "add-section", &tote_code, "Top shelf", "--json"],
    );
    assert_eq!(section["code"], format!("{tote_code}-1").as_str());
    add_item(
        &db,
        &[
            "--title",
            "Scarf",
            "--quantity",
            "3",
            "--location",
            &format!("{tote_code}-1"),
        ],
    );

    let bins = ok_json(&db, &["bin", "list", "--json"]);
    let bins = bins.as_array().expect("array");
    assert_eq!(bins.len(), 2);
    let tote = bins
        .iter()
        .find(|b| b["code"] == tote_code.as_str())
        .expect("the tote is listed");
    assert_eq!(
        (tote["name"].as_str(), tote["kind"].as_str()),
        (Some("Garage Tote"), Some("clothing"))
    );
    assert_eq!(
        (tote["items"].as_i64(), tote["units"].as_i64()),
        (Some(1), Some(3))
    );
    assert_eq!(tote["sections"][0]["units"], 3);

    let taken = trove(
        &db,
        &["bin", "add", "garage tote", "--kind", "Clothing", "--json"],
    );
    assert_exit(&taken, 1, "a bin name is unique per kind");
    assert_eq!(stdout_json(&taken)["error"]["code"], "name_taken");
}

#[test]
fn move_puts_an_item_away_and_splits_a_stack() {
    let dir = temp_dir();
    let db = db_in(dir.path());
    let b1 = ok_json(&db, &["bin", "add", "Shelf A", "--json"])["code"]
        .as_str()
        .expect("code")
        .to_string();
    let b2 = ok_json(&db, &["bin", "add", "Shelf B", "--json"])["code"]
        .as_str()
        .expect("code")
        .to_string();
    let stack = add_item(
        &db,
        &[
            "--title",
            "Pokemon booster",
            "--sku",
            "PB-1",
            "--quantity",
            "5",
        ],
    );
    let stack_id = stack["id"].as_str().expect("id").to_string();

    let moved = ok_json(&db, &["move", "PB-1", &b1, "--json"]);
    assert_eq!(moved["location"]["code"], b1.as_str());
    assert_eq!(moved["quantity"], 5);

    let split = ok_json(&db, &["move", "PB-1", &b2, "--quantity", "2", "--json"]);
    assert_eq!(split["quantity"], 2);
    assert_eq!(split["location"]["code"], b2.as_str());
    assert_eq!(
        split["origin_id"],
        stack_id.as_str(),
        "the split row remembers its origin"
    );
    assert_ne!(split["id"], stack_id.as_str());

    let rest = ok_json(&db, &["item", "show", "PB-1", "--json"]);
    assert_eq!(rest["quantity"], 3);
    assert_eq!(rest["location"]["code"], b1.as_str());
    let page = ok_json(&db, &["list", "--json"]);
    let rows = page["items"].as_array().expect("items");
    assert_eq!(rows.len(), 2, "two rows");
    assert_eq!(
        rows.iter()
            .map(|r| r["quantity"].as_i64().expect("quantity"))
            .sum::<i64>(),
        5,
        "quantities add up"
    );
    let stats = ok_json(&db, &["stats", "--json"]);
    assert_eq!(
        (stats["items"].as_i64(), stats["units"].as_i64()),
        (Some(2), Some(5))
    );

    let too_many = trove(&db, &["move", "PB-1", &b2, "--quantity", "9", "--json"]);
    assert_exit(&too_many, 1, "cannot move more than the stack holds");
    let nowhere = trove(&db, &["move", "PB-1", "B999", "--json"]);
    assert_exit(&nowhere, 1, "an unknown location code is refused");
    assert_eq!(
        ok_json(&db, &["bin", "list", "--json"])
            .as_array()
            .map(Vec::len),
        Some(2),
        "no bin was made up"
    );
}

#[test]
fn export_then_import_into_a_fresh_database_gives_the_same_stats() {
    let dir = temp_dir();
    let db = db_in(dir.path());
    let tote = ok_json(&db, &["bin", "add", "Garage Tote", "--json"])["code"]
        .as_str()
        .expect("code")
        .to_string();
    ok_json(&db, &["bin", "add-section", &tote, "Top", "--json"]);
    add_item(
        &db,
        &[
            "--title",
            "Scarf",
            "--quantity",
            "3",
            "--price",
            "12.50",
            "--location",
            &format!("{tote}-1"),
            "--status",
            "active",
        ],
    );
    add_item(
        &db,
        &[
            "--title",
            "Hat",
            "--price",
            "1200",
            "--currency",
            "JPY",
            "--cost",
            "500",
            "--location",
            &tote,
        ],
    );
    add_item(
        &db,
        &[
            "--title",
            "=cmd|' /C calc'!A0",
            "--cost",
            "2.50",
            "--cost-currency",
            "EUR",
            "--quantity",
            "0",
        ],
    );
    add_item(
        &db,
        &[
            "--title",
            "Book",
            "--barcode",
            "0306406152",
            "--status",
            "archived",
            "--tags",
            "paper;old",
        ],
    );
    let file = dir.path().join("export.csv");
    let exported = ok_json(&db, &["export", file.to_str().expect("path"), "--json"]);
    assert_eq!(exported["rows"], 4);

    let fresh = dir.path().join("fresh.db");
    let out = trove(&fresh, &["import", file.to_str().expect("path"), "--json"]);
    assert_exit(&out, 0, "import of an export");
    assert_eq!(stdout_json(&out)["created"], 4);
    assert_eq!(
        ok_json(&fresh, &["stats", "--json"]),
        ok_json(&db, &["stats", "--json"])
    );
}

#[test]
fn the_trove_db_variable_picks_the_database_when_no_db_is_given() {
    let dir = temp_dir();
    let db = dir.path().join("from-env.db");
    let out = trove_in(dir.path(), Some(&db), &["init"]);
    assert_exit(&out, 0, "init with TROVE_DB");
    assert!(db.exists(), "TROVE_DB named the file");
    let out = trove_in(
        dir.path(),
        Some(&db),
        &["item", "add", "--title", "Lamp", "--json"],
    );
    assert_exit(&out, 0, "item add with TROVE_DB");
    assert_eq!(
        ok_json(&db, &["stats", "--json"])["items"],
        1,
        "the item went into the TROVE_DB file"
    );

    // --db wins over TROVE_DB.
    let other = dir.path().join("other.db");
    let out = trove_in(
        dir.path(),
        Some(&db),
        &["--db", other.to_str().expect("path"), "stats", "--json"],
    );
    assert_exit(&out, 0, "stats with both");
    assert_eq!(stdout_json(&out)["items"], 0);
    assert!(
        !dir.path().join("xdg").exists(),
        "the default location was never used"
    );
}

#[test]
fn doctor_exits_0_on_a_healthy_database() {
    let dir = temp_dir();
    let db = db_in(dir.path());
    add_item(&db, &["--title", "Lamp"]);
    let out = trove(&db, &["doctor"]);
    assert_exit(&out, 0, "doctor");
    let report = ok_json(&db, &["doctor", "--json"]);
    let checks = report["checks"].as_array().expect("checks");
    assert!(!checks.is_empty());
    for c in checks {
        assert_eq!(c["problems"], serde_json::json!([]), "{c}");
    }
}

#[test]
fn a_split_stack_remembers_where_its_units_came_from() {
    let dir = temp_dir();
    let db = db_in(dir.path());
    let b1 = ok_json(&db, &["bin", "add", "Shelf A", "--json"])["code"]
        .as_str()
        .expect("code")
        .to_string();
    let b2 = ok_json(&db, &["bin", "add", "Shelf B", "--json"])["code"]
        .as_str()
        .expect("code")
        .to_string();
    add_item(
        &db,
        &[
            "--title",
            "Booster",
            "--sku",
            "PB-2",
            "--quantity",
            "5",
            "--location",
            &b1,
        ],
    );
    let split = ok_json(&db, &["move", "PB-2", &b2, "--quantity", "2", "--json"]);
    let split_id = split["id"].as_str().expect("id").to_string();
    let shown = ok_json(&db, &["item", "show", &split_id, "--history", "--json"]);
    let moves = shown["moves"].as_array().expect("moves");
    assert_eq!(moves.len(), 1, "{moves:?}");
    assert_eq!(moves[0]["quantity"], 2);
    assert_eq!(moves[0]["to"], b2.as_str());
    assert_eq!(
        moves[0]["from"],
        b1.as_str(),
        "the move history says where the split units were taken from"
    );
}

#[test]
fn listing_commands_publish_edit_and_end_with_the_outbox_behind_them() {
    let dir = temp_dir();
    let db = db_in(dir.path());
    add_item(
        &db,
        &["--title", "Brass lamp", "--sku", "LAMP-1", "--price", "40"],
    );
    let added = ok_json(
        &db,
        &[
            "listing",
            "add",
            "LAMP-1",
            "--platform",
            "eBay",
            "--price",
            "45.00",
            "--publish",
            "--json",
        ],
    );
    assert_eq!(added["listing"]["status"], "pending");
    assert_eq!(added["listing"]["price"]["amount"], 4500);
    assert_eq!(added["jobs"][0]["kind"], "create");
    let id = added["listing"]["id"].as_str().expect("id").to_string();

    let set = ok_json(
        &db,
        &["listing", "set", &id, "--status", "active", "--json"],
    );
    assert_eq!(set["listing"]["status"], "active");
    let ended = ok_json(&db, &["listing", "end", &id, "--json"]);
    assert_eq!(ended["listing"]["status"], "ended");
    let kinds: Vec<&str> = ended["jobs"]
        .as_array()
        .expect("jobs")
        .iter()
        .map(|j| j["kind"].as_str().expect("kind"))
        .collect();
    assert_eq!(kinds, ["create", "end"]);
    let outbox = ok_json(&db, &["outbox", "--json"]);
    assert_eq!(outbox.as_array().expect("jobs").len(), 2);
    let listed = ok_json(&db, &["listing", "list", "LAMP-1", "--json"]);
    assert_eq!(listed.as_array().expect("listings").len(), 1);
    let ended = ok_json(
        &db,
        &[
            "listing",
            "list",
            "--platform",
            "ebay",
            "--status",
            "ended",
            "--json",
        ],
    );
    assert_eq!(ended["rows"][0]["title"], "Brass lamp");
    let unlisted = ok_json(&db, &["listing", "list", "--unlisted", "--json"]);
    assert_eq!(
        unlisted["items"][0]["sku"], "LAMP-1",
        "its only listing ended"
    );

    // Refused input exits 1 and says why; an ended listing can't sell.
    let out = trove(
        &db,
        &["listing", "add", "LAMP-1", "--platform", "craigslist"],
    );
    assert_exit(&out, 1, "an unknown platform");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("not a platform Trove knows"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = trove(&db, &["listing", "set", &id, "--status", "sold", "--json"]);
    assert_exit(&out, 1, "an ended listing sold");
    assert_eq!(
        stdout_json(&out)["error"]["fields"][0]["code"],
        "status_transition"
    );
}

#[test]
fn offer_commands_counter_and_accept_into_a_sale() {
    let dir = temp_dir();
    let db = db_in(dir.path());
    add_item(
        &db,
        &["--title", "Desk fan", "--sku", "FAN-1", "--price", "30"],
    );
    let listing = ok_json(
        &db,
        &["listing", "add", "FAN-1", "--platform", "etsy", "--json"],
    );
    let id = listing["listing"]["id"].as_str().expect("id").to_string();
    ok_json(
        &db,
        &["listing", "set", &id, "--status", "active", "--json"],
    );
    let offer = ok_json(&db, &["offer", "add", &id, "--amount", "20", "--json"]);
    let offer_id = offer["id"].as_str().expect("id").to_string();
    let countered = ok_json(
        &db,
        &["offer", "counter", &offer_id, "--amount", "26", "--json"],
    );
    assert_eq!(countered["status"], "countered");
    let accepted = ok_json(&db, &["offer", "accept", &offer_id, "--json"]);
    assert_eq!(accepted["sale"]["price"]["amount"], 2600);
    let out = trove(&db, &["offer", "decline", &offer_id]);
    assert_exit(&out, 1, "declining an accepted offer");
}

#[test]
fn stock_take_by_scan_from_the_command_line() {
    let dir = temp_dir();
    let db = db_in(dir.path());
    ok_json(&db, &["bin", "add", "Shelf", "--json"]);
    add_item(
        &db,
        &["--title", "Radio", "--sku", "RAD-1", "--location", "B1"],
    );
    add_item(
        &db,
        &["--title", "Globe", "--sku", "GLB-1", "--location", "B1"],
    );
    let take = ok_json(&db, &["stock-take", "B1", "RAD-1", "XYZ", "--json"]);
    assert_eq!(take["found"][0]["title"], "Radio");
    assert_eq!(take["missing"][0]["title"], "Globe");
    assert_eq!(take["unknown"][0], "XYZ");
    let places = ok_json(&db, &["stock-take", "--unverified", "7", "--json"]);
    assert_eq!(
        places.as_array().expect("places").len(),
        0,
        "B1 was just counted"
    );
}

#[test]
fn the_checklist_lists_what_to_do_by_hand_and_ticks_it_off() {
    let dir = temp_dir();
    let db = db_in(dir.path());
    add_item(
        &db,
        &["--title", "Wool scarf", "--sku", "SCF-1", "--price", "18"],
    );
    ok_json(
        &db,
        &[
            "listing",
            "add",
            "SCF-1",
            "--platform",
            "poshmark",
            "--publish",
            "--json",
        ],
    );
    let tasks = ok_json(&db, &["checklist", "--json"]);
    assert_eq!(tasks[0]["reason"], "List 'Wool scarf' on Poshmark");
    let id = tasks[0]["id"].as_str().expect("id").to_string();
    let left = ok_json(&db, &["checklist", "--done", &id, "--json"]);
    assert_eq!(left.as_array().expect("tasks").len(), 0);
}

#[test]
fn listing_everywhere_from_a_template_on_the_command_line() {
    let dir = temp_dir();
    let db = db_in(dir.path());
    add_item(
        &db,
        &[
            "--title",
            "Mug",
            "--sku",
            "MUG-1",
            "--brand",
            "Fiesta",
            "--category",
            "Kitchen > Mugs",
        ],
    );
    ok_json(
        &db,
        &[
            "listing",
            "map-category",
            "Kitchen",
            "--platform",
            "ebay",
            "--as",
            "20625",
            "--json",
        ],
    );
    ok_json(
        &db,
        &[
            "listing",
            "template",
            "Kitchen",
            "--title",
            "{brand} {title}",
            "--weight-grams",
            "400",
            "--json",
        ],
    );
    let listed = ok_json(
        &db,
        &[
            "listing",
            "everywhere",
            "MUG-1",
            "--platforms",
            "ebay,mercari",
            "--template",
            "Kitchen",
            "--json",
        ],
    );
    assert_eq!(listed["created"][0]["title"], "Fiesta Mug");
    assert_eq!(
        listed["created"][0]["platform_data"]["platform_category"],
        "20625"
    );
    assert_eq!(listed["created"][1]["platform"], "mercari");
    let out = trove(
        &db,
        &["listing", "everywhere", "MUG-1", "--platforms", "ebay,ebey"],
    );
    assert_exit(&out, 1, "a misspelt platform");
}

#[test]
fn a_rule_runs_dry_then_for_real_from_the_command_line() {
    let dir = temp_dir();
    let db = db_in(dir.path());
    add_item(
        &db,
        &["--title", "Camera", "--sku", "CAM-1", "--price", "200"],
    );
    let listing = ok_json(
        &db,
        &["listing", "add", "CAM-1", "--platform", "ebay", "--json"],
    );
    let id = listing["listing"]["id"].as_str().expect("id").to_string();
    ok_json(
        &db,
        &["listing", "set", &id, "--status", "active", "--json"],
    );
    ok_json(&db, &["offer", "add", &id, "--amount", "100", "--json"]);
    ok_json(
        &db,
        &["rule", "add", "offers", "--kind", "answer-offers", "--json"],
    );
    let dry = ok_json(&db, &["rule", "run", "offers", "--dry-run", "--json"]);
    assert_eq!(dry["decisions"][0]["action"], "decline");
    assert_eq!(
        ok_json(&db, &["offer", "list", "--json"])[0]["status"],
        "pending"
    );
    ok_json(&db, &["rule", "run", "offers", "--json"]);
    assert_eq!(
        ok_json(&db, &["offer", "list", "--json"])[0]["status"],
        "declined"
    );
    // Disabled, a rule leaves new offers to the person when run-due runs.
    let off = ok_json(&db, &["rule", "disable", "offers", "--json"]);
    assert_eq!(off["enabled"], false);
    ok_json(&db, &["offer", "add", &id, "--amount", "90", "--json"]);
    let due = ok_json(&db, &["rule", "run-due", "--json"]);
    assert_eq!(due["runs"].as_array().map(Vec::len), Some(0), "{due}");
    ok_json(&db, &["rule", "enable", "offers", "--json"]);
    let due = ok_json(&db, &["rule", "run-due", "--json"]);
    assert_eq!(due["runs"][0]["decisions"][0]["action"], "decline", "{due}");
    let out = trove(
        &db,
        &[
            "rule",
            "add",
            "bad",
            "--kind",
            "price-drop",
            "--percent",
            "95",
        ],
    );
    assert_exit(&out, 1, "a 95 % cut");
}
