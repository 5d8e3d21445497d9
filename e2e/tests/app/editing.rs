//! Creating, refusing, trashing, restoring and undoing, as a person does it.

use trove_e2e::{keys, Driver, Session};

use crate::support::{
    add_item, blur, ensure, live_items, press, quoted, rows, settle, show, wait_editor_titled,
    wait_no_row_titled, wait_row_titled, wait_toast, Db, Outcome, WAIT,
};

/// Waits until the editor has loaded its item and put focus in the title
/// (typing earlier would be overwritten when the form fills).
pub fn wait_editor_ready(app: &Session) -> Outcome {
    app.wait_for("[data-testid=item-editor]", WAIT)?;
    app.wait_until("the editor to focus its title field", WAIT, || {
        Ok(app.execute(
            "const a = document.activeElement;
             return !!a && a.name === 'title' && !!a.closest('[data-testid=item-editor]');",
            vec![],
        )? == serde_json::Value::Bool(true))
    })?;
    Ok(())
}

/// Replaces the text of the editor's field `name`.
fn retype(app: &Session, name: &str, text: &str) -> Outcome {
    let field = app.find(&format!(
        "[data-testid=item-editor] [name={}]",
        quoted(name)
    ))?;
    field.clear()?;
    field.send_keys(text)?;
    Ok(())
}

/// Opens the item in row `id` by clicking it.
fn open_row(app: &Session, id: &str) -> Outcome {
    app.wait_for(&format!("[data-testid=row][data-id={}]", quoted(id)), WAIT)?
        .click()?;
    Ok(())
}

/// N opens a new item; saving it shows a toast; search finds it.
pub fn create_and_find(driver: &mut Driver) -> Outcome {
    let db = Db::new()?;
    let app = driver.launch(&db.path)?;
    // A new database says how to begin instead of showing an empty table.
    let empty = app.wait_for("[data-testid=empty]", WAIT)?.text()?;
    ensure!(
        empty.contains("No items yet"),
        "the empty table says {empty:?}"
    );
    blur(&app)?;
    press(&app, &[], "N")?;
    wait_editor_ready(&app)?;
    retype(&app, "title", "Blue Glass Vase")?;
    retype(&app, "sku", "BGV-001")?;
    app.find("[data-testid=item-editor] [data-testid=save]")?
        .click()?;
    wait_toast(&app, "Blue Glass Vase")?;
    app.wait_gone("[data-testid=item-editor]", WAIT)?;
    app.find("#search")?.send_keys("blue gla")?;
    wait_row_titled(&app, "Blue Glass Vase")?;
    let item = db.store()?.item("BGV-001")?;
    ensure!(
        item.title() == "Blue Glass Vase",
        "the store has SKU BGV-001 titled {:?}",
        item.title()
    );
    Ok(())
}

/// A UPC-A with a wrong check digit is refused at the field; nothing saved.
pub fn wrong_barcode_refused(driver: &mut Driver) -> Outcome {
    let db = Db::new()?;
    let app = driver.launch(&db.path)?;
    app.find("[data-testid=new-item]")?.click()?;
    wait_editor_ready(&app)?;
    retype(&app, "title", "Tomato Soup Can")?;
    // 03600029145 has check digit 2, not 3.
    retype(&app, "barcode", "036000291453")?;
    app.find("[data-testid=item-editor] [data-testid=save]")?
        .click()?;
    let error = app.wait_for("[data-error=barcode]", WAIT)?.text()?;
    ensure!(
        error.to_lowercase().contains("check digit"),
        "the barcode error does not mention the check digit: {error:?}"
    );
    settle(300);
    ensure!(
        app.try_find("[data-testid=item-editor]")?.is_some(),
        "the editor closed after a refused save"
    );
    ensure!(
        live_items(&db.path)? == 0,
        "an item was created despite the bad barcode"
    );
    ensure!(rows(&app)?.is_empty(), "the table lists an item");

    // A quantity that is not a whole number is refused at its field too,
    // not passed on as "unchanged".
    retype(&app, "quantity", "2.5")?;
    app.find("[data-testid=item-editor] [data-testid=save]")?
        .click()?;
    let error = app.wait_for("[data-error=quantity]", WAIT)?.text()?;
    ensure!(
        error.contains("whole number"),
        "the quantity error says {error:?}"
    );
    ensure!(
        live_items(&db.path)? == 0,
        "an item was created with quantity 2.5"
    );
    Ok(())
}

