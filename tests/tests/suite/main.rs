//! Every integration test of the core and the `trove` binary, as one test
//! binary: one link instead of one per file, and one `trove` build check.
//! Each module is one area; `common` holds what they share. Run one area
//! with `cargo test -p trove-tests -- csv::` (a filter on the path).

mod common;

mod architecture;
mod automation;
mod cards;
mod cli;
mod commands;
mod concurrency;
mod crash;
mod csv;
mod labels;
mod listings;
mod migrations;
mod offers;
mod photos;
mod picking;
mod presets;
mod rules;
mod sales;
mod scan;
mod search;
mod stock;
mod trash;
mod undo;
