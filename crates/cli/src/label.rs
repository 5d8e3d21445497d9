//! `trove label`: print labels for bins, sections and items to a file.

use std::path::PathBuf;

use clap::Args;
use trove_core::labels::{LabelSize, Symbology};
use trove_core::{Error, Store};

use crate::print::Output;

#[derive(Args)]
pub struct LabelArgs {
    /// Location codes (B12, B12-3) or items (id, SKU or barcode). A bin
    /// code also prints a label for each of its sections.
    #[arg(required = true, value_name = "CODE_OR_ITEM")]
    keys: Vec<String>,
    /// Label stock: dymo-30334, dymo-30252, dymo-30336, brother-62x29,
    /// zebra-2x1, zebra-4x6 or avery-5160 (30 per US Letter sheet).
    #[arg(long, value_parser = parse_size, default_value = "dymo-30334")]
    size: LabelSize,
    /// code128 (handheld scanners) or qr (phone cameras; any text).
    #[arg(long, value_parser = parse_symbology, default_value = "code128")]
    symbology: Symbology,
    /// The file to write; .svg or .pdf decides the format.
    #[arg(long, value_name = "FILE", default_value = "labels.pdf")]
    out: PathBuf,
    #[arg(long)]
    pub json: bool,
}

fn parse_size(s: &str) -> Result<LabelSize, String> {
    LabelSize::parse(s).ok_or_else(|| {
        let ids: Vec<&str> = LabelSize::ALL.iter().map(|s| s.id()).collect();
        format!("expected one of {}", ids.join(", "))
    })
}

fn parse_symbology(s: &str) -> Result<Symbology, String> {
    Symbology::parse(s).ok_or_else(|| "expected code128 or qr".into())
}

/// Writes the labels and prints the file's path.
pub fn run(args: LabelArgs, store: &Store, out: &Output) -> Result<(), Error> {
    let saved = store.save_labels(&args.keys, args.size, args.symbology, &args.out)?;
    out.value(&saved, |s| s.path.clone());
    Ok(())
}
