//! Guards on what the window may do: the capability grants only Trove's own
//! commands and the two file dialogs, every command is in that grant, and
//! the CSP names no remote origin.

use std::path::Path;

fn read(relative: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn the_capability_grants_nothing_beyond_trove_and_its_dialogs() {
    let cap: serde_json::Value = serde_json::from_str(&read("capabilities/default.json")).unwrap();
    let granted: Vec<&str> = cap["permissions"]
        .as_array()
        .expect("a permissions list")
        .iter()
        .map(|p| p.as_str().expect("permissions are plain identifiers"))
        .collect();
    let allowed = [
        "core:event:allow-listen",
        "core:event:allow-unlisten",
        "dialog:allow-open",
        "dialog:allow-save",
        "allow-trove-commands",
    ];
    for p in &granted {
        assert!(
            allowed.contains(p),
            "the capability grants {p}, which Trove does not use"
        );
    }
    assert_eq!(cap["windows"], serde_json::json!(["main"]));
}

#[test]
fn every_command_is_in_the_trove_permission_set() {
    let set = read("permissions/trove.toml");
    let mut commands = 0;
    for entry in
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/commands")).unwrap()
    {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let mut lines = text.lines();
        while let Some(line) = lines.next() {
            if !line.trim_start().starts_with("#[tauri::command") {
                continue;
            }
            let sig = lines.next().expect("a function after #[tauri::command]");
            let name = sig
                .trim_start()
                .trim_start_matches("pub fn ")
                .split('(')
                .next()
                .unwrap();
            let permission = format!("\"allow-{}\"", name.replace('_', "-"));
            assert!(
                set.contains(&permission),
                "{name} is missing from permissions/trove.toml"
            );
            commands += 1;
        }
    }
    assert!(commands > 20, "found only {commands} commands");
}

#[test]
fn the_content_security_policy_names_no_remote_origin() {
    let conf: serde_json::Value = serde_json::from_str(&read("tauri.conf.json")).unwrap();
    let csp = conf["app"]["security"]["csp"]
        .as_object()
        .expect("a CSP is set");
    for (directive, value) in csp {
        let value = value.as_str().unwrap();
        for source in value.split_whitespace() {
            let ok = source.starts_with('\'')
                || matches!(source, "data:" | "blob:" | "ipc:" | "http://ipc.localhost");
            assert!(ok, "{directive} allows {source}");
        }
    }
    assert_eq!(csp["default-src"], "'self'");
}
