//! Selling in the window: an item listed on three platforms from a
//! template, live on one, sold there by a scan on the Sales screen (the other two listings get
//! end jobs, available drops to none), picked from the To ship queue by
//! scan (a wrong item refused), shipped with tracking, and returned onto
//! another shelf; and a rule that declines a low offer and counters a
//! middle one, previewed first.

use trove_commerce::{
    ListingInput, ListingStatus, OfferInput, OfferStatus, OutboxKind, Platform, SaleStatus, Shop,
    TemplateInput,
};
use trove_core::ItemChanges;
use trove_e2e::{Driver, Session};

use crate::support::{
    click_js, ensure, quoted, scan_as_scanner, set_value, settle, show, text_of,
    wait_editor_titled, wait_text, wait_toast, Db, Outcome, WAIT,
};

/// Closes the item editor with its button and waits for it to go.
fn close_editor(app: &Session) -> Outcome {
    app.find("[data-testid=item-editor] button[aria-label=Close]")?
        .click()?;
    app.wait_gone("[data-testid=item-editor]", WAIT)?;
    Ok(())
}

pub fn list_sell_pick_ship_return(driver: &mut Driver) -> Outcome {
    let db = Db::new()?;
    let store = db.store()?;
    store.add_bin("Garage rack", None)?;
    store.add_bin("Returns shelf", None)?;
    let lamp = store.create_item(&ItemChanges {
        title: Some("Brass Desk Lamp".into()),
        sku: Some("LAMP-1".into()),
        price: Some("40".into()),
        quantity: Some(1),
        location: Some("B1".into()),
        ..ItemChanges::default()
    })?;
    store.create_item(&ItemChanges {
        title: Some("Pewter Tankard".into()),
        sku: Some("MUG-7".into()),
        quantity: Some(1),
        location: Some("B1".into()),
        ..ItemChanges::default()
    })?;
    Shop::new(&store).save_template(&TemplateInput {
        name: "Vintage lighting".into(),
        title: Some("{title} (vintage)".into()),
        description: Some("A {title}, tested and working.".into()),
        shipping_service: Some("USPS Ground Advantage".into()),
        ..TemplateInput::default()
    })?;
    drop(store);
    let app = driver.launch(&db.path)?;

    // List it on three platforms from the template, from its Selling tab.
    scan_as_scanner(&app, "LAMP-1")?;
    wait_editor_titled(&app, "Brass Desk Lamp")?;
    click_js(&app, "[data-testid=selling-tab]")?;
    for p in ["ebay", "etsy", "shopify"] {
        click_js(
            &app,
            &format!("[data-testid=list-everywhere] input[data-platform={p}]"),
        )?;
    }
    set_value(&app, "[data-testid=listing-template]", "Vintage lighting")?;
    click_js(&app, "[data-testid=list-button]")?;
    wait_toast(&app, "Listed on eBay, Etsy, Shopify")?;
    app.wait_until("three listings in the tab", WAIT, || {
        Ok(app
            .find_all("[data-testid=item-selling] tr[data-listing]")?
            .len()
            == 3)
    })?;
    let listed = Shop::new(&db.store()?).listings_of(&lamp.id)?;
    ensure!(
        listed.len() == 3
            && listed.iter().all(|l| l.status == ListingStatus::Pending
                && l.title.as_deref() == Some("Brass Desk Lamp (vintage)")),
        "the store holds {listed:?}"
    );
    // eBay says it is live (the sync worker will; here, by hand).
    click_js(
        &app,
        "[data-testid=item-selling] tr[data-listing=ebay] button[data-action=active]",
    )?;
    app.wait_for(
        "[data-testid=item-selling] tr[data-listing=ebay][data-status=active]",
        WAIT,
    )?;
    close_editor(&app)?;

    // Mark it sold by scanning it on the Sales screen.
    show(&app, "sales")?;
    click_js(&app, "[data-tab=sales]")?;
    scan_as_scanner(&app, "LAMP-1")?;
    app.wait_for("[data-testid=mark-sold]", WAIT)?;
    wait_text(&app, "[data-testid=mark-sold-available]", "1 available")?;
    set_value(&app, "[data-testid=sale-platform]", "ebay")?;
    set_value(&app, "[data-testid=mark-sold] [name=price]", "38.00")?;
    set_value(&app, "[data-testid=mark-sold] [name=order_id]", "1001")?;
    click_js(&app, "[data-testid=record-sale]")?;
    wait_toast(&app, "Sold 'Brass Desk Lamp' on eBay")?;
    app.wait_gone("[data-testid=mark-sold]", WAIT)?;

    // The other two listings got end jobs; nothing is available.
    let shop_store = db.store()?;
    let shop = Shop::new(&shop_store);
    for l in shop.listings_of(&lamp.id)? {
        let last = shop.jobs_of(&l.id)?.last().and_then(|j| j.kind);
        if l.platform == Platform::Ebay {
            ensure!(
                l.status == ListingStatus::Sold,
                "the eBay listing is {:?}; the sales: {:?}",
                l.status,
                shop.sales(5)?
            );
        } else {
            ensure!(
                last == Some(OutboxKind::End),
                "{} got {last:?}, not an end job",
                l.platform
            );
        }
    }
    app.execute(
        "document.querySelector('[data-screen=inventory]').click();",
        vec![],
    )?;
    scan_as_scanner(&app, "LAMP-1")?;
    wait_editor_titled(&app, "Brass Desk Lamp")?;
    click_js(&app, "[data-testid=selling-tab]")?;
    wait_text(&app, "[data-testid=stock-available]", "0")?;
    for p in ["etsy", "shopify"] {
        wait_text(
            &app,
            &format!("[data-testid=item-selling] tr[data-listing={p}] [data-testid=jobs-waiting]"),
            "end",
        )?;
    }
    close_editor(&app)?;

    // Pick it from the queue by scan; the wrong item is refused on screen.
    show(&app, "sales")?;
    click_js(&app, "[data-tab=to_ship]")?;
    let code = text_of(
        &app,
        &format!(
            "[data-testid=ship-queue] tr[data-pick={}] .code",
            quoted(&lamp.id)
        ),
    )?;
    ensure!(
        code.starts_with("B1"),
        "the queue shows the lamp at {code:?}"
    );
    scan_as_scanner(&app, "MUG-7")?;
    wait_text(
        &app,
        "[data-testid=pick-refused]",
        "'Pewter Tankard' is not in the To ship queue",
    )?;
    scan_as_scanner(&app, "LAMP-1")?;
    app.wait_for(
        &format!(
            "[data-testid=ship-queue] tr[data-pick={}][data-picked=yes]",
            quoted(&lamp.id)
        ),
        WAIT,
    )?;
    ensure!(
        app.try_find("[data-testid=pick-refused]")?.is_none(),
        "the refusal stayed after a right scan"
    );

    // Ship it with tracking.
    click_js(&app, "[data-testid=ready-to-ship] button")?;
    app.wait_for("[data-testid=ship-dialog]", WAIT)?;
    set_value(&app, "[data-testid=ship-dialog] [name=carrier]", "USPS")?;
    set_value(
        &app,
        "[data-testid=ship-dialog] [name=tracking]",
        "9400 1000 0000 0000 0001",
    )?;
    click_js(&app, "[data-testid=confirm-ship]")?;
    wait_toast(&app, "Shipped #1001 on eBay")?;
    app.wait_for("[data-testid=ship-queue] .empty", WAIT)?;
    let sale = shop.sales(1)?.remove(0);
    ensure!(
        sale.status == SaleStatus::Shipped
            && sale.tracking.as_deref() == Some("9400 1000 0000 0000 0001"),
        "the sale is {:?} with tracking {:?}",
        sale.status,
        sale.tracking
    );

    // Return it onto the returns shelf: the quantity is back.
    click_js(&app, "[data-tab=sales]")?;
    click_js(&app, "[data-testid=return-sale]")?;
    app.wait_for("[data-testid=return-dialog]", WAIT)?;
    set_value(&app, "[data-testid=return-to]", "B2")?;
    click_js(&app, "[data-testid=confirm-return]")?;
    wait_toast(&app, "is back on the shelf")?;
    app.wait_for(
        &format!(
            "[data-testid=sales] tr[data-sale={}][data-status=returned]",
            quoted(&sale.id)
        ),
        WAIT,
    )?;
    let back = shop_store.item(&lamp.id)?;
    ensure!(
        back.fields.quantity == 1
            && back.fields.location.as_ref().map(|l| l.code.as_str()) == Some("B2"),
        "after the return the lamp is {} at {:?}",
        back.fields.quantity,
        back.fields.location
    );
    app.execute(
        "document.querySelector('[data-screen=inventory]').click();",
        vec![],
    )?;
    scan_as_scanner(&app, "LAMP-1")?;
    wait_editor_titled(&app, "Brass Desk Lamp")?;
    click_js(&app, "[data-testid=selling-tab]")?;
    wait_text(&app, "[data-testid=stock-available]", "1")?;
    Ok(())
}

