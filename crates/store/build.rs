//! Embeds every `migrations/NNNN_name.sql` file, in order, so that adding a
//! migration is adding a file: no list to keep in step by hand.
use std::{env, fs, path::Path};

fn main() {
    // Read at run time: a build script binary reused from a shared target
    // dir may have been compiled in another checkout.
    let manifest = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let dir = Path::new(&manifest).join("../../migrations");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = fs::read_dir(&dir)
        .expect("migrations/ folder is readable")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "sql"))
        .collect();
    files.sort();
    let mut out = String::from("/// Every migration, oldest first: (file name, SQL).\npub static MIGRATIONS: &[(&str, &str)] = &[\n");
    for (n, path) in files.iter().enumerate() {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .expect("UTF-8 file name");
        let number: usize = name
            .split('_')
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        assert_eq!(
            number,
            n + 1,
            "migration {name} is out of sequence: expected number {}",
            n + 1
        );
        out.push_str(&format!(
            "    ({name:?}, include_str!({:?})),\n",
            path.canonicalize().expect("path resolves")
        ));
    }
    out.push_str("];\n");
    fs::write(
        Path::new(&env::var("OUT_DIR").expect("OUT_DIR set")).join("migrations.rs"),
        out,
    )
    .expect("write migrations.rs");
}
