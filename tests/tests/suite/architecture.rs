//! The shape docs/architecture.md promises: inside each crate, no module
//! imports one that (directly or through others) imports it back. Read from
//! the sources: every `crate::…` and `super::…` path outside tests is an
//! edge from the module it is written in to the module it names.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Module path (`import::report`, `` for the crate root) → its source.
fn modules(src: &Path) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut dirs = vec![src.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("read src dir") {
            let path = entry.expect("dir entry").path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let rel = path
                .strip_prefix(src)
                .expect("under src")
                .with_extension("");
            let mut parts: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if matches!(
                parts.last().map(String::as_str),
                Some("mod" | "lib" | "main")
            ) {
                parts.pop();
            }
            let text = std::fs::read_to_string(&path).expect("read source");
            // Unit tests may reach anywhere; only the product's edges count.
            let product = text.split("#[cfg(test)]").next().unwrap_or("").to_string();
            out.insert(parts.join("::"), product);
        }
    }
    out
}

/// The longest known module a path like `crate::a::b::Thing` lands in.
fn target(modules: &BTreeMap<String, String>, from: &str, path: &str) -> Option<String> {
    let mut segs: Vec<&str> = path.split("::").collect();
    let mut base: Vec<&str> = if segs[0] == "crate" {
        segs.remove(0);
        Vec::new()
    } else {
        let mut base: Vec<&str> = from.split("::").filter(|s| !s.is_empty()).collect();
        while segs.first() == Some(&"super") {
            segs.remove(0);
            base.pop();
        }
        base
    };
    let start = base.len();
    base.extend(segs);
    (start + 1..=base.len())
        .rev()
        .map(|n| base[..n].join("::"))
        .find(|m| modules.contains_key(m))
}

/// Each module's imports of other modules (never its own parent or child).
fn edges(modules: &BTreeMap<String, String>) -> BTreeMap<String, BTreeSet<String>> {
    let mut out = BTreeMap::new();
    for (name, text) in modules {
        let mut deps = BTreeSet::new();
        for (i, _) in text
            .match_indices("crate::")
            .chain(text.match_indices("super::"))
        {
            let before = text[..i].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                continue;
            }
            let path: String = text[i..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            let path = path.trim_end_matches(':');
            if let Some(t) = target(modules, name, path) {
                let nested = |a: &str, b: &str| a.is_empty() || b.starts_with(&format!("{a}::"));
                if t != *name && !nested(&t, name) && !nested(name, &t) {
                    deps.insert(t);
                }
            }
        }
        out.insert(name.clone(), deps);
    }
    out
}

/// Modules that reach themselves again, each as one cycle found from it.
fn cycles(edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    fn walk(
        edges: &BTreeMap<String, BTreeSet<String>>,
        at: &str,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
        found: &mut Vec<Vec<String>>,
    ) {
        if let Some(i) = path.iter().position(|p| p == at) {
            found.push(path[i..].iter().cloned().chain([at.to_string()]).collect());
            return;
        }
        if !done.insert(at.to_string()) {
            return;
        }
        path.push(at.to_string());
        for next in edges.get(at).into_iter().flatten() {
            walk(edges, next, path, done, found);
        }
        path.pop();
    }
    let mut found = Vec::new();
    let mut done = BTreeSet::new();
    for start in edges.keys() {
        walk(edges, start, &mut Vec::new(), &mut done, &mut found);
    }
    found
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace")
        .to_path_buf()
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let mut problems = Vec::new();
    for krate in [
        "crates/store/src",
        "crates/core/src",
        "crates/commerce/src",
        "crates/labels/src",
        "crates/fixtures/src",
        "crates/cli/src",
        "src-tauri/src",
        "xtask/src",
        "e2e/src",
    ] {
        let mods = modules(&workspace().join(krate));
        for cycle in cycles(&edges(&mods)) {
            problems.push(format!("{krate}: {}", cycle.join(" -> ")));
        }
    }
    assert!(
        problems.is_empty(),
        "module cycles (move the shared part into a module both import):\n{}",
        problems.join("\n")
    );
}

/// The workspace's crates, lowest first: each may depend only on crates
/// before it in this list (docs/architecture.md draws the same layers).
const LAYERS: &[(&str, &str)] = &[
    ("trove-store", "crates/store"),
    ("trove-labels", "crates/labels"),
    ("trove-core", "crates/core"),
    ("trove-commerce", "crates/commerce"),
    ("trove-fixtures", "crates/fixtures"),
    ("trove-cli", "crates/cli"),
    ("trove-app", "src-tauri"),
    ("trove-tests", "tests"),
    ("trove-e2e", "e2e"),
];

/// The workspace crates a manifest names, in any dependency table.
fn workspace_dependencies(manifest: &str) -> Vec<&'static str> {
    LAYERS
        .iter()
        .map(|(name, _)| *name)
        .filter(|name| {
            manifest.lines().any(|line| {
                let line = line.trim_start();
                line.starts_with(&format!("{name}.workspace"))
                    || line.starts_with(&format!("{name} ="))
            })
        })
        .collect()
}

#[test]
fn crates_depend_only_on_the_layers_below_them() {
    let mut problems = Vec::new();
    for (at, (name, dir)) in LAYERS.iter().enumerate() {
        let manifest = std::fs::read_to_string(workspace().join(dir).join("Cargo.toml"))
            .expect("read Cargo.toml");
        for dep in workspace_dependencies(&manifest) {
            let below = LAYERS[..at].iter().any(|(n, _)| *n == dep);
            if !below {
                problems.push(format!("{name} depends on {dep}, which is not below it"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // The store is the bottom: it knows nothing of the domain.
    let store = std::fs::read_to_string(workspace().join("crates/store/Cargo.toml")).unwrap();
    assert_eq!(workspace_dependencies(&store), Vec::<&str>::new());
}

#[test]
fn the_layer_check_reads_a_dependency_in_either_spelling() {
    let manifest =
        "[dependencies]\ntrove-core.workspace = true\ntrove-store = { path = \"../store\" }\n";
    assert_eq!(
        workspace_dependencies(manifest),
        ["trove-store", "trove-core"]
    );
}

#[test]
fn the_cycle_finder_sees_a_cycle_through_three_modules() {
    let mut mods = BTreeMap::new();
    mods.insert("".to_string(), String::new());
    mods.insert("a".to_string(), "use crate::b::Thing;".to_string());
    mods.insert("b".to_string(), "fn f() { super::c::go() }".to_string());
    mods.insert("c".to_string(), "use crate::a;".to_string());
    mods.insert("d".to_string(), "use crate::a::X;".to_string());
    let found = cycles(&edges(&mods));
    assert_eq!(found, [["a", "b", "c", "a"]]);
    mods.insert("c".to_string(), "fn go() {}".to_string());
    assert!(cycles(&edges(&mods)).is_empty());
}