pub fn rule_declines_low_and_counters_middle(driver: &mut Driver) -> Outcome {
    let db = Db::new()?;
    let store = db.store()?;
    store.create_item(&ItemChanges {
        title: Some("Leather Satchel".into()),
        sku: Some("BAG-1".into()),
        price: Some("100".into()),
        quantity: Some(1),
        ..ItemChanges::default()
    })?;
    let shop = Shop::new(&store);
    let listing = shop.list("BAG-1", Platform::Ebay, &ListingInput::default())?;
    shop.set_status(&listing.id, ListingStatus::Pending)?;
    shop.set_status(&listing.id, ListingStatus::Active)?;
    let offer = |amount: &str, buyer: &str| {
        shop.add_offer(
            &listing.id,
            &OfferInput {
                amount: amount.into(),
                buyer: Some(buyer.into()),
                ..OfferInput::default()
            },
        )
    };
    let low = offer("40", "lowballer")?;
    let middle = offer("75", "haggler")?;
    drop(store);
    let app = driver.launch(&db.path)?;

    show(&app, "offers")?;
    app.wait_until("two open offers", WAIT, || {
        Ok(app
            .find_all("[data-testid=offers] tr[data-status=pending]")?
            .len()
            == 2)
    })?;
    set_value(&app, "[data-testid=rule-form] [name=name]", "Answer offers")?;
    set_value(&app, "[data-testid=rule-form] [name=accept_at]", "90")?;
    set_value(&app, "[data-testid=rule-form] [name=decline_below]", "60")?;
    set_value(&app, "[data-testid=rule-form] [name=counter_at]", "85")?;
    click_js(&app, "[data-testid=save-rule]")?;
    wait_toast(&app, "Saved the rule 'Answer offers'")?;

    // The dry run says what it would do and changes nothing.
    click_js(&app, "[data-rule='Answer offers'] [data-testid=dry-run]")?;
    wait_text(
        &app,
        "[data-testid=rule-run] h3",
        "2 decisions (nothing changed)",
    )?;
    ensure!(
        app.find_all("[data-testid=rule-run] li[data-action=decline]")?
            .len()
            == 1
            && app
                .find_all("[data-testid=rule-run] li[data-action=counter]")?
                .len()
                == 1,
        "the dry run decided: {}",
        text_of(&app, "[data-testid=rule-run]")?
    );
    settle(300);
    ensure!(
        app.find_all("[data-testid=offers] tr[data-status=pending]")?
            .len()
            == 2,
        "the dry run changed an offer"
    );

    // The real run declines the low one and counters the middle one.
    click_js(&app, "[data-rule='Answer offers'] [data-testid=run-rule]")?;
    app.wait_for(
        &format!(
            "[data-testid=offers] tr[data-offer={}][data-status=declined]",
            quoted(&low.id)
        ),
        WAIT,
    )?;
    let countered = app.wait_for(
        &format!(
            "[data-testid=offers] tr[data-offer={}][data-status=countered]",
            quoted(&middle.id)
        ),
        WAIT,
    )?;
    let row = countered.text()?;
    ensure!(row.contains("85.00"), "the countered offer shows {row:?}");
    let store = db.store()?;
    let offers = Shop::new(&store).offers(Some(&listing.id), 10)?;
    let by = |id: &str| {
        offers
            .iter()
            .find(|o| o.id == id)
            .map(|o| (o.status, o.counter.map(|m| m.amount)))
    };
    ensure!(
        by(&low.id) == Some((OfferStatus::Declined, None))
            && by(&middle.id) == Some((OfferStatus::Countered, Some(8500))),
        "the store holds {offers:?}"
    );
    Ok(())
}

