//! Trove's developer commands: `cargo xtask <run|test|bench>`.
//!
//! Standard library only, so it compiles in seconds on a fresh machine.
//! `cargo xtask` is an alias (see `.cargo/config.toml`) for
//! `cargo run --quiet --package xtask --`.

mod bench;
mod json;
mod setup;
mod util;

use std::env;
use std::ffi::OsString;
use std::process::{Command, ExitCode};

use util::{Ctx, Result, Steps};

const USAGE: &str = "\
usage: cargo xtask <command> [options]

commands:
  run [-- ARGS]     install what is missing, build and launch Trove. Until the
                    desktop app exists this builds the `trove` CLI (release)
                    and runs `trove init` then `trove stats` (or `trove ARGS`)
                    on the default database.
  test              install what is missing, then run every check, failing
                    fast: cargo fmt --check, cargo clippy -D warnings over the
                    whole workspace and all targets, cargo test --workspace.
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

/// `cargo xtask run [-- ARGS]`
fn run(args: &[OsString]) -> Result<()> {
    // `cargo xtask run -- a b` reaches us as `run -- a b`.
    let args = match args.first() {
        Some(a) if a == "--" => &args[1..],
        _ => args,
    };
    let ctx = Ctx::new();
    let mut steps = Steps::new();
    steps.step("install missing system packages", || {
        setup::ensure_system_packages(setup::BUILD_PACKAGES)
    })?;
    steps.step("build trove (release)", || ctx.build_trove_release())?;
    let trove = ctx.trove_release_exe();
    // No --db: the CLI's default is the OS app-data directory.
    steps.step("trove init", || {
        util::run_status(Command::new(&trove).arg("init"))
    })?;
    if args.is_empty() {
        steps.step("trove stats", || {
            util::run_status(Command::new(&trove).arg("stats"))
        })?;
    } else {
        let shown = args
            .iter()
            .map(|a| a.to_string_lossy())
            .collect::<Vec<_>>()
            .join(" ");
        steps.step(&format!("trove {shown}"), || {
            util::run_status(Command::new(&trove).args(args))
        })?;
    }
    Ok(())
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
        steps.step("install missing system packages", || {
            setup::ensure_system_packages(setup::BUILD_PACKAGES)
        })?;
        steps.step(
            "install missing rust components",
            setup::ensure_rust_components,
        )?;
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
            util::run_status(ctx.cargo().args(["test", "--workspace"]))
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