/// Trash from the editor, then restore from the Trash screen.
pub fn trash_and_restore(driver: &mut Driver) -> Outcome {
    let db = Db::new()?;
    let store = db.store()?;
    add_item(&store, "Walnut Cutting Board", "WCB-1")?;
    let kettle = add_item(&store, "Copper Kettle", "CK-1")?;
    add_item(&store, "Linen Napkins", "LN-1")?;
    let app = driver.launch(&db.path)?;

    open_row(&app, &kettle.id)?;
    wait_editor_titled(&app, "Copper Kettle")?;
    app.find("[data-testid=item-editor] [data-testid=trash]")?
        .click()?;
    wait_no_row_titled(&app, "Copper Kettle")?;
    wait_row_titled(&app, "Linen Napkins")?;
    ensure!(
        store.item(&kettle.id)?.deleted_at.is_some(),
        "the store does not have the kettle in the trash"
    );

    show(&app, "trash")?;
    app.wait_for("[data-testid=trash-screen]", WAIT)?;
    let row = app.wait_for(
        &format!("[data-testid=trash-row][data-id={}]", quoted(&kettle.id)),
        WAIT,
    )?;
    ensure!(
        row.text()?.contains("Copper Kettle"),
        "the trash row reads {:?}",
        row.text()?
    );
    row.find("[data-testid=restore-row]")?.click()?;
    app.wait_gone(
        &format!("[data-testid=trash-row][data-id={}]", quoted(&kettle.id)),
        WAIT,
    )?;

    show(&app, "inventory")?;
    wait_row_titled(&app, "Copper Kettle")?;
    ensure!(
        store.item(&kettle.id)?.deleted_at.is_none(),
        "the store still has the kettle in the trash"
    );
    Ok(())
}

/// The toast's Undo takes an edit back; Ctrl+Z takes a trash back.
pub fn undo(driver: &mut Driver) -> Outcome {
    let db = Db::new()?;
    let store = db.store()?;
    let teapot = add_item(&store, "Green Teapot", "GT-1")?;
    add_item(&store, "Stoneware Jug", "SJ-1")?;
    let app = driver.launch(&db.path)?;

    open_row(&app, &teapot.id)?;
    wait_editor_titled(&app, "Green Teapot")?;
    wait_editor_ready(&app)?;
    retype(&app, "title", "Green Teapot (chipped)")?;
    app.find("[data-testid=item-editor] [data-testid=save]")?
        .click()?;
    wait_toast(&app, "Saved")?;
    wait_row_titled(&app, "Green Teapot (chipped)")?;
    ensure!(
        store.item(&teapot.id)?.title() == "Green Teapot (chipped)",
        "the edit did not reach the store"
    );
    app.find("[data-testid=toast] [data-testid=toast-action]")?
        .click()?;
    wait_row_titled(&app, "Green Teapot")?;
    let title = store.item(&teapot.id)?.title().to_string();
    ensure!(
        title == "Green Teapot",
        "after Undo the store has the title {title:?}"
    );

    open_row(&app, &teapot.id)?;
    wait_editor_titled(&app, "Green Teapot")?;
    app.find("[data-testid=item-editor] [data-testid=trash]")?
        .click()?;
    wait_no_row_titled(&app, "Green Teapot")?;
    blur(&app)?;
    press(&app, &[keys::CONTROL], "z")?;
    wait_row_titled(&app, "Green Teapot")?;
    ensure!(
        store.item(&teapot.id)?.deleted_at.is_none(),
        "after Ctrl+Z the store still has the teapot in the trash"
    );
    Ok(())
}

/// The empty inventory offers a sample: it is made beside the database,
/// opened in its place, and every screen has something to show.
pub fn sample_inventory_opens(driver: &mut Driver) -> Outcome {
    let db = Db::new()?;
    let app = driver.launch(&db.path)?;
    app.wait_for("[data-testid=empty]", WAIT)?;
    app.find("[data-testid=open-sample]")?.click()?;
    wait_toast(&app, "trove-sample.db")?;
    let sample = db.path.with_file_name("trove-sample.db");
    ensure!(
        sample.is_file(),
        "no sample database at {}",
        sample.display()
    );
    let mut shown = 0;
    app.wait_until("the sample's rows", WAIT, || {
        shown = rows(&app)?.len();
        Ok(shown > 10)
    })
    .map_err(|e| format!("{e}; {shown} rows shown"))?;
    // Its items are in its own file; the one the app started on is untouched.
    ensure!(
        live_items(&db.path)? == 0,
        "the sample's items went into the database it started on"
    );
    ensure!(
        live_items(&sample)? > 300,
        "the sample holds {} items",
        live_items(&sample)?
    );
    show(&app, "settings")?;
    let path = app.wait_for("[data-testid=db-path]", WAIT)?.text()?;
    ensure!(path.ends_with("trove-sample.db"), "Settings shows {path:?}");
    Ok(())
}
