//! Where an item can be listed.

use serde::{Deserialize, Serialize};
use trove_core::{Error, Result};

/// A platform as a menu shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct PlatformInfo {
    pub platform: Platform,
    pub name: String,
    /// Worked through the sync outbox; the others through the checklist.
    pub has_api: bool,
}

/// A marketplace, or somewhere else a person sells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Platform {
    Ebay,
    Etsy,
    Shopify,
    Poshmark,
    Mercari,
    Depop,
    Whatnot,
    Facebook,
    Other,
}

impl Platform {
    /// Every platform, in the order a menu lists them.
    pub const ALL: [Platform; 9] = [
        Platform::Ebay,
        Platform::Etsy,
        Platform::Shopify,
        Platform::Poshmark,
        Platform::Mercari,
        Platform::Depop,
        Platform::Whatnot,
        Platform::Facebook,
        Platform::Other,
    ];

    /// Every platform with its name, for menus.
    pub fn menu() -> Vec<PlatformInfo> {
        Platform::ALL
            .into_iter()
            .map(|p| PlatformInfo {
                platform: p,
                name: p.name().to_string(),
                has_api: p.has_api(),
            })
            .collect()
    }

    /// The platform as stored and typed (`ebay`).
    pub fn as_str(self) -> &'static str {
        match self {
            Platform::Ebay => "ebay",
            Platform::Etsy => "etsy",
            Platform::Shopify => "shopify",
            Platform::Poshmark => "poshmark",
            Platform::Mercari => "mercari",
            Platform::Depop => "depop",
            Platform::Whatnot => "whatnot",
            Platform::Facebook => "facebook",
            Platform::Other => "other",
        }
    }

    /// The platform's name as people write it (`eBay`).
    pub fn name(self) -> &'static str {
        match self {
            Platform::Ebay => "eBay",
            Platform::Etsy => "Etsy",
            Platform::Shopify => "Shopify",
            Platform::Poshmark => "Poshmark",
            Platform::Mercari => "Mercari",
            Platform::Depop => "Depop",
            Platform::Whatnot => "Whatnot",
            Platform::Facebook => "Facebook Marketplace",
            Platform::Other => "another platform",
        }
    }

    /// True for the platforms with a public seller API the sync worker
    /// speaks; the others are worked by hand from a checklist.
    pub fn has_api(self) -> bool {
        matches!(self, Platform::Ebay | Platform::Etsy | Platform::Shopify)
    }

    /// Reads a platform as typed (any case, `eBay` or `ebay`), or says
    /// which ones there are.
    pub fn parse(text: &str) -> Result<Platform> {
        let key = text.trim().to_ascii_lowercase();
        Platform::ALL
            .into_iter()
            .find(|p| p.as_str() == key)
            .ok_or_else(|| {
                Error::invalid(
                    "platform",
                    text,
                    "platform_unknown",
                    format!(
                        "'{}' is not a platform Trove knows; use one of {}",
                        text.trim(),
                        Platform::ALL.map(Platform::as_str).join(", ")
                    ),
                )
            })
    }

    /// The platform a stored name means (`other` for one this build does
    /// not know, written by a newer Trove).
    pub(crate) fn stored(text: &str) -> Platform {
        Platform::parse(text).unwrap_or(Platform::Other)
    }
}

impl std::fmt::Display for Platform {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_platform_reads_back_from_its_name_in_any_case() {
        for p in Platform::ALL {
            assert_eq!(Platform::parse(p.as_str()).unwrap(), p);
            assert_eq!(Platform::parse(&p.as_str().to_uppercase()).unwrap(), p);
        }
        assert_eq!(Platform::parse(" eBay ").unwrap(), Platform::Ebay);
        let e = Platform::parse("craigslist").unwrap_err();
        assert_eq!(e.detail_code(), "platform_unknown");
        assert!(e.to_string().contains("ebay, etsy, shopify"), "{e}");
    }
}
