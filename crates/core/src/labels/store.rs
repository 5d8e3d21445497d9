//! What goes on the label of a bin, a section or an item.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::{render, Label, LabelFormat, LabelSize, Symbology};
use crate::db::Store;
use crate::error::{Error, Result};
use crate::locations::{looks_like_location_code, Bin, Location, Section};
use crate::Item;

/// A label file written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct SavedLabels {
    pub path: String,
    /// How many labels it holds.
    pub labels: u64,
}

impl Store {
    /// Renders the labels of `keys` (location codes or items) to `path`, a
    /// `.pdf` or `.svg` file. The file appears whole or not at all: it is
    /// written beside its final name and renamed into place.
    pub fn save_labels<S: AsRef<str>>(
        &self,
        keys: &[S],
        size: LabelSize,
        symbology: Symbology,
        path: &Path,
    ) -> Result<SavedLabels> {
        let format = LabelFormat::from_path(path).ok_or_else(|| {
            Error::invalid(
                "path",
                path.display().to_string(),
                "label_format",
                format!("{}: labels are saved as .pdf or .svg", path.display()),
            )
        })?;
        let labels = self.labels_for(keys)?;
        let bytes = render(&labels, size, symbology, format)?;
        let mut partial = path.as_os_str().to_owned();
        partial.push(".partial");
        let partial = PathBuf::from(partial);
        std::fs::write(&partial, bytes)
            .and_then(|()| std::fs::rename(&partial, path))
            .map_err(|e| {
                let _ = std::fs::remove_file(&partial);
                Error::io(path, e)
            })?;
        Ok(SavedLabels {
            path: path.display().to_string(),
            labels: labels.len() as u64,
        })
    }

    /// Labels for a location code: a bin gives its own label followed by
    /// one per section; a section gives its own.
    pub fn location_labels(&self, code: &str) -> Result<Vec<Label>> {
        // Codes are printed in capitals but often typed in lower case.
        let code = code.trim().to_ascii_uppercase();
        Ok(match self.location(&code)? {
            Location::Bin(bin) => std::iter::once(bin_label(&bin))
                .chain(bin.sections.iter().map(|s| section_label(&bin, s)))
                .collect(),
            Location::Section { bin, section } => vec![section_label(&bin, &section)],
        })
    }

    /// The label of the item with this id, SKU or barcode: its SKU (else
    /// its barcode, else its id) as the code, its title, and where it is
    /// and what it costs as the detail.
    pub fn item_label(&self, key: &str) -> Result<Label> {
        let item = self.item(key)?;
        if item.deleted_at.is_some() {
            return Err(Error::InTrash {
                title: item.fields.title,
            });
        }
        Ok(item_label(&item))
    }

    /// Labels for each key in turn: a location code gives location labels,
    /// anything else one item's label.
    pub fn labels_for<S: AsRef<str>>(&self, keys: &[S]) -> Result<Vec<Label>> {
        let mut labels = Vec::new();
        for key in keys {
            let key = key.as_ref();
            if looks_like_location_code(key) {
                labels.extend(self.location_labels(key)?);
            } else {
                labels.push(self.item_label(key)?);
            }
        }
        Ok(labels)
    }
}

fn bin_label(bin: &Bin) -> Label {
    Label {
        code: bin.code.clone(),
        title: bin.name.clone(),
        // "general" says nothing; a kind such as "cards" helps pick the bin.
        detail: (bin.kind != "general").then(|| bin.kind.clone()),
    }
}

fn section_label(bin: &Bin, section: &Section) -> Label {
    Label {
        code: section.code.clone(),
        title: section.name.clone(),
        detail: Some(format!("{} / {}", bin.name, section.name)),
    }
}

fn item_label(item: &Item) -> Label {
    let f = &item.fields;
    let code = f
        .sku
        .clone()
        .or_else(|| f.barcode.as_ref().map(|g| g.display_form().to_string()))
        .unwrap_or_else(|| item.id.clone());
    let parts: Vec<String> = [
        f.location.as_ref().map(|p| p.code.clone()),
        f.price.map(|p| p.to_string()),
    ]
    .into_iter()
    .flatten()
    .collect();
    Label {
        code,
        title: f.title.clone(),
        detail: (!parts.is_empty()).then(|| parts.join(" · ")),
    }
}
