//! Labels over the store: what a bin's, a section's or an item's label
//! says, saving labels to a file, and which codes are locations. Drawing
//! them (barcodes, layout, SVG and PDF) is the pure `trove-labels` crate,
//! re-exported here whole so callers need only `trove_core::labels`.

pub use trove_labels::*;

mod keys;
pub use keys::{classify_codes, LabelKey, LabelKind};
mod store;
pub use store::SavedLabels;

use crate::error::Error;

// The app and CLI show core errors one way; a label problem is a problem
// with the code a person asked to print.
impl From<LabelError> for Error {
    fn from(e: LabelError) -> Self {
        let value = match &e {
            LabelError::NotCode128 { code, .. } | LabelError::TooLong { code, .. } => code.clone(),
            LabelError::NoLabels | LabelError::EmptyCode => String::new(),
        };
        Error::invalid("code", value, e.code(), e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_errors_become_core_errors_with_their_code() {
        let e = Error::from(LabelError::NotCode128 {
            code: "Pokémon".into(),
            ch: 'é',
        });
        assert_eq!(e.detail_code(), "label_code_not_code128");
        assert!(e.to_string().contains("'Pokémon'"), "{e}");
        assert!(e.is_rejection());
    }
}
