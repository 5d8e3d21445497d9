//! Declares Trove's commands to Tauri so that the capability file can allow
//! exactly these and nothing else (`permissions/trove.toml`).

const COMMANDS: &[&str] = &[
    "list_items",
    "search_items",
    "scan_code",
    "item_detail",
    "create_item",
    "edit_item",
    "trash_item",
    "restore_item",
    "trash_list",
    "empty_trash",
    "move_item",
    "vocabulary",
    "stats",
    "totals",
    "list_bins",
    "location",
    "add_bin",
    "add_section",
    "rename_location",
    "delete_location",
    "import_csv",
    "cancel_job",
    "export_csv",
    "import_photos",
    "item_photos",
    "inbox_photos",
    "inbox_count",
    "photo_covers",
    "assign_photos",
    "unassign_photos",
    "reorder_photos",
    "set_cover_photo",
    "delete_photos",
    "app_info",
    "open_database",
    "set_home_currency",
    "ui_ready",
    "print_window",
    "label_sizes",
    "label_svg",
    "save_labels",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("the Tauri app manifest is valid");
}