/// A reseller's month over generated items, through the core: a template,
/// listings on several platforms (most live), sales to ship and shipped,
/// offers and a rule that answered them, a double sale to settle. Returns
/// the SKU of an item listed but not sold, for the editor's Selling tab.
pub fn seed_shop(db: &Db) -> Outcome<String> {
    let store = db.store()?;
    let shop = Shop::new(&store);
    shop.save_template(&TemplateInput {
        name: "Everyday".into(),
        title: Some("{brand} {title}".into()),
        description: Some("{description}\n\nShips within one business day.".into()),
        shipping_service: Some("USPS Ground Advantage".into()),
        package: Some("Padded mailer".into()),
        weight_grams: Some(450),
        ..TemplateInput::default()
    })?;
    let page = store.list(&trove_core::list::ListQuery {
        limit: Some(60),
        ..trove_core::list::ListQuery::default()
    })?;
    let platforms = [
        Platform::Ebay,
        Platform::Etsy,
        Platform::Shopify,
        Platform::Poshmark,
        Platform::Mercari,
    ];
    let mut keep = None;
    for (i, item) in page
        .items
        .iter()
        .filter(|i| i.fields.price.is_some())
        .enumerate()
        .take(40)
    {
        let on: Vec<Platform> = platforms
            .iter()
            .copied()
            .cycle()
            .skip(i)
            .take(1 + i % 3)
            .collect();
        let listed = shop.list_everywhere(&item.id, &on, Some("Everyday"))?;
        for l in listed.created.iter().filter(|_| i % 5 != 4) {
            shop.set_status(&l.id, ListingStatus::Active)?;
        }
        if i == 1 {
            keep = item.fields.sku.clone().or(Some(item.id.clone()));
        }
    }
    // Sales: the first few wait to ship (one picked), two went out.
    let sold: Vec<_> = shop
        .listings(&trove_commerce::ListingQuery {
            status: Some(ListingStatus::Active),
            limit: 30,
            ..trove_commerce::ListingQuery::default()
        })?
        .rows;
    let mut sales = Vec::new();
    for (n, row) in sold.iter().skip(4).step_by(3).take(7).enumerate() {
        let r = shop.record_sale(&trove_commerce::SaleInput {
            platform: row.listing.platform.as_str().into(),
            order_id: Some(format!("{}", 24_1107 + n)),
            buyer: Some(
                [
                    "maria.k",
                    "dealfinder22",
                    "j.okafor",
                    "vintagehunter",
                    "sam_w",
                    "lou",
                    "pat",
                ][n]
                    .into(),
            ),
            lines: vec![trove_commerce::LineInput {
                item: row.listing.item_id.clone(),
                quantity: 1,
            }],
            price: row
                .listing
                .price
                .map(|p| p.to_decimal_string())
                .unwrap_or_else(|| "25".into()),
            shipping: Some("5.95".into()),
            tax: None,
        })?;
        sales.push((r.sale.id, row.listing.item_id.clone()));
    }
    if let Some((_, item)) = sales.first() {
        shop.pick(item)?;
    }
    for (id, _) in sales.iter().rev().take(2) {
        shop.ship(id, Some("USPS"), Some("9400 1118 9922 3344 5566 77"))?;
    }
    // Offers on live listings, answered by a rule; one left open.
    let live = shop
        .listings(&trove_commerce::ListingQuery {
            status: Some(ListingStatus::Active),
            limit: 4,
            ..trove_commerce::ListingQuery::default()
        })?
        .rows;
    for (row, pct) in live.iter().zip([45, 78, 95, 82]) {
        let price = row
            .listing
            .price
            .or(row.item_price)
            .map_or(3000, |p| p.amount);
        let cents = price * pct / 100;
        shop.add_offer(
            &row.listing.id,
            &OfferInput {
                amount: format!("{}.{:02}", cents / 100, cents % 100),
                buyer: Some("offer.buyer".into()),
                expires_in_hours: Some(48),
                ..OfferInput::default()
            },
        )?;
    }
    shop.save_rule(
        "Answer offers",
        &trove_commerce::RuleSettings::AnswerOffers {
            accept_at: 90,
            decline_below: 60,
            counter_at: 85,
        },
    )?;
    shop.save_rule(
        "Monthly markdown",
        &trove_commerce::RuleSettings::PriceDrop {
            after_days: 30,
            percent: 10,
            floor: None,
        },
    )?;
    shop.run_rule("Answer offers", false)?;
    // An accepted offer sold its item: the late one goes to a listing
    // still live.
    let still_live = shop
        .listings(&trove_commerce::ListingQuery {
            status: Some(ListingStatus::Active),
            limit: 1,
            ..trove_commerce::ListingQuery::default()
        })?
        .rows;
    if let Some(row) = still_live.first() {
        shop.add_offer(
            &row.listing.id,
            &OfferInput {
                amount: "12.00".into(),
                buyer: Some("late.offer".into()),
                expires_in_hours: Some(24),
                ..OfferInput::default()
            },
        )?;
    }
    // The same last unit sold twice: the second is refused and waits.
    if let Some((_, item)) = sales.first() {
        let _ = shop.record_sale(&trove_commerce::SaleInput {
            platform: "mercari".into(),
            order_id: Some("M-88121".into()),
            lines: vec![trove_commerce::LineInput {
                item: item.clone(),
                quantity: 1,
            }],
            price: "30".into(),
            ..trove_commerce::SaleInput::default()
        });
    }
    keep.ok_or_else(|| "no generated item has a price".into())
}
