//! Labels: the label stock Trove knows, previews as SVG, and files.

use std::path::PathBuf;

use serde::Serialize;
use tauri::State;
use trove_core::labels::{classify_codes, render_svg_pages, LabelKey, LabelSize, Symbology};

use crate::error::{core, CommandResult};
use crate::state::AppState;

/// A label stock, as the size picker lists it.
#[derive(Debug, Serialize, ts_rs::TS)]
pub struct LabelSizeInfo {
    pub id: LabelSize,
    pub name: String,
    pub width_mm: f64,
    pub height_mm: f64,
}

#[tauri::command(async)]
pub fn label_sizes() -> Vec<LabelSizeInfo> {
    LabelSize::ALL
        .iter()
        .map(|&size| {
            let (width_mm, height_mm) = size.label_mm();
            LabelSizeInfo {
                id: size,
                name: size.name().to_string(),
                width_mm,
                height_mm,
            }
        })
        .collect()
}

/// One SVG document per printed page, for the preview and the print dialog.
#[tauri::command(async)]
pub fn label_svg(
    state: State<'_, AppState>,
    codes: Vec<String>,
    size: LabelSize,
    symbology: Symbology,
) -> CommandResult<Vec<String>> {
    let labels = core(state.store()?.labels_for(&codes))?;
    core(render_svg_pages(&labels, size, symbology).map_err(Into::into))
}

/// The codes as the list shows them: location codes in capitals, each
/// marked bin, section or item.
#[tauri::command(async)]
pub fn label_keys(codes: Vec<String>) -> Vec<LabelKey> {
    classify_codes(&codes)
}

/// Writes the labels to `path` as PDF or SVG, by its extension.
#[tauri::command(async)]
pub fn save_labels(
    state: State<'_, AppState>,
    codes: Vec<String>,
    size: LabelSize,
    symbology: Symbology,
    path: String,
) -> CommandResult<String> {
    let saved = core(
        state
            .store()?
            .save_labels(&codes, size, symbology, &PathBuf::from(path)),
    )?;
    Ok(saved.path)
}
