//! Tauri commands, one file per area. Each parses, calls one core function
//! on a worker thread (`async`), and maps the error; rules live in the core.

pub mod app;
pub mod cards;
pub mod items;
pub mod jobs;
pub mod labels;
pub mod listings;
pub mod locations;
pub mod offers;
pub mod photos;
pub mod sales;
pub mod stocktake;
