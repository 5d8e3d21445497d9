//! What goes on the label of a bin, a section or an item.

use super::Label;
use crate::db::Store;
use crate::error::{Error, Result};
use crate::storage::{looks_like_location_code, Bin, Location, Section};
use crate::Item;

impl Store {
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
