//! Which layout a CSV file is read as: Trove's own columns or one of the
//! card apps' files. A leaf, so an import report (and through it the
//! error type) can name the layout without importing the importers.

use serde::{Deserialize, Serialize};

/// A file layout Trove knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Preset {
    /// ManaBox's collection CSV.
    ManaBox,
    /// The TCGplayer app's collection export.
    TcgplayerCollection,
    /// The TCGplayer seller portal's inventory export.
    TcgplayerSeller,
    /// Dragon Shield Card Manager's CSV.
    DragonShield,
    /// Homebox's CSV export.
    Homebox,
    /// Trove's own columns and their usual aliases (the foundation importer).
    Generic,
}

impl Preset {
    pub const ALL: [Preset; 6] = [
        Preset::ManaBox,
        Preset::TcgplayerCollection,
        Preset::TcgplayerSeller,
        Preset::DragonShield,
        Preset::Homebox,
        Preset::Generic,
    ];

    /// The name a person types (`--preset manabox`).
    pub fn as_str(self) -> &'static str {
        match self {
            Preset::ManaBox => "manabox",
            Preset::TcgplayerCollection => "tcgplayer",
            Preset::TcgplayerSeller => "tcgplayer-seller",
            Preset::DragonShield => "dragonshield",
            Preset::Homebox => "homebox",
            Preset::Generic => "generic",
        }
    }

    /// Reads a preset name, ignoring case, spaces, dashes and underscores.
    /// `tcgplayer` stands for both TCGplayer files: the header tells them
    /// apart when importing.
    pub fn parse(text: &str) -> Option<Preset> {
        let key: String = text
            .chars()
            .filter(|c| !matches!(c, ' ' | '-' | '_'))
            .flat_map(char::to_lowercase)
            .collect();
        Some(match key.as_str() {
            "manabox" => Preset::ManaBox,
            "tcgplayer" | "tcgplayercollection" | "tcgplayerapp" => Preset::TcgplayerCollection,
            "tcgplayerseller" | "tcgplayerinventory" => Preset::TcgplayerSeller,
            "dragonshield" => Preset::DragonShield,
            "homebox" => Preset::Homebox,
            "generic" | "trove" | "csv" => Preset::Generic,
            _ => return None,
        })
    }
}

impl std::fmt::Display for Preset {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
