//! Import presets for the files collectors already have (ManaBox,
//! TCGplayer, Dragon Shield, Homebox), detected from the header and mapped
//! by column name, never by position; and exports of a collection in
//! Trove's, ManaBox's and TCGplayer's layouts.
//!
//! Importing is a format of the one import driver (`crate::import`, the
//! card format in `import/formats/cards/`): one transaction, nothing
//! written when any row is bad unless `skip_invalid`, every error naming
//! its file, physical line, column and value, and a dry run that writes
//! nothing. Here are the presets' layouts: how each reads a row.
//!
//! Importing the same file again updates the items it made instead of
//! adding copies. Files with a SKU-level id (TCGplayer seller's
//! `TCGplayer Id`, Homebox's `HB.import_ref`) use it as the item's SKU, as
//! the foundation importer does. The others keep the row's natural key in
//! the custom field [`IMPORT_KEY`]: ManaBox's binder, Scryfall id (or
//! ManaBox id), finish, language, condition and flags; TCGplayer's SKU;
//! Dragon Shield's folder, printing, language, condition, price and date
//! of purchase; each followed by `#n`, its n-th occurrence in the file, so
//! identical rows stay separate items and still match on a second import.

mod dragonshield;
mod export;
mod homebox;
pub(crate) mod layout;
mod manabox;
mod source;
mod tcgplayer;
mod words;

pub use crate::import::format::Preset;
pub use export::CollectionFormat;
pub(crate) use manabox::SCRYFALL_ID;
pub(crate) use source::open;

use layout::{Columns, Layout};

/// The custom field holding a row's natural key (see the module docs).
pub const IMPORT_KEY: &str = "Import key";

/// The custom field keeping a file's own set code when the catalogue
/// spells the set differently (TCGplayer's `TVT` for Pokémon's `tv1`).
pub(crate) const SOURCE_SET_CODE: &str = "Source set code";

impl Preset {
    /// Recognises a layout from its header row (already without a BOM or a
    /// `sep=` line); `None` when it is none of the card apps' layouts.
    pub fn detect<S: AsRef<str>>(header: &[S]) -> Option<Preset> {
        let names: Vec<&str> = header.iter().map(|h| h.as_ref().trim()).collect();
        let has = |name: &str| names.iter().any(|n| n.eq_ignore_ascii_case(name));
        let all = |wanted: &[&str]| wanted.iter().all(|w| has(w));
        if names.iter().any(|n| n.starts_with("HB.")) {
            Some(Preset::Homebox)
        } else if all(&["TCGplayer Id", "Product Name"]) {
            Some(Preset::TcgplayerSeller)
        } else if has(manabox::MANABOX_ID) || all(&["Name", "Set code", "Collector number", "Foil"])
        {
            Some(Preset::ManaBox)
        } else if all(&["Folder Name", "Card Name"]) || all(&["Card Name", "Trade Quantity"]) {
            Some(Preset::DragonShield)
        } else if has("Simple Name") || all(&["Card Number", "Printing", "Product ID"]) {
            Some(Preset::TcgplayerCollection)
        } else {
            None
        }
    }

    /// How the preset reads a file with `header`, or the required columns
    /// the header lacks.
    pub(crate) fn layout(self, header: &[String]) -> Result<Box<dyn Layout>, Vec<String>> {
        let columns = Columns {
            names: header,
            exact: self == Preset::Homebox,
        };
        Ok(match self {
            Preset::ManaBox => Box::new(manabox::ManaBox::new(&columns)?),
            Preset::TcgplayerCollection => Box::new(tcgplayer::Collection::new(&columns)?),
            Preset::TcgplayerSeller => Box::new(tcgplayer::Seller::new(&columns)?),
            Preset::DragonShield => Box::new(dragonshield::DragonShield::new(&columns)?),
            Preset::Homebox => Box::new(homebox::Homebox::new(&columns)?),
            Preset::Generic => unreachable!("the generic importer reads generic files"),
        })
    }

    /// The preset a file's header names (see [`Preset::detect`]), reading
    /// past a BOM and a `sep=` line.
    pub fn detect_file(path: &std::path::Path) -> crate::Result<Option<Preset>> {
        Ok(match source::open(path)? {
            Ok(source) => Preset::detect(&source.header),
            Err(_) => None,
        })
    }
}
