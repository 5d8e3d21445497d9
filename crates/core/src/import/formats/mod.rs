//! The kinds of file the import driver reads, one [`Format`] each: Trove's
//! own CSV (`items`) and the card apps' collection files (`cards`). A new
//! kind of file is one more module here.
//!
//! [`Format`]: super::driver::Format

pub(crate) mod cards;
pub(crate) mod items;
