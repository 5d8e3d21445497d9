//! The app's commands are named in four files that nothing else keeps in
//! step: `build.rs` declares them (Tauri generates an `allow-<command>`
//! permission for each), `generate_handler!` registers them, the
//! permission set grants them to the window, and `ipc.ts` calls them. A
//! name missing from one of these fails only at run time, in the app, with
//! "command not found" or "not allowed"; this test names it at build time.

use std::collections::BTreeSet;
use std::path::Path;

const BUILD_RS: &str = "src-tauri/build.rs";
const HANDLER_RS: &str = "src-tauri/src/lib.rs";
const PERMISSIONS: &str = "src-tauri/permissions/trove.toml";
const IPC_TS: &str = "ui/src/lib/ipc.ts";

fn read(file: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(file);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The text with each line cut at `marker` (a line comment), so that a
/// commented-out command does not count.
fn without_comments(text: &str, marker: &str) -> String {
    text.lines()
        .map(|l| l.split_once(marker).map_or(l, |(code, _)| code))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The text between the first `start` and the next `end` after it.
fn between<'a>(text: &'a str, start: &str, end: &str, file: &str) -> &'a str {
    let from = text
        .find(start)
        .unwrap_or_else(|| panic!("{file}: no `{start}`"))
        + start.len();
    let len = text[from..]
        .find(end)
        .unwrap_or_else(|| panic!("{file}: no `{end}` after `{start}`"));
    &text[from..from + len]
}

/// The contents of the double-quoted strings in `text`.
fn quoted(text: &str) -> impl Iterator<Item = &str> {
    text.split('"').skip(1).step_by(2)
}

/// `const COMMANDS: &[&str] = &["list_items", ...];`
fn declared(text: &str) -> Vec<String> {
    let text = without_comments(text, "//");
    let list = between(&text, "const COMMANDS: &[&str] = &[", "];", BUILD_RS);
    quoted(list).map(str::to_string).collect()
}

/// `generate_handler![commands::items::list_items, ...]`: the last segments.
fn registered(text: &str) -> Vec<String> {
    let text = without_comments(text, "//");
    between(&text, "generate_handler![", "]", HANDLER_RS)
        .split(',')
        .map(str::trim)
        .filter(|path| !path.is_empty())
        .map(|path| path.rsplit("::").next().unwrap_or(path).to_string())
        .collect()
}

/// `permissions = ["allow-list-items", ...]`: Tauri's permission names
/// spell the command with dashes.
fn granted(text: &str) -> Vec<String> {
    let text = without_comments(text, "#");
    quoted(between(&text, "permissions = [", "]", PERMISSIONS))
        .map(|p| {
            p.strip_prefix("allow-")
                .unwrap_or_else(|| panic!("{PERMISSIONS}: `{p}` is not an allow-<command>"))
                .replace('-', "_")
        })
        .collect()
}

/// `call<T>("list_items", ...)`, the type argument possibly nested and the
/// name possibly on the next line; not the definition `function call<T>(`.
fn called(text: &str) -> Vec<String> {
    text.match_indices("call<")
        .filter(|(i, _)| {
            let before = &text[..*i];
            !before.ends_with("function ")
                && !before.ends_with(|c: char| c.is_alphanumeric() || c == '_')
        })
        .map(|(i, _)| {
            let rest = &text[i..];
            let args = rest
                .find('(')
                .map_or("", |open| rest[open + 1..].trim_start());
            args.strip_prefix('"')
                .and_then(|a| a.split_once('"'))
                .map(|(name, _)| name.to_string())
                .unwrap_or_else(|| {
                    let line = rest.lines().next().unwrap_or(rest);
                    panic!("{IPC_TS}: a call whose command is not a string literal: {line}")
                })
        })
        .collect()
}

/// For each file, the commands named elsewhere that it lacks; empty when
/// the four agree. There are no exceptions: every command today is one of
/// Trove's own and called from the UI (the dialog and event plugins' are
/// granted in the capability file, not here).
fn disagreements(lists: &[(&str, Vec<String>)]) -> Vec<String> {
    let all: BTreeSet<&str> = lists
        .iter()
        .flat_map(|(_, names)| names.iter().map(String::as_str))
        .collect();
    lists
        .iter()
        .filter_map(|(file, names)| {
            let missing: Vec<&str> = all
                .iter()
                .copied()
                .filter(|c| !names.iter().any(|n| n == c))
                .collect();
            (!missing.is_empty()).then(|| format!("{file} lacks {}", missing.join(", ")))
        })
        .collect()
}

#[test]
fn every_command_is_declared_registered_granted_and_called() {
    let lists = [
        (BUILD_RS, declared(&read(BUILD_RS))),
        (HANDLER_RS, registered(&read(HANDLER_RS))),
        (PERMISSIONS, granted(&read(PERMISSIONS))),
        (IPC_TS, called(&read(IPC_TS))),
    ];
    for (file, names) in &lists {
        assert!(
            names.iter().any(|n| n == "list_items"),
            "{file}: read no `list_items`, so the reading above is wrong: {names:?}"
        );
    }
    let problems = disagreements(&lists);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn a_command_missing_from_one_file_is_named_with_the_file() {
    let names = |s: &[&str]| s.iter().map(|n| n.to_string()).collect::<Vec<_>>();
    let lists = [
        ("a", names(&["list_items", "stats"])),
        ("b", names(&["list_items"])),
        ("c", names(&["totals", "list_items", "stats"])),
    ];
    assert_eq!(
        disagreements(&lists),
        ["a lacks totals", "b lacks stats, totals"]
    );
}

#[test]
fn each_file_is_read_as_it_is_written() {
    assert_eq!(
        declared("const COMMANDS: &[&str] = &[\n    \"a\",\n    // \"gone\",\n    \"b\",\n];"),
        ["a", "b"]
    );
    assert_eq!(
        registered("tauri::generate_handler![\n  commands::x::a,\n  b,\n]"),
        ["a", "b"]
    );
    assert_eq!(
        granted("permissions = [\n  \"allow-set-card\",\n  # \"allow-gone\",\n]"),
        ["set_card"]
    );
    assert_eq!(
        called(
            "async function call<T>(command: string) {}\n\
             x: () => call<Partial<Record<string, string>>>(\"photo_covers\", { items }),\n\
             y: () =>\n    call<Item>(\n      \"move_item\"),\n"
        ),
        ["photo_covers", "move_item"]
    );
}
