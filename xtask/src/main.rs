//! Trove's developer commands: `cargo xtask <run|test|bench>`.
//!
//! Standard library only, so it compiles in seconds on a fresh machine.
//! `cargo xtask` is an alias (see `.cargo/config.toml`) for
//! `cargo run --quiet --package xtask --`.

mod app;
mod bench;
mod setup;
mod util;

use std::env;
use std::ffi::OsString;
use std::process::{Command, ExitCode};

use util::{Ctx, Result, Steps};

const USAGE: &str = "\
usage: cargo xtask <command> [options]

commands:
  run [-- ARGS]     install what is missing (system packages, Node, the UI's
                    npm packages), build the UI and the desktop app (release)
                    and open its window on the default database in the OS
                    app-data dir; ARGS go to the app (e.g. -- --db PATH).
  test              install what is missing, then run every check, failing
                    fast: the UI's prettier, svelte-check, Vitest and build;
                    cargo fmt --check; cargo clippy -D warnings over the
                    whole workspace and all targets; cargo test --workspace;
                    then the end-to-end tests of the app in a real WebKit
                    window under Xvfb, driven by tauri-driver.
  bench [--items N] [--out DIR] [--seed S] [--like-queries L]
                    build release and run the benchmark suite against the
                    sqlite3 anchor; prints a Markdown table and writes it to
                    DIR/benchmarks.md. Defaults: N = 1000000,
                    DIR = <workspace>/target/bench, S = 42, L = 100 (query
                    lines used for the slow LIKE baseline; 0 = all).
  help              this text.
";

fn main() -> ExitCode {
    let args: Vec<OsString> = env::args_os().skip(1).collect();
    let Some(cmd) = args.first().and_then(|a| a.to_str()).map(str::to_owned) else {
        eprint!("{USAGE}");
        return ExitCode::from(2);
    };
    let rest = &args[1..];
    let result = match cmd.as_str() {
        "run" => run(rest),
        "test" => test(rest),
        "bench" => bench::bench(rest),
        "help" | "--help" | "-h" => {
            print!("{USAGE}");
            Ok(())
        }
        other => {
            eprintln!("xtask: unknown command `{other}`\n");
            eprint!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("\nxtask: error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// `cargo xtask run [-- ARGS]`: installs what is missing, builds the UI
/// and the app (release), and opens the window on the default database (or
/// the one `-- --db PATH` or `TROVE_DB` names).
fn run(args: &[OsString]) -> Result<()> {
    // `cargo xtask run -- a b` reaches us as `run -- a b`.
    let args = match args.first() {
        Some(a) if a == "--" => &args[1..],
        _ => args,
    };
    let ctx = Ctx::new();
    let mut steps = Steps::new();
    steps.step("install missing system packages", || {
        setup::ensure_system_packages(app::APP_PACKAGES)
    })?;
    let path = steps.step("find or install node", app::ensure_node)?;
    steps.step("npm ci (ui)", || app::npm_ci(&ctx, &path))?;
    steps.step("build the ui", || {
        util::run_status(&mut app::npm(&ctx, &path, &["run", "build"]))
    })?;
    let exe = steps.step("build trove-app (release)", || app::build_app(&ctx, true))?;
    steps.summary();
    println!(
        "xtask: starting Trove on {}",
        args.iter()
            .position(|a| a == "--db")
            .and_then(|i| args.get(i + 1))
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_else(|| "the default database (TROVE_DB or the OS app-data dir)".into())
    );
    util::run_status(Command::new(&exe).args(args))
}

/// `cargo xtask test`: every check, failing fast.
fn test(args: &[OsString]) -> Result<()> {
    if let Some(a) = args.first() {
        return Err(format!(
            "`cargo xtask test` takes no arguments (got `{}`)",
            a.to_string_lossy()
        ));
    }
    let ctx = Ctx::new();
    let mut steps = Steps::new();
    let outcome = (|| -> Result<()> {
        steps.step(
            "install missing system packages",
            app::ensure_app_and_e2e_packages,
        )?;
        steps.step(
            "install missing rust components",
            setup::ensure_rust_components,
        )?;
        let path = steps.step("find or install node", app::ensure_node)?;
        steps.step("npm ci (ui)", || app::npm_ci(&ctx, &path))?;
        steps.step("ui: prettier --check", || {
            util::run_status(&mut app::npm(&ctx, &path, &["run", "format:check"]))
        })?;
        steps.step("ui: svelte-check", || {
            util::run_status(&mut app::npm(&ctx, &path, &["run", "check"]))
        })?;
        steps.step("ui: vitest", || {
            util::run_status(&mut app::npm(&ctx, &path, &["test"]))
        })?;
        // The app embeds ui/dist, so clippy and the build need it first.
        steps.step("ui: build", || {
            util::run_status(&mut app::npm(&ctx, &path, &["run", "build"]))
        })?;
        steps.step("cargo fmt --check", || {
            util::run_status(ctx.cargo().args(["fmt", "--all", "--", "--check"]))
        })?;
        steps.step("cargo clippy", || {
            util::run_status(ctx.cargo().args([
                "clippy",
                "--workspace",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ]))
        })?;
        steps.step("cargo test", || {
            util::run_status(
                ctx.cargo()
                    .args(["test", "--workspace", "--exclude", "trove-e2e"]),
            )
        })?;
        steps.step("install tauri-driver", || app::ensure_tauri_driver(&ctx))?;
        let exe = steps.step("build trove-app", || app::build_app(&ctx, false))?;
        steps.step("end-to-end tests (real window, WebDriver)", || {
            util::run_status(
                // The harness's own unit tests, then the scenarios.
                ctx.cargo()
                    .args(["test", "-p", "trove-e2e"])
                    .env("TROVE_APP_BIN", &exe),
            )
        })?;
        Ok(())
    })();
    steps.summary();
    match outcome {
        Ok(()) => {
            println!("xtask: all checks passed");
            Ok(())
        }
        Err(e) => Err(e),
    }
}
