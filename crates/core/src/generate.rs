//! placeholder until the generator lands (helper is writing it)
pub fn write_items_csv<W: std::io::Write>(mut out: W, items: u64, _seed: u64) -> std::io::Result<()> {
    writeln!(out, "sku,barcode,title,description,brand,category,condition,quantity,price,cost,currency,location,tags,notes")?;
    for i in 0..items { writeln!(out, "S{i},,Item {i},,,,,1,1.00,,USD,,,")?; }
    Ok(())
}
pub fn queries(n: usize, _seed: u64) -> Vec<String> { (0..n).map(|i| format!("item {i}")).collect() }
