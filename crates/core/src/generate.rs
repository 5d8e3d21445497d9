//! Deterministic, realistic inventory data for benchmarks, demos and tests.
//!
//! [`write_items_csv`] writes rows that look like a real reseller's or
//! collector's inventory (clothing, sneakers, trading and sports cards, toys,
//! kitchenware, records, books, ...) in Trove's canonical CSV layout, and
//! [`queries`] draws a search-as-you-type query mix from the same vocabulary.
//!
//! Everything is a pure function of the seed: the module carries its own
//! PRNG (SplitMix64 seeding xoshiro256**) and uses only `std`, so the same
//! seed gives byte-identical output on every platform and Rust version.
//!
//! Shape of the data:
//! - titles built from real brands, models, card names, sets and players,
//!   plus a Zipf-distributed vocabulary of ~20,000 words (a few hundred real
//!   words at the head, pronounceable synthetic words in the long tail) that
//!   also fills descriptions;
//! - ~90% of rows have a unique SKU `TRV-000123` (the number is the 1-based
//!   row number), ~50% a barcode (UPC-A or EAN-13/ISBN with a valid GS1 check
//!   digit; the code is a function of the row number only, so [`queries`] can
//!   type codes that exist);
//! - condition empty in ~13% of rows, quantity mostly 1, prices in minor-unit
//!   exact decimal text (`12.99`, JPY without decimals), cost below price or
//!   empty, `bin/section` locations (~5% empty), 0-4 `;`-separated tags;
//! - ~1% of descriptions carry commas, double quotes or line breaks (LF and
//!   CRLF) so CSV parsers are exercised. Records end with `\n`; fields are
//!   quoted per RFC 4180 when they contain `,`, `"`, CR or LF.

use std::io::{self, Write};

/// Trove's canonical CSV header, in column order.
pub const CSV_HEADER: &str =
    "sku,barcode,title,description,brand,category,condition,quantity,price,cost,currency,location,tags,notes";

/// Writes `items` rows of realistic inventory as CSV with Trove's canonical header to `out`. Same seed => byte-identical output.
pub fn write_items_csv<W: Write>(mut out: W, items: u64, seed: u64) -> io::Result<()> {
    let mut g = Gen::new(seed);
    let mut buf: Vec<u8> = Vec::with_capacity(FLUSH_AT + 64 * 1024);
    buf.extend_from_slice(CSV_HEADER.as_bytes());
    buf.push(b'\n');
    for row in 0..items {
        g.write_row(row, &mut buf);
        if buf.len() >= FLUSH_AT {
            out.write_all(&buf)?;
            buf.clear();
        }
    }
    out.write_all(&buf)?;
    out.flush()
}

/// A realistic search-as-you-type query mix drawn from the same vocabulary: `n` lines.
pub fn queries(n: usize, seed: u64) -> Vec<String> {
    let vocab = Vocab::build();
    let mut rng = Rng::new(seed ^ 0x5155_4552_4945_5321); // "QUERIES!"
    let mut out = Vec::with_capacity(n);
    let mut s = String::with_capacity(64);
    while out.len() < n {
        s.clear();
        query_line(&mut rng, &vocab, &mut s);
        let t = s.trim();
        if !t.is_empty() && !t.contains(['\n', '\r']) {
            out.push(t.to_string());
        }
    }
    out
}

const FLUSH_AT: usize = 256 * 1024;

// ---------------------------------------------------------------------------
// PRNG and samplers

fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A stateless 64-bit mix of one value (SplitMix64's finaliser).
fn mix64(x: u64) -> u64 {
    let mut s = x;
    splitmix64(&mut s)
}

/// xoshiro256** seeded through SplitMix64.
struct Rng {
    s: [u64; 4],
}

impl Rng {
    fn new(seed: u64) -> Rng {
        let mut sm = seed;
        let mut s = [0u64; 4];
        for x in &mut s {
            *x = splitmix64(&mut sm);
        }
        Rng { s }
    }

    #[inline]
    fn next_u64(&mut self) -> u64 {
        let result = self.s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = self.s[1] << 17;
        self.s[2] ^= self.s[0];
        self.s[3] ^= self.s[1];
        self.s[1] ^= self.s[2];
        self.s[0] ^= self.s[3];
        self.s[2] ^= t;
        self.s[3] = self.s[3].rotate_left(45);
        result
    }

    /// Uniform in `0..n` (Lemire's multiply-shift; bias is negligible here).
    #[inline]
    fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    #[inline]
    fn index(&mut self, n: usize) -> usize {
        self.below(n as u64) as usize
    }

    /// Uniform in `lo..=hi`.
    #[inline]
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below(hi - lo + 1)
    }

    /// Uniform in `[0, 1)`.
    #[inline]
    fn f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    #[inline]
    fn chance(&mut self, p: f64) -> bool {
        self.f64() < p
    }

    #[inline]
    fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.index(xs.len())]
    }

    /// An index in `0..n` with a Zipf-like (s = 1) skew towards the front:
    /// `P(k) = ln((k + 2) / (k + 1)) / ln(n + 1)`. Cheap; for short lists.
    #[inline]
    fn skew(&mut self, n: usize) -> usize {
        let x = ((n + 1) as f64).powf(self.f64());
        (x as usize).saturating_sub(1).min(n - 1)
    }

    #[inline]
    fn pick_skewed<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.skew(xs.len())]
    }

    /// Approximately standard normal (Irwin-Hall of four uniforms).
    #[inline]
    fn normal(&mut self) -> f64 {
        let s = self.f64() + self.f64() + self.f64() + self.f64();
        (s - 2.0) * 3f64.sqrt()
    }
}

/// Zipf sampler over ranks `0..n` with exponent `s`, by inverse CDF.
struct Zipf {
    cdf: Vec<f64>,
}

impl Zipf {
    fn new(n: usize, s: f64) -> Zipf {
        let mut acc = 0.0;
        let cdf = (1..=n)
            .map(|k| {
                acc += 1.0 / (k as f64).powf(s);
                acc
            })
            .collect();
        Zipf { cdf }
    }

    #[inline]
    fn sample(&self, rng: &mut Rng) -> usize {
        let total = self.cdf[self.cdf.len() - 1];
        let u = rng.f64() * total;
        self.cdf
            .partition_point(|&c| c <= u)
            .min(self.cdf.len() - 1)
    }
}

// ---------------------------------------------------------------------------
// Vocabulary

/// The vocabulary never depends on the caller's seed, so data and queries
/// generated with different seeds still share their words.
const VOCAB_SEED: u64 = 0x7472_6f76_6576_6f63; // "trovevoc"
const VOCAB_SIZE: usize = 20_000;
const ZIPF_S: f64 = 1.0;

/// Real words at the head of the Zipf ranking, roughly most common first.
const COMMON_WORDS: &str =
    "vintage rare great condition excellent authentic original new used clean \
    classic black size blue white genuine retro perfect lightly worn soft tested sealed complete \
    beautiful nice good red collectible limited edition small large medium green brown grey gray \
    leather cotton wool denim pink official mint graded holo foil minor wear stains tags box \
    gift bundle lot set pair heavy lightweight cozy warm comfy stretch fitted slim relaxed \
    oversized cropped long short sleeve pockets zipper buttons lined hooded waterproof \
    insulated quilted knit cable crewneck vneck collar cuffs hem waist inseam rise length \
    chest shoulder made usa italy japan england france canada mexico china korea vietnam \
    portugal spain germany handmade crafted stitched embroidered printed graphic logo patch \
    faded distressed raw selvedge washed acid bleached dyed tie plaid flannel corduroy \
    suede canvas nylon polyester fleece silk linen cashmere merino alpaca mohair angora \
    velvet satin chiffon lace sequin beaded pleated ruffled floral striped polka dot \
    houndstooth paisley camo tartan checked gingham herringbone tweed ribbed waffle \
    thermal sherpa puffer down feather nubuck patent croc snakeskin pebbled saffiano \
    gold silver brass copper bronze chrome sterling plated enamel crystal glass ceramic \
    porcelain stoneware earthenware ironstone milk jadeite depression carnival amber cobalt \
    ruby emerald sapphire pearl opal turquoise garnet amethyst onyx jade wood walnut oak \
    teak maple pine bamboo wicker rattan cast iron steel aluminum tin pewter \
    kitchen bowl mixing nesting casserole dish lid plate platter mug cup saucer teapot \
    pitcher tumbler goblet vase candle holder tray basket frame mirror lamp clock shelf \
    decor wall art print poster painting sculpture figurine statue ornament christmas \
    halloween easter holiday seasonal spring summer fall autumn winter toy figure doll \
    plush card cards pack booster deck binder sleeve toploader slab psa bgs cgc sgc beckett \
    gem mint pristine centered corners edges surface print line rookie auto autograph \
    signed patch relic jersey numbered serial parallel refractor prizm insert chase \
    short print variation error misprint promo exclusive first pressing reissue remaster \
    vinyl record album single cassette tape cd dvd bluray vhs game console cartridge disc \
    manual case controller cable charger battery working powers untested parts repair \
    camera lens film digital flash tripod strap bag purse tote crossbody clutch wallet \
    backpack satchel hobo shoulder handle chain strap dustbag receipt papers serial \
    watch band dial bezel crown automatic quartz movement ring necklace bracelet \
    earrings pendant charm brooch cufflinks chain anklet choker hoop stud \
    shoe sneaker boot sandal loafer heel flat pump mule clog slipper insole outsole \
    laces toe heel counter midsole upper deadstock replacement bin shelf tote garage \
    attic basement estate thrift flea market yard garage auction storage collection \
    collector investor flipper reseller seller buyer offer shipping ships fast same day \
    next business packed bubble wrap double boxed insured tracking smoke pet free home \
    measurements flat lay photos see details description question ask please thanks \
    bright vibrant muted pastel neutral earth tone jewel deep light dark rich \
    antique primitive farmhouse rustic industrial modern contemporary minimalist \
    boho bohemian western cowboy preppy grunge punk goth emo skater surf hiking outdoor \
    camping fishing hunting golf tennis running yoga gym training basketball baseball \
    football soccer hockey racing motorcycle biker trucker workwear military army navy \
    utility cargo chore barn field hunting ranch coastal nautical tropical hawaiian \
    aloha resort cruise party wedding formal cocktail evening office business casual \
    weekend everyday travel carry commuter festival concert tour band merch \
    café crème rosé décor ombré lamé appliqué moiré bouclé piqué crêpe matelassé soirée \
    naïve façade fiancée protégé touché résumé jalapeño piñata señorita über";

const SYL_ONSETS: &[&str] = &[
    "b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z", "br",
    "cr", "dr", "fr", "gr", "pr", "tr", "bl", "cl", "fl", "gl", "pl", "sl", "st", "sh", "ch", "th",
    "qu", "sk", "sn", "sp", "",
];
const SYL_VOWELS: &[&str] = &[
    "a", "e", "i", "o", "u", "a", "e", "o", "i", "a", "ai", "ea", "ou", "y",
];
const SYL_CODAS: &[&str] = &[
    "", "", "", "n", "r", "l", "s", "x", "m", "th", "nd", "rt", "sk", "ck",
];

struct Vocab {
    words: Vec<String>,
    zipf: Zipf,
}

impl Vocab {
    fn build() -> Vocab {
        let mut rng = Rng::new(VOCAB_SEED);
        let mut seen = std::collections::HashSet::with_capacity(VOCAB_SIZE * 2);
        let mut words = Vec::with_capacity(VOCAB_SIZE);
        for w in COMMON_WORDS.split_whitespace() {
            if seen.insert(w.to_string()) {
                words.push(w.to_string());
            }
        }
        let mut w = String::with_capacity(16);
        while words.len() < VOCAB_SIZE {
            w.clear();
            let syllables = 2 + usize::from(rng.chance(0.3));
            for i in 0..syllables {
                w.push_str(rng.pick(SYL_ONSETS));
                w.push_str(rng.pick(SYL_VOWELS));
                if i + 1 == syllables || rng.chance(0.2) {
                    w.push_str(rng.pick(SYL_CODAS));
                }
            }
            if w.len() < 4 || w.len() > 10 {
                continue;
            }
            // A few long-tail words carry diacritics (folded by the search tokenizer).
            if rng.chance(0.03) {
                w = w.replacen('e', "é", 1).replacen('o', "ö", 1);
            }
            if seen.insert(w.clone()) {
                words.push(w.clone());
            }
        }
        Vocab {
            words,
            zipf: Zipf::new(VOCAB_SIZE, ZIPF_S),
        }
    }

    #[inline]
    fn word(&self, rng: &mut Rng) -> &str {
        &self.words[self.zipf.sample(rng)]
    }
}

// ---------------------------------------------------------------------------
// Catalogue tables

#[derive(Clone, Copy, PartialEq)]
enum Size {
    None,
    Letter,
    Waist,
    Shoe,
    Kids,
    Dress,
}

#[derive(Clone, Copy, PartialEq)]
enum Store {
    Clothing,
    Cards,
    General,
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    /// Brand + model + colour + noun (+ size).
    Goods,
    Pokemon,
    Magic,
    Yugioh,
    /// Index into `SPORTS`.
    Sports(usize),
    Lego,
    Funko,
    Figure,
    Vinyl,
    Book,
    Game,
    Comic,
}

type Brands = &'static [(&'static str, &'static [&'static str])];

struct Cat {
    path: &'static str,
    weight: u32,
    kind: Kind,
    size: Size,
    store: Store,
    brands: Brands,
    nouns: &'static [&'static str],
    /// Median price in USD and the log-normal spread.
    median: f64,
    sigma: f64,
    /// Share of rows with a barcode.
    barcode: f64,
    /// Share of rows titled "Vintage ...".
    vintage: f64,
}

const NO_BRANDS: Brands = &[];
const NO_NOUNS: &[&str] = &[];

const CATS: &[Cat] = &[
    Cat {
        path: "Clothing > Women > Coats",
        weight: 30,
        kind: Kind::Goods,
        size: Size::Letter,
        store: Store::Clothing,
        brands: &[
            (
                "Patagonia",
                &["Down Sweater", "Nano Puff", "Retro Pile", "Torrentshell"],
            ),
            (
                "The North Face",
                &["Nuptse 700", "Denali", "ThermoBall", "Arrowood"],
            ),
            ("Burberry", &["Kensington", "Chelsea", "Nova Check"]),
            ("Columbia", &["Heavenly", "Arcadia", "Bugaboo"]),
            ("Max Mara", &["Manuela", "101801", "Teddy"]),
            ("J.Crew", &["Lady Day", "Chateau", "Daphne"]),
            ("Lands' End", &["Squall", "Storm Raker"]),
            ("L.L.Bean", &["Maine Mountain", "Ultralight 850"]),
            ("Eddie Bauer", &["Skyliner", "CirrusLite"]),
            ("Woolrich", &["Arctic", "Buffalo Check"]),
            ("Zara", &[]),
            ("Mango", &[]),
            ("Chloé", &[]),
            ("Canada Goose", &["Shelburne", "Mystique", "Chilliwack"]),
            ("Barbour", &["Beadnell", "Bower", "Cavalry"]),
        ],
        nouns: &[
            "Coat",
            "Trench Coat",
            "Parka",
            "Peacoat",
            "Puffer Jacket",
            "Wool Coat",
            "Rain Jacket",
            "Quilted Jacket",
        ],
        median: 48.0,
        sigma: 0.75,
        barcode: 0.72,
        vintage: 0.15,
    },
    Cat {
        path: "Clothing > Women > Dresses",
        weight: 35,
        kind: Kind::Goods,
        size: Size::Dress,
        store: Store::Clothing,
        brands: &[
            ("Free People", &["Adella", "Mirage", "Forever Yours"]),
            ("Anthropologie", &["Somerset", "Maeve"]),
            ("Madewell", &[]),
            ("Reformation", &["Juliette", "Nikita", "Carina"]),
            ("Diane von Fürstenberg", &["Julian", "New Jeanne"]),
            ("Ralph Lauren", &[]),
            ("Lulus", &[]),
            ("Vince Camuto", &[]),
            ("Zara", &[]),
            ("Laura Ashley", &[]),
            ("Gunne Sax", &[]),
            ("Agnès b.", &[]),
        ],
        nouns: &[
            "Maxi Dress",
            "Midi Dress",
            "Slip Dress",
            "Wrap Dress",
            "Sundress",
            "Shirt Dress",
            "Prairie Dress",
            "Cocktail Dress",
        ],
        median: 32.0,
        sigma: 0.7,
        barcode: 0.72,
        vintage: 0.18,
    },
    Cat {
        path: "Clothing > Women > Jeans",
        weight: 30,
        kind: Kind::Goods,
        size: Size::Waist,
        store: Store::Clothing,
        brands: &[
            ("Levi's", &["501", "505", "550", "Ribcage", "Wedgie", "724"]),
            ("Madewell", &["Perfect Vintage", "Curvy", "Cali Demi-Boot"]),
            ("Agolde", &["Riley", "90's Pinch Waist", "Parker"]),
            ("Mother", &["Insider", "Tomcat", "Rascal"]),
            ("Wrangler", &["Cowboy Cut", "Retro"]),
            ("Lee", &["Riders"]),
            ("Gap", &[]),
            ("American Eagle", &["Mom Jean", "Curvy"]),
            ("Guess", &[]),
            ("Citizens of Humanity", &["Charlotte", "Horseshoe"]),
        ],
        nouns: &[
            "Mom Jeans",
            "Straight Leg Jeans",
            "Bootcut Jeans",
            "Skinny Jeans",
            "Wide Leg Jeans",
            "Flare Jeans",
        ],
        median: 30.0,
        sigma: 0.6,
        barcode: 0.72,
        vintage: 0.2,
    },
    Cat {
        path: "Clothing > Women > Tops & Blouses",
        weight: 40,
        kind: Kind::Goods,
        size: Size::Letter,
        store: Store::Clothing,
        brands: &[
            ("Free People", &[]),
            ("Anthropologie", &[]),
            ("Madewell", &[]),
            ("Eileen Fisher", &[]),
            ("J.Crew", &[]),
            ("Banana Republic", &[]),
            ("Old Navy", &[]),
            ("Loft", &[]),
            ("Talbots", &[]),
            ("Equipment", &["Signature"]),
            ("Vince", &[]),
            ("Sézane", &[]),
        ],
        nouns: &[
            "Blouse",
            "Peasant Top",
            "Tank Top",
            "Button Down Shirt",
            "Silk Blouse",
            "Crop Top",
            "Tunic",
            "Cami",
        ],
        median: 18.0,
        sigma: 0.65,
        barcode: 0.72,
        vintage: 0.12,
    },
    Cat {
        path: "Clothing > Women > Sweaters",
        weight: 30,
        kind: Kind::Goods,
        size: Size::Letter,
        store: Store::Clothing,
        brands: &[
            ("J.Crew", &[]),
            ("Eileen Fisher", &[]),
            ("Free People", &[]),
            ("Naadam", &[]),
            ("Everlane", &[]),
            ("Ralph Lauren", &[]),
            ("Sézane", &[]),
            ("Talbots", &[]),
            ("Woolrich", &[]),
            ("Pendleton", &[]),
        ],
        nouns: &[
            "Cardigan",
            "Cashmere Sweater",
            "Cable Knit Sweater",
            "Turtleneck",
            "Fair Isle Sweater",
            "Mohair Cardigan",
        ],
        median: 28.0,
        sigma: 0.7,
        barcode: 0.72,
        vintage: 0.15,
    },
    Cat {
        path: "Clothing > Women > Activewear",
        weight: 25,
        kind: Kind::Goods,
        size: Size::Letter,
        store: Store::Clothing,
        brands: &[
            (
                "Lululemon",
                &["Align", "Define", "Scuba", "Wunder Train", "Swiftly Tech"],
            ),
            ("Athleta", &["Salutation", "Elation"]),
            ("Alo Yoga", &["Airlift", "Airbrush"]),
            ("Nike", &["Dri-FIT", "Pro", "Tech Fleece"]),
            ("Fabletics", &[]),
            ("Outdoor Voices", &["Exercise Dress", "TechSweat"]),
            ("Vuori", &["Performance Jogger"]),
        ],
        nouns: &[
            "Leggings",
            "Sports Bra",
            "Jacket",
            "Tank",
            "Joggers",
            "Biker Shorts",
            "Half Zip",
        ],
        median: 32.0,
        sigma: 0.55,
        barcode: 0.78,
        vintage: 0.0,
    },
    Cat {
        path: "Clothing > Men > Jackets",
        weight: 35,
        kind: Kind::Goods,
        size: Size::Letter,
        store: Store::Clothing,
        brands: &[
            ("Levi's", &["Type III Trucker", "Sherpa Trucker", "501"]),
            ("Carhartt", &["Detroit", "Active", "Chore", "Santa Fe"]),
            (
                "Patagonia",
                &[
                    "Better Sweater",
                    "Synchilla",
                    "Retro-X",
                    "Nano Puff",
                    "Baggies",
                ],
            ),
            (
                "The North Face",
                &["Nuptse 700", "Denali", "Mountain Light", "Gotham"],
            ),
            ("Arc'teryx", &["Beta AR", "Atom LT", "Alpha SV", "Cerium"]),
            ("Barbour", &["Bedale", "Beaufort", "International"]),
            ("Schott", &["Perfecto 618", "Cafe Racer"]),
            ("Harley-Davidson", &[]),
            ("Columbia", &["Bugaboo", "Whirlibird"]),
            ("Filson", &["Mackinaw Cruiser", "Tin Cloth"]),
            ("Eddie Bauer", &[]),
            ("Pendleton", &[]),
            ("Starter", &[]),
            ("Stüssy", &[]),
        ],
        nouns: &[
            "Denim Jacket",
            "Trucker Jacket",
            "Chore Coat",
            "Fleece Jacket",
            "Windbreaker",
            "Bomber Jacket",
            "Leather Jacket",
            "Work Jacket",
            "Shell Jacket",
            "Puffer Jacket",
        ],
        median: 55.0,
        sigma: 0.8,
        barcode: 0.65,
        vintage: 0.3,
    },
    Cat {
        path: "Clothing > Men > Jeans",
        weight: 30,
        kind: Kind::Goods,
        size: Size::Waist,
        store: Store::Clothing,
        brands: &[
            (
                "Levi's",
                &["501", "505", "550", "511", "517", "569", "Silver Tab"],
            ),
            ("Wrangler", &["13MWZ", "Cowboy Cut", "Retro"]),
            ("Lee", &["Riders", "101"]),
            ("Carhartt", &["Relaxed Fit", "Double Knee"]),
            ("Dickies", &["874", "Carpenter"]),
            ("Naked & Famous", &["Weird Guy", "Easy Guy"]),
            ("A.P.C.", &["Petit New Standard", "Petit Standard"]),
            ("Nudie", &["Grim Tim", "Lean Dean"]),
            ("Gap", &[]),
        ],
        nouns: &[
            "Jeans",
            "Denim Jeans",
            "Carpenter Jeans",
            "Selvedge Jeans",
            "Work Pants",
        ],
        median: 32.0,
        sigma: 0.65,
        barcode: 0.65,
        vintage: 0.3,
    },
    Cat {
        path: "Clothing > Men > Shirts",
        weight: 35,
        kind: Kind::Goods,
        size: Size::Letter,
        store: Store::Clothing,
        brands: &[
            ("Pendleton", &["Board Shirt", "Lodge"]),
            ("Ralph Lauren", &["Oxford", "Classic Fit"]),
            ("Polo Ralph Lauren", &["Custom Fit", "Big Shirt"]),
            ("Brooks Brothers", &["Regent", "Madison"]),
            ("Tommy Bahama", &[]),
            ("L.L.Bean", &["Scotch Plaid"]),
            ("Patagonia", &["Pima Cotton", "Fjord Flannel"]),
            ("Reyn Spooner", &[]),
            ("Tommy Hilfiger", &[]),
            ("Jos. A. Bank", &[]),
            ("Hugo Boss", &[]),
        ],
        nouns: &[
            "Button Down Shirt",
            "Flannel Shirt",
            "Hawaiian Shirt",
            "Oxford Shirt",
            "Camp Shirt",
            "Polo Shirt",
            "Western Shirt",
        ],
        median: 24.0,
        sigma: 0.65,
        barcode: 0.65,
        vintage: 0.25,
    },
    Cat {
        path: "Clothing > Men > T-Shirts",
        weight: 45,
        kind: Kind::Goods,
        size: Size::Letter,
        store: Store::Clothing,
        brands: &[
            ("Harley-Davidson", &[]),
            ("Hanes", &["Beefy-T"]),
            ("Fruit of the Loom", &[]),
            ("Stüssy", &[]),
            ("Supreme", &["Box Logo"]),
            ("Nike", &["Swoosh", "Center Swoosh"]),
            ("Champion", &[]),
            ("Gildan", &[]),
            ("Screen Stars", &[]),
            ("Liquid Blue", &[]),
            ("Brockum", &[]),
            ("Giant", &[]),
        ],
        nouns: &[
            "Band Tee",
            "Graphic Tee",
            "Single Stitch Tee",
            "Tour Tee",
            "Pocket Tee",
            "Ringer Tee",
            "Long Sleeve Tee",
        ],
        median: 22.0,
        sigma: 0.9,
        barcode: 0.59,
        vintage: 0.4,
    },
    Cat {
        path: "Clothing > Men > Sweatshirts & Hoodies",
        weight: 30,
        kind: Kind::Goods,
        size: Size::Letter,
        store: Store::Clothing,
        brands: &[
            ("Champion", &["Reverse Weave"]),
            ("Carhartt", &["Midweight"]),
            ("Russell Athletic", &[]),
            ("Nike", &["Tech Fleece", "Club"]),
            ("Adidas", &["Trefoil"]),
            ("Essentials", &["Fear of God"]),
            ("Patagonia", &["P-6 Logo Uprisal"]),
            ("Starter", &[]),
            ("Disney", &[]),
        ],
        nouns: &[
            "Hoodie",
            "Crewneck Sweatshirt",
            "Quarter Zip",
            "Zip Hoodie",
            "Pullover",
        ],
        median: 30.0,
        sigma: 0.7,
        barcode: 0.65,
        vintage: 0.3,
    },
    Cat {
        path: "Clothing > Kids",
        weight: 20,
        kind: Kind::Goods,
        size: Size::Kids,
        store: Store::Clothing,
        brands: &[
            ("Carter's", &[]),
            ("OshKosh B'gosh", &["Vestbak"]),
            ("Gap Kids", &[]),
            ("Hanna Andersson", &[]),
            ("Mini Boden", &[]),
            ("Janie and Jack", &[]),
            ("Patagonia", &["Baby Synchilla", "Micro D"]),
            ("Nike", &[]),
        ],
        nouns: &[
            "Overalls",
            "Romper",
            "Pajama Set",
            "Snowsuit",
            "Dress",
            "Fleece",
            "Outfit Lot",
        ],
        median: 14.0,
        sigma: 0.6,
        barcode: 0.72,
        vintage: 0.1,
    },
    Cat {
        path: "Shoes > Sneakers",
        weight: 45,
        kind: Kind::Goods,
        size: Size::Shoe,
        store: Store::Clothing,
        brands: &[
            (
                "Nike",
                &[
                    "Air Jordan 1 High",
                    "Air Jordan 4",
                    "Dunk Low",
                    "Air Max 90",
                    "Air Max 1",
                    "Air Force 1",
                    "Cortez",
                    "Blazer Mid",
                    "SB Dunk Low",
                    "Air Max 97",
                ],
            ),
            (
                "Adidas",
                &[
                    "Samba",
                    "Gazelle",
                    "Superstar",
                    "Stan Smith",
                    "Yeezy Boost 350",
                    "Forum Low",
                    "Campus 00s",
                ],
            ),
            (
                "New Balance",
                &["550", "990v5", "2002R", "574", "9060", "993"],
            ),
            (
                "Converse",
                &["Chuck Taylor All Star", "Chuck 70", "One Star"],
            ),
            (
                "Vans",
                &["Old Skool", "Sk8-Hi", "Authentic", "Slip-On", "Era"],
            ),
            ("Asics", &["Gel-Lyte III", "Gel-Kayano 14", "Gel-1130"]),
            ("Reebok", &["Club C 85", "Classic Leather", "Question Mid"]),
            ("Puma", &["Suede", "Speedcat", "Palermo"]),
            ("Salomon", &["XT-6", "ACS Pro"]),
            ("Hoka", &["Clifton 9", "Bondi 8"]),
            ("On", &["Cloud 5", "Cloudmonster"]),
        ],
        nouns: &[
            "Sneakers",
            "Shoes",
            "Running Shoes",
            "Trainers",
            "Basketball Shoes",
        ],
        median: 85.0,
        sigma: 0.65,
        barcode: 0.78,
        vintage: 0.05,
    },
    Cat {
        path: "Shoes > Boots",
        weight: 20,
        kind: Kind::Goods,
        size: Size::Shoe,
        store: Store::Clothing,
        brands: &[
            ("Dr. Martens", &["1460", "Jadon", "2976 Chelsea", "1461"]),
            ("Red Wing", &["Iron Ranger", "Moc Toe 875", "Blacksmith"]),
            ("Timberland", &["6-Inch Premium", "Courma Kid"]),
            ("Frye", &["Harness", "Campus", "Engineer"]),
            ("UGG", &["Classic Mini", "Tasman", "Ultra Mini"]),
            ("Blundstone", &["500", "550", "Chelsea"]),
            ("Sorel", &["Caribou", "Joan of Arctic"]),
            ("Lucchese", &[]),
            ("Tony Lama", &[]),
        ],
        nouns: &[
            "Boots",
            "Chelsea Boots",
            "Work Boots",
            "Combat Boots",
            "Cowboy Boots",
            "Snow Boots",
        ],
        median: 75.0,
        sigma: 0.7,
        barcode: 0.65,
        vintage: 0.15,
    },
    Cat {
        path: "Accessories > Handbags",
        weight: 30,
        kind: Kind::Goods,
        size: Size::None,
        store: Store::Clothing,
        brands: &[
            (
                "Coach",
                &["Tabby", "Willis", "Rogue", "Legacy", "Swinger", "Court"],
            ),
            ("Kate Spade", &["Cameron Street", "Knott"]),
            ("Michael Kors", &["Jet Set", "Selma"]),
            (
                "Louis Vuitton",
                &[
                    "Speedy 30",
                    "Neverfull MM",
                    "Pochette Métis",
                    "Alma PM",
                    "Keepall 55",
                ],
            ),
            ("Gucci", &["Marmont", "Jackie 1961", "Ophidia"]),
            ("Dooney & Bourke", &["All Weather Leather", "Florentine"]),
            ("Vera Bradley", &[]),
            ("Longchamp", &["Le Pliage"]),
            ("Fossil", &[]),
            ("Prada", &["Re-Edition 2005", "Galleria"]),
            (
                "Hermès",
                &["Birkin 30", "Kelly 28", "Evelyne PM", "Garden Party"],
            ),
            ("Chanel", &["Classic Flap", "Boy Bag"]),
            ("Tory Burch", &["Fleming", "Kira"]),
            ("Fendi", &["Baguette", "Peekaboo"]),
        ],
        nouns: &[
            "Shoulder Bag",
            "Crossbody Bag",
            "Tote Bag",
            "Handbag",
            "Clutch",
            "Satchel",
            "Wallet",
            "Backpack",
        ],
        median: 85.0,
        sigma: 1.1,
        barcode: 0.45,
        vintage: 0.2,
    },
    Cat {
        path: "Accessories > Sunglasses",
        weight: 10,
        kind: Kind::Goods,
        size: Size::None,
        store: Store::General,
        brands: &[
            (
                "Ray-Ban",
                &["Wayfarer", "Aviator", "Clubmaster", "Round Metal"],
            ),
            ("Oakley", &["Frogskins", "Holbrook", "Juliet", "M Frame"]),
            ("Persol", &["714", "649"]),
            ("Maui Jim", &[]),
            ("Costa", &[]),
            ("Gucci", &[]),
        ],
        nouns: &["Sunglasses", "Polarized Sunglasses", "Frames"],
        median: 45.0,
        sigma: 0.8,
        barcode: 0.65,
        vintage: 0.15,
    },
    Cat {
        path: "Jewelry & Watches > Watches",
        weight: 15,
        kind: Kind::Goods,
        size: Size::None,
        store: Store::General,
        brands: &[
            (
                "Seiko",
                &["SNK809", "SKX007", "Presage", "5 Sports", "Alpinist"],
            ),
            ("Casio", &["F-91W", "G-Shock DW-5600", "A168", "Databank"]),
            ("Timex", &["Weekender", "Marlin", "Q Reissue"]),
            ("Citizen", &["Eco-Drive", "Promaster"]),
            ("Fossil", &[]),
            ("Omega", &["Speedmaster", "Seamaster", "Constellation"]),
            ("Rolex", &["Datejust", "Oyster Perpetual"]),
            ("Bulova", &["Accutron", "Lunar Pilot"]),
            ("Swatch", &[]),
            ("Tissot", &["PRX", "Le Locle"]),
        ],
        nouns: &[
            "Watch",
            "Wristwatch",
            "Automatic Watch",
            "Digital Watch",
            "Dive Watch",
        ],
        median: 60.0,
        sigma: 1.2,
        barcode: 0.52,
        vintage: 0.25,
    },
    Cat {
        path: "Jewelry & Watches > Fine Jewelry",
        weight: 15,
        kind: Kind::Goods,
        size: Size::None,
        store: Store::General,
        brands: &[
            (
                "Tiffany & Co.",
                &["Return to Tiffany", "Elsa Peretti", "Atlas"],
            ),
            ("Pandora", &["Moments", "Disney"]),
            ("Swarovski", &[]),
            ("James Avery", &[]),
            ("David Yurman", &["Cable"]),
            ("Monet", &[]),
            ("Trifari", &[]),
            ("Napier", &[]),
            ("Alex and Ani", &[]),
        ],
        nouns: &[
            "Sterling Silver Ring",
            "Charm Bracelet",
            "Pendant Necklace",
            "Hoop Earrings",
            "Brooch",
            "Chain Necklace",
            "Cuff Bracelet",
        ],
        median: 40.0,
        sigma: 1.0,
        barcode: 0.39,
        vintage: 0.3,
    },
    Cat {
        path: "Collectibles > Trading Cards > Pokémon",
        weight: 90,
        kind: Kind::Pokemon,
        size: Size::None,
        store: Store::Cards,
        brands: &[
            ("Pokémon", &[]),
            ("The Pokémon Company", &[]),
            ("Wizards of the Coast", &[]),
        ],
        nouns: NO_NOUNS,
        median: 5.0,
        sigma: 1.6,
        barcode: 0.04,
        vintage: 0.0,
    },
    Cat {
        path: "Collectibles > Trading Cards > Magic: The Gathering",
        weight: 60,
        kind: Kind::Magic,
        size: Size::None,
        store: Store::Cards,
        brands: &[("Wizards of the Coast", &[])],
        nouns: NO_NOUNS,
        median: 4.0,
        sigma: 1.7,
        barcode: 0.03,
        vintage: 0.0,
    },
    Cat {
        path: "Collectibles > Trading Cards > Yu-Gi-Oh!",
        weight: 30,
        kind: Kind::Yugioh,
        size: Size::None,
        store: Store::Cards,
        brands: &[("Konami", &[]), ("Upper Deck", &[])],
        nouns: NO_NOUNS,
        median: 4.0,
        sigma: 1.5,
        barcode: 0.03,
        vintage: 0.0,
    },
    Cat {
        path: "Collectibles > Sports Cards > Baseball",
        weight: 55,
        kind: Kind::Sports(0),
        size: Size::None,
        store: Store::Cards,
        brands: NO_BRANDS,
        nouns: NO_NOUNS,
        median: 6.0,
        sigma: 1.6,
        barcode: 0.02,
        vintage: 0.0,
    },
    Cat {
        path: "Collectibles > Sports Cards > Basketball",
        weight: 45,
        kind: Kind::Sports(1),
        size: Size::None,
        store: Store::Cards,
        brands: NO_BRANDS,
        nouns: NO_NOUNS,
        median: 7.0,
        sigma: 1.6,
        barcode: 0.02,
        vintage: 0.0,
    },
    Cat {
        path: "Collectibles > Sports Cards > Football",
        weight: 40,
        kind: Kind::Sports(2),
        size: Size::None,
        store: Store::Cards,
        brands: NO_BRANDS,
        nouns: NO_NOUNS,
        median: 6.0,
        sigma: 1.5,
        barcode: 0.02,
        vintage: 0.0,
    },
    Cat {
        path: "Collectibles > Sports Cards > Soccer",
        weight: 15,
        kind: Kind::Sports(3),
        size: Size::None,
        store: Store::Cards,
        brands: NO_BRANDS,
        nouns: NO_NOUNS,
        median: 6.0,
        sigma: 1.5,
        barcode: 0.02,
        vintage: 0.0,
    },
    Cat {
        path: "Collectibles > Sports Cards > Hockey",
        weight: 15,
        kind: Kind::Sports(4),
        size: Size::None,
        store: Store::Cards,
        brands: NO_BRANDS,
        nouns: NO_NOUNS,
        median: 5.0,
        sigma: 1.5,
        barcode: 0.02,
        vintage: 0.0,
    },
    Cat {
        path: "Collectibles > Comics",
        weight: 20,
        kind: Kind::Comic,
        size: Size::None,
        store: Store::Cards,
        brands: &[
            ("Marvel", &[]),
            ("DC Comics", &[]),
            ("Image", &[]),
            ("Dark Horse", &[]),
        ],
        nouns: NO_NOUNS,
        median: 12.0,
        sigma: 1.4,
        barcode: 0.39,
        vintage: 0.0,
    },
    Cat {
        path: "Collectibles > Figurines",
        weight: 15,
        kind: Kind::Goods,
        size: Size::None,
        store: Store::General,
        brands: &[
            ("Hummel", &["Goebel", "Apple Tree Boy", "Merry Wanderer"]),
            ("Lladró", &["Girl with Goose", "Don Quixote"]),
            ("Precious Moments", &[]),
            ("Royal Doulton", &["Bunnykins", "Balloon Man"]),
            ("Department 56", &["Snow Village", "Dickens' Village"]),
            ("Swarovski", &["Silver Crystal"]),
            ("Hallmark", &["Keepsake"]),
            ("Enesco", &[]),
            ("Willow Tree", &[]),
        ],
        nouns: &[
            "Figurine",
            "Porcelain Figurine",
            "Ornament",
            "Music Box",
            "Statue",
        ],
        median: 28.0,
        sigma: 0.9,
        barcode: 0.33,
        vintage: 0.35,
    },
    Cat {
        path: "Toys & Hobbies > Building Sets",
        weight: 25,
        kind: Kind::Lego,
        size: Size::None,
        store: Store::General,
        brands: &[("Lego", &[])],
        nouns: NO_NOUNS,
        median: 60.0,
        sigma: 0.9,
        barcode: 0.95,
        vintage: 0.0,
    },
    Cat {
        path: "Toys & Hobbies > Vinyl Figures",
        weight: 30,
        kind: Kind::Funko,
        size: Size::None,
        store: Store::General,
        brands: &[("Funko", &[])],
        nouns: NO_NOUNS,
        median: 16.0,
        sigma: 0.8,
        barcode: 0.95,
        vintage: 0.0,
    },
    Cat {
        path: "Toys & Hobbies > Action Figures",
        weight: 25,
        kind: Kind::Figure,
        size: Size::None,
        store: Store::General,
        brands: NO_BRANDS,
        nouns: NO_NOUNS,
        median: 28.0,
        sigma: 1.0,
        barcode: 0.91,
        vintage: 0.25,
    },
    Cat {
        path: "Toys & Hobbies > Diecast",
        weight: 25,
        kind: Kind::Goods,
        size: Size::None,
        store: Store::General,
        brands: &[
            (
                "Hot Wheels",
                &[
                    "Redline",
                    "Treasure Hunt",
                    "Super Treasure Hunt",
                    "Car Culture",
                    "RLC",
                ],
            ),
            ("Matchbox", &["Lesney", "Superfast"]),
            ("Maisto", &[]),
            ("Corgi", &[]),
            ("Greenlight", &[]),
            ("Tomica", &[]),
            ("Johnny Lightning", &[]),
        ],
        nouns: &[
            "'67 Camaro",
            "'69 Dodge Charger",
            "Datsun 510",
            "Twin Mill",
            "Bone Shaker",
            "'55 Chevy Bel Air Gasser",
            "Nissan Skyline GT-R R34",
            "VW Drag Bus",
            "Porsche 911",
            "Citroën DS",
            "Ford Mustang Mach 1",
            "Toyota Supra",
        ],
        median: 6.0,
        sigma: 1.0,
        barcode: 0.78,
        vintage: 0.2,
    },
    Cat {
        path: "Toys & Hobbies > Plush",
        weight: 15,
        kind: Kind::Goods,
        size: Size::None,
        store: Store::General,
        brands: &[
            (
                "Ty",
                &[
                    "Beanie Baby Princess Bear",
                    "Beanie Baby Peace Bear",
                    "Beanie Baby Valentino",
                    "Beanie Baby Garcia",
                ],
            ),
            ("Squishmallows", &["Wendy", "Cam", "Jack", "Malcolm"]),
            ("Jellycat", &["Bashful Bunny", "Amuseable Avocado"]),
            ("Build-A-Bear", &[]),
            (
                "Sanrio",
                &[
                    "Hello Kitty",
                    "Kuromi",
                    "My Melody",
                    "Cinnamoroll",
                    "Pompompurin",
                ],
            ),
            ("Steiff", &[]),
        ],
        nouns: &["Plush", "Stuffed Animal", "Teddy Bear", "Plushie"],
        median: 15.0,
        sigma: 0.8,
        barcode: 0.78,
        vintage: 0.15,
    },
    Cat {
        path: "Home & Kitchen > Bakeware",
        weight: 20,
        kind: Kind::Goods,
        size: Size::None,
        store: Store::General,
        brands: &[
            (
                "Pyrex",
                &[
                    "Butterprint",
                    "Gooseberry",
                    "Spring Blossom",
                    "Snowflake",
                    "Primary Colors",
                    "Pink Daisy",
                    "Town & Country",
                    "Amish Butterprint",
                    "Early American",
                ],
            ),
            (
                "Fire-King",
                &["Jadeite", "Restaurant Ware", "Peach Lustre", "Swirl"],
            ),
            (
                "CorningWare",
                &[
                    "Blue Cornflower",
                    "Spice of Life",
                    "Wildflower",
                    "French White",
                ],
            ),
            ("Anchor Hocking", &["Royal Ruby", "Fire-King"]),
            ("Glasbake", &[]),
            ("Hazel-Atlas", &[]),
        ],
        nouns: &[
            "Mixing Bowl",
            "Nesting Bowl Set",
            "Casserole Dish",
            "Refrigerator Dish",
            "Cinderella Bowl",
            "Loaf Pan",
            "Pie Plate",
            "Baking Dish",
        ],
        median: 32.0,
        sigma: 0.75,
        barcode: 0.33,
        vintage: 0.45,
    },
    Cat {
        path: "Home & Kitchen > Cookware",
        weight: 12,
        kind: Kind::Goods,
        size: Size::None,
        store: Store::General,
        brands: &[
            (
                "Le Creuset",
                &[
                    "Flame",
                    "Marseille",
                    "Cerise",
                    "Caribbean",
                    "Meringue",
                    "Artichaut",
                ],
            ),
            ("Lodge", &[]),
            ("Staub", &[]),
            ("Dansk", &["Kobenstyle"]),
            ("Griswold", &["No. 8", "No. 10", "Slant Logo"]),
            ("Wagner", &["Ware Sidney"]),
            ("All-Clad", &["D3", "Copper Core"]),
            ("Cuisinart", &[]),
            ("Descoware", &[]),
        ],
        nouns: &[
            "Dutch Oven 5.5 qt",
            "Cast Iron Skillet",
            "Braiser",
            "Saucepan",
            "Stock Pot",
            "Fondue Set",
            "Grill Pan",
        ],
        median: 55.0,
        sigma: 0.75,
        barcode: 0.45,
        vintage: 0.3,
    },
    Cat {
        path: "Home & Kitchen > Glassware",
        weight: 15,
        kind: Kind::Goods,
        size: Size::None,
        store: Store::General,
        brands: &[
            ("Fenton", &["Hobnail", "Silver Crest"]),
            ("Waterford", &["Lismore", "Colleen"]),
            ("Libbey", &["Gold Leaf"]),
            ("Blenko", &[]),
            ("Anchor Hocking", &["Early American Prescut"]),
            ("Federal Glass", &[]),
            ("Indiana Glass", &["Tiara", "Harvest Grape"]),
            ("Culver", &["Valencia"]),
        ],
        nouns: &[
            "Tumbler Set",
            "Goblets",
            "Candy Dish",
            "Vase",
            "Punch Bowl Set",
            "Cocktail Glasses",
            "Pitcher",
        ],
        median: 24.0,
        sigma: 0.8,
        barcode: 0.26,
        vintage: 0.5,
    },
    Cat {
        path: "Home & Kitchen > Dinnerware",
        weight: 12,
        kind: Kind::Goods,
        size: Size::None,
        store: Store::General,
        brands: &[
            ("Fiesta", &["Cobalt", "Turquoise", "Radioactive Red"]),
            ("Franciscan", &["Desert Rose", "Apple", "Starburst"]),
            ("Noritake", &[]),
            ("Wedgwood", &["Jasperware", "Wild Strawberry"]),
            ("Spode", &["Christmas Tree", "Blue Italian"]),
            ("Corelle", &["Butterfly Gold", "Spring Blossom"]),
            ("Royal Albert", &["Old Country Roses"]),
            ("Johnson Brothers", &["Friendly Village"]),
            ("Arabia", &["Paratiisi"]),
        ],
        nouns: &[
            "Dinner Plates",
            "Salad Plates",
            "Teacup and Saucer",
            "Serving Platter",
            "Gravy Boat",
            "Soup Bowls",
            "Creamer and Sugar",
        ],
        median: 28.0,
        sigma: 0.8,
        barcode: 0.39,
        vintage: 0.4,
    },
    Cat {
        path: "Home & Garden > Decor",
        weight: 15,
        kind: Kind::Goods,
        size: Size::None,
        store: Store::General,
        brands: &[
            ("Pottery Barn", &[]),
            ("Longaberger", &[]),
            ("Yankee Candle", &[]),
            ("Hallmark", &[]),
            ("Mid Century", &[]),
            ("Kosta Boda", &[]),
            ("Jonathan Adler", &[]),
        ],
        nouns: &[
            "Brass Candlesticks",
            "Table Lamp",
            "Wall Mirror",
            "Basket",
            "Planter",
            "Bookends",
            "Wall Clock",
            "Throw Pillow",
        ],
        median: 26.0,
        sigma: 0.8,
        barcode: 0.45,
        vintage: 0.35,
    },
    Cat {
        path: "Electronics > Video Games",
        weight: 30,
        kind: Kind::Game,
        size: Size::None,
        store: Store::General,
        brands: &[
            ("Nintendo", &[]),
            ("Sony", &[]),
            ("Sega", &[]),
            ("Microsoft", &[]),
        ],
        nouns: NO_NOUNS,
        median: 30.0,
        sigma: 1.0,
        barcode: 0.91,
        vintage: 0.0,
    },
    Cat {
        path: "Electronics > Video Game Consoles",
        weight: 10,
        kind: Kind::Goods,
        size: Size::None,
        store: Store::General,
        brands: &[
            (
                "Nintendo",
                &[
                    "Game Boy Color",
                    "Game Boy Advance SP",
                    "N64",
                    "GameCube",
                    "SNES",
                    "NES",
                    "DS Lite",
                    "3DS XL",
                    "Switch OLED",
                    "Wii",
                ],
            ),
            (
                "Sony",
                &[
                    "PlayStation 2 Slim",
                    "PS1",
                    "PSP 3000",
                    "PS Vita",
                    "PlayStation 4 Pro",
                ],
            ),
            (
                "Sega",
                &["Genesis Model 1", "Dreamcast", "Game Gear", "Saturn"],
            ),
            ("Microsoft", &["Xbox 360 S", "Original Xbox"]),
            ("Atari", &["2600 Woody", "7800", "Lynx"]),
        ],
        nouns: &[
            "Console",
            "Console Bundle",
            "Handheld",
            "Console Tested",
            "Controller",
        ],
        median: 95.0,
        sigma: 0.6,
        barcode: 0.78,
        vintage: 0.1,
    },
    Cat {
        path: "Electronics > Cameras",
        weight: 10,
        kind: Kind::Goods,
        size: Size::None,
        store: Store::General,
        brands: &[
            (
                "Canon",
                &[
                    "AE-1 Program",
                    "A-1",
                    "AE-1",
                    "PowerShot G7",
                    "EOS Rebel T3i",
                ],
            ),
            ("Nikon", &["F3", "FM2", "FE", "Coolpix S6", "D3300"]),
            ("Olympus", &["OM-1", "OM-2n", "Stylus Epic", "Trip 35"]),
            ("Pentax", &["K1000", "ME Super", "Spotmatic"]),
            ("Polaroid", &["SX-70", "OneStep", "600 Sun"]),
            ("Kodak", &["Brownie Hawkeye", "Instamatic", "EasyShare"]),
            ("Minolta", &["X-700", "SRT 101"]),
            ("Leica", &["M6", "M3", "CL"]),
        ],
        nouns: &[
            "35mm Film Camera",
            "Camera Body",
            "Point and Shoot",
            "Instant Camera",
            "Digital Camera",
            "Lens 50mm f/1.8",
        ],
        median: 90.0,
        sigma: 0.9,
        barcode: 0.52,
        vintage: 0.3,
    },
    Cat {
        path: "Electronics > Audio",
        weight: 10,
        kind: Kind::Goods,
        size: Size::None,
        store: Store::General,
        brands: &[
            (
                "Sony",
                &["Walkman WM-F2015", "Discman D-50", "Walkman WM-2"],
            ),
            ("Technics", &["SL-1200MK2", "SL-1500"]),
            ("Bose", &["Wave", "QuietComfort 35", "SoundLink"]),
            ("Marantz", &["2230", "2270"]),
            ("Pioneer", &["SX-780", "PL-518"]),
            ("Yamaha", &["NS-10M"]),
            ("Panasonic", &[]),
            ("Sansui", &["AU-717"]),
            ("Koss", &["Porta Pro"]),
        ],
        nouns: &[
            "Cassette Player",
            "Turntable",
            "Receiver",
            "Speakers",
            "Headphones",
            "CD Player",
            "Boombox",
        ],
        median: 80.0,
        sigma: 0.9,
        barcode: 0.59,
        vintage: 0.3,
    },
    Cat {
        path: "Media > Vinyl Records",
        weight: 25,
        kind: Kind::Vinyl,
        size: Size::None,
        store: Store::General,
        brands: &[
            ("Columbia", &[]),
            ("Capitol", &[]),
            ("Warner Bros.", &[]),
            ("Atlantic", &[]),
            ("Motown", &[]),
            ("Blue Note", &[]),
            ("Sub Pop", &[]),
            ("Parlophone", &[]),
            ("Harvest", &[]),
            ("Island", &[]),
        ],
        nouns: NO_NOUNS,
        median: 22.0,
        sigma: 0.9,
        barcode: 0.72,
        vintage: 0.0,
    },
    Cat {
        path: "Books > Fiction",
        weight: 20,
        kind: Kind::Book,
        size: Size::None,
        store: Store::General,
        brands: &[
            ("Penguin", &[]),
            ("Bloomsbury", &[]),
            ("Scholastic", &[]),
            ("Vintage Books", &[]),
            ("Knopf", &[]),
            ("Gallimard", &[]),
            ("HarperCollins", &[]),
        ],
        nouns: NO_NOUNS,
        median: 10.0,
        sigma: 1.0,
        barcode: 0.95,
        vintage: 0.0,
    },
    Cat {
        path: "Books > Children's",
        weight: 10,
        kind: Kind::Book,
        size: Size::None,
        store: Store::General,
        brands: &[
            ("Golden Books", &[]),
            ("Scholastic", &[]),
            ("Random House", &[]),
            ("Puffin", &[]),
        ],
        nouns: NO_NOUNS,
        median: 8.0,
        sigma: 0.9,
        barcode: 0.95,
        vintage: 0.0,
    },
    Cat {
        path: "Musical Instruments > Guitars",
        weight: 5,
        kind: Kind::Goods,
        size: Size::None,
        store: Store::General,
        brands: &[
            (
                "Fender",
                &["Player Stratocaster", "Telecaster", "Jazzmaster", "Mustang"],
            ),
            ("Gibson", &["Les Paul Standard", "SG Special", "J-45"]),
            ("Epiphone", &["Les Paul", "Casino"]),
            ("Yamaha", &["FG-180", "Pacifica"]),
            ("Martin", &["D-28", "LX1"]),
            ("Squier", &["Classic Vibe"]),
        ],
        nouns: &[
            "Electric Guitar",
            "Acoustic Guitar",
            "Bass Guitar",
            "Guitar Sunburst",
        ],
        median: 420.0,
        sigma: 0.7,
        barcode: 0.52,
        vintage: 0.2,
    },
];

const COLOURS: &[&str] = &[
    "Black",
    "Blue",
    "White",
    "Navy",
    "Grey",
    "Red",
    "Brown",
    "Green",
    "Olive",
    "Tan",
    "Cream",
    "Pink",
    "Burgundy",
    "Khaki",
    "Charcoal",
    "Beige",
    "Ivory",
    "Purple",
    "Yellow",
    "Orange",
    "Teal",
    "Camel",
    "Plaid",
    "Floral",
    "Striped",
    "Heather Grey",
    "Forest Green",
    "Mustard",
    "Rust",
    "Sage",
    "Lavender",
    "Coral",
    "Multicolor",
    "Turquoise",
    "Denim Blue",
    "Sky Blue",
    "Mint",
    "Lilac",
    "Oatmeal",
    "Ecru",
];

const LETTER_SIZES: &[&str] = &["M", "L", "S", "XL", "XS", "XXL", "XXS", "3XL"];
const KIDS_SIZES: &[&str] = &[
    "4T", "5T", "3T", "2T", "6", "8", "10/12", "7", "18M", "12M", "24M", "14/16",
];
const TITLE_SUFFIXES: &[&str] = &[
    "NWT",
    "EUC",
    "Rare",
    "Lot of 3",
    "Deadstock",
    "Made in USA",
    "Read Description",
    "Bundle",
];

// Pokémon: names, and sets as (name, printed size, era).
const POKEMON: &[&str] = &[
    "Charizard",
    "Pikachu",
    "Umbreon",
    "Mewtwo",
    "Blastoise",
    "Gengar",
    "Eevee",
    "Lugia",
    "Rayquaza",
    "Venusaur",
    "Mew",
    "Gyarados",
    "Snorlax",
    "Dragonite",
    "Lucario",
    "Greninja",
    "Sylveon",
    "Espeon",
    "Bulbasaur",
    "Squirtle",
    "Charmander",
    "Machamp",
    "Alakazam",
    "Ninetales",
    "Arcanine",
    "Zapdos",
    "Moltres",
    "Articuno",
    "Ho-Oh",
    "Celebi",
    "Flareon",
    "Vaporeon",
    "Jolteon",
    "Leafeon",
    "Glaceon",
    "Gardevoir",
    "Garchomp",
    "Darkrai",
    "Giratina",
    "Arceus",
    "Mimikyu",
    "Jigglypuff",
    "Psyduck",
    "Magikarp",
    "Tyranitar",
    "Scizor",
    "Flabébé",
    "Farfetch'd",
    "Mr. Mime",
    "Nidoran♀",
    "Type: Null",
    "Porygon-Z",
    "Iono",
    "Professor's Research",
    "Miraidon",
    "Koraidon",
    "Pecharunt",
    "Terapagos",
];
const POKEMON_SETS: &[(&str, u32, u8)] = &[
    ("Base Set", 102, 0),
    ("Jungle", 64, 0),
    ("Fossil", 62, 0),
    ("Team Rocket", 82, 0),
    ("Base Set 2", 130, 0),
    ("Neo Genesis", 111, 0),
    ("Neo Destiny", 105, 0),
    ("Gym Heroes", 132, 0),
    ("EX Dragon", 97, 1),
    ("Diamond & Pearl", 130, 1),
    ("XY Evolutions", 108, 1),
    ("Boundaries Crossed", 149, 1),
    ("Hidden Fates", 68, 2),
    ("Cosmic Eclipse", 236, 2),
    ("Team Up", 181, 2),
    ("Evolving Skies", 203, 3),
    ("Brilliant Stars", 172, 3),
    ("Lost Origin", 196, 3),
    ("Crown Zenith", 159, 3),
    ("Celebrations", 25, 3),
    ("Vivid Voltage", 185, 3),
    ("Fusion Strike", 264, 3),
    ("Scarlet & Violet", 198, 4),
    ("Paldea Evolved", 193, 4),
    ("Obsidian Flames", 197, 4),
    ("151", 165, 4),
    ("Paradox Rift", 182, 4),
    ("Temporal Forces", 162, 4),
    ("Surging Sparks", 191, 4),
    ("Prismatic Evolutions", 131, 4),
];
const POKEMON_SUFFIX: [&[&str]; 5] = [
    &[""],
    &["ex", "LV.X", "EX", ""],
    &["GX", "GX", ""],
    &["V", "VMAX", "VSTAR", ""],
    &["ex", "ex", ""],
];
const POKEMON_VARIANTS: [&[&str]; 5] = [
    &[
        "Holo",
        "1st Edition Holo",
        "Shadowless Holo",
        "Non-Holo",
        "Rare",
        "Unlimited Holo",
    ],
    &["Holo", "Reverse Holo", "Rare"],
    &["Full Art", "Rainbow Rare", "Shiny Vault", "Holo"],
    &[
        "Alt Art",
        "Full Art",
        "Secret Rare",
        "Reverse Holo",
        "Gold",
        "Trainer Gallery",
    ],
    &[
        "Illustration Rare",
        "Special Illustration Rare",
        "Full Art",
        "Reverse Holo",
        "Gold",
        "Master Ball Reverse",
    ],
];
const GRADES: &[&str] = &[
    "PSA 10",
    "PSA 9",
    "PSA 8",
    "BGS 9.5",
    "BGS 9",
    "CGC 10",
    "CGC 9.5",
    "SGC 10",
    "SGC 9",
    "PSA 7",
    "BGS 10 Black Label",
];

const MAGIC_CARDS: &[&str] = &[
    "Lightning Bolt",
    "Counterspell",
    "Sol Ring",
    "Llanowar Elves",
    "Thoughtseize",
    "Snapcaster Mage",
    "Tarmogoyf",
    "Mana Crypt",
    "Dark Ritual",
    "Swords to Plowshares",
    "Jace, the Mind Sculptor",
    "Liliana of the Veil",
    "Ragavan, Nimble Pilferer",
    "Sheoldred, the Apocalypse",
    "Æther Vial",
    "Lim-Dûl's Vault",
    "Jötun Grunt",
    "Force of Will",
    "Brainstorm",
    "Demonic Tutor",
    "Wrath of God",
    "Birds of Paradise",
    "Serra Angel",
    "Shivan Dragon",
    "Craterhoof Behemoth",
    "Rhystic Study",
    "Cyclonic Rift",
    "Smothering Tithe",
    "The One Ring",
    "Orcish Bowmasters",
    "Atraxa, Grand Unifier",
    "Urza's Saga",
    "Dockside Extortionist",
    "Ancient Tomb",
    "Scalding Tarn",
    "Polluted Delta",
    "Black Lotus",
    "Mox Pearl",
    "Elesh Norn, Mother of Machines",
    "Esper Sentinel",
];
const MAGIC_SETS: &[&str] = &[
    "Alpha",
    "Beta",
    "Unlimited",
    "Revised",
    "Modern Horizons 2",
    "Modern Horizons 3",
    "Dominaria United",
    "Double Masters",
    "Commander Legends",
    "Innistrad",
    "Time Spiral",
    "Worldwake",
    "Zendikar",
    "The Lord of the Rings",
    "Phyrexia: All Will Be One",
    "Ravnica Remastered",
    "Wilds of Eldraine",
    "Ice Age",
    "Urza's Legacy",
    "Secret Lair",
    "Commander Masters",
    "Bloomburrow",
    "Duskmourn",
];
const MAGIC_FINISHES: &[&str] = &[
    "",
    "Foil",
    "Foil",
    "Etched Foil",
    "Borderless",
    "Showcase",
    "Extended Art",
    "Retro Frame",
];
const CARD_CONDS: &[&str] = &["NM", "NM", "LP", "MP", "HP", "NM/M"];

const YUGIOH_CARDS: &[&str] = &[
    "Blue-Eyes White Dragon",
    "Dark Magician",
    "Exodia the Forbidden One",
    "Red-Eyes Black Dragon",
    "Dark Magician Girl",
    "Ash Blossom & Joyous Spring",
    "Pot of Greed",
    "Monster Reborn",
    "Summoned Skull",
    "Black Luster Soldier",
    "Jinzo",
    "Mirror Force",
    "Stardust Dragon",
    "Elemental HERO Neos",
    "Accesscode Talker",
    "Maxx \"C\"",
    "Infinite Impermanence",
    "Snake-Eye Ash",
];
const YUGIOH_SETS: &[&str] = &[
    "LOB", "MRD", "SDY", "PSV", "MRL", "DCR", "IOC", "RA01", "MP23", "ROTD", "PHRA", "LEDE", "SDK",
    "TOCH", "BLMR",
];
const YUGIOH_RARITIES: &[&str] = &[
    "Ultra Rare",
    "Super Rare",
    "Secret Rare",
    "Common",
    "Rare",
    "Ghost Rare",
    "Starlight Rare",
    "Quarter Century Secret Rare",
    "Ultimate Rare",
];
const YUGIOH_EDITIONS: &[&str] = &["1st Edition", "Unlimited", "Limited Edition"];

// Sports cards: per sport, players (name, rookie year) and brand indices.
struct Sport {
    players: &'static [(&'static str, u32)],
    brands: &'static [usize],
}
/// (brand, first year, last year, series)
const SPORT_BRANDS: &[(&str, u32, u32, &[&str])] = &[
    (
        "Topps",
        1951,
        2025,
        &[
            "Chrome",
            "Series 1",
            "Series 2",
            "Update",
            "Heritage",
            "Stadium Club",
            "Finest",
            "Allen & Ginter",
            "Gypsy Queen",
            "Chrome Sapphire",
            "Now",
        ],
    ),
    (
        "Bowman",
        1948,
        2025,
        &["Chrome", "Draft", "1st Edition", "Sterling", "Platinum"],
    ),
    (
        "Upper Deck",
        1989,
        2025,
        &[
            "Series 1",
            "SP Authentic",
            "Young Guns",
            "Exquisite",
            "SPx",
            "MVP",
        ],
    ),
    (
        "Fleer",
        1981,
        2007,
        &["Ultra", "Tradition", "Metal", "Flair", ""],
    ),
    (
        "Donruss",
        1981,
        2025,
        &["Rated Rookie", "Elite", "Optic", ""],
    ),
    (
        "Panini",
        2009,
        2025,
        &[
            "Prizm",
            "Select",
            "Donruss Optic",
            "Mosaic",
            "National Treasures",
            "Contenders",
            "Chronicles",
            "Hoops",
            "Immaculate",
        ],
    ),
    ("O-Pee-Chee", 1968, 2025, &["", "Platinum"]),
    ("Score", 1988, 2025, &["", "Rookies"]),
];
const SPORTS: &[Sport] = &[
    Sport {
        players: &[
            ("Mike Trout", 2011),
            ("Shohei Ohtani", 2018),
            ("Aaron Judge", 2017),
            ("Mookie Betts", 2014),
            ("Ronald Acuña Jr.", 2018),
            ("Fernando Tatis Jr.", 2019),
            ("Juan Soto", 2018),
            ("Julio Rodríguez", 2022),
            ("Vladimir Guerrero Jr.", 2019),
            ("Bryce Harper", 2012),
            ("Derek Jeter", 1993),
            ("Ken Griffey Jr.", 1989),
            ("Mickey Mantle", 1952),
            ("Babe Ruth", 1933),
            ("Hank Aaron", 1954),
            ("Roberto Clemente", 1955),
            ("Ichiro Suzuki", 2001),
            ("Albert Pujols", 2001),
            ("Gunnar Henderson", 2023),
            ("Elly De La Cruz", 2023),
            ("Paul Skenes", 2024),
            ("Jackson Holliday", 2024),
            ("Corbin Carroll", 2023),
            ("Bobby Witt Jr.", 2022),
            ("Adley Rutschman", 2022),
            ("Cal Ripken Jr.", 1982),
            ("Nolan Ryan", 1968),
        ],
        brands: &[0, 1, 2, 3, 4, 5],
    },
    Sport {
        players: &[
            ("LeBron James", 2003),
            ("Michael Jordan", 1986),
            ("Stephen Curry", 2009),
            ("Kobe Bryant", 1996),
            ("Luka Dončić", 2018),
            ("Giannis Antetokounmpo", 2013),
            ("Nikola Jokić", 2015),
            ("Victor Wembanyama", 2023),
            ("Kevin Durant", 2007),
            ("Zion Williamson", 2019),
            ("Ja Morant", 2019),
            ("Anthony Edwards", 2020),
            ("Caitlin Clark", 2024),
            ("Shaquille O'Neal", 1992),
            ("Tim Duncan", 1997),
            ("Larry Bird", 1980),
            ("Magic Johnson", 1980),
            ("Jayson Tatum", 2017),
            ("Shai Gilgeous-Alexander", 2018),
        ],
        brands: &[5, 0, 2, 3, 4],
    },
    Sport {
        players: &[
            ("Tom Brady", 2000),
            ("Patrick Mahomes", 2017),
            ("Josh Allen", 2018),
            ("Joe Burrow", 2020),
            ("Justin Jefferson", 2020),
            ("Jerry Rice", 1986),
            ("Peyton Manning", 1998),
            ("Joe Montana", 1981),
            ("Lamar Jackson", 2018),
            ("C.J. Stroud", 2023),
            ("Ja'Marr Chase", 2021),
            ("Brock Purdy", 2022),
            ("Walter Payton", 1976),
            ("Barry Sanders", 1989),
            ("Caleb Williams", 2024),
            ("Jalen Hurts", 2020),
        ],
        brands: &[5, 0, 2, 7, 4, 1],
    },
    Sport {
        players: &[
            ("Lionel Messi", 2004),
            ("Cristiano Ronaldo", 2003),
            ("Kylian Mbappé", 2017),
            ("Erling Haaland", 2020),
            ("Pelé", 1958),
            ("Jude Bellingham", 2021),
            ("Vinícius Júnior", 2019),
            ("Lamine Yamal", 2024),
            ("Mohamed Salah", 2014),
            ("Zlatan Ibrahimović", 2002),
            ("Luka Modrić", 2008),
            ("Son Heung-min", 2015),
        ],
        brands: &[5, 0, 2],
    },
    Sport {
        players: &[
            ("Wayne Gretzky", 1979),
            ("Connor McDavid", 2015),
            ("Sidney Crosby", 2005),
            ("Alex Ovechkin", 2005),
            ("Mario Lemieux", 1985),
            ("Auston Matthews", 2016),
            ("Connor Bedard", 2023),
            ("Cale Makar", 2019),
            ("Nathan MacKinnon", 2013),
            ("Patrik Laine", 2016),
        ],
        brands: &[2, 6, 0],
    },
];
const PARALLELS: &[&str] = &[
    "",
    "",
    "",
    "Refractor",
    "Silver Prizm",
    "Gold Refractor /50",
    "Blue /150",
    "Green Wave",
    "Holo",
    "Auto",
    "Patch Auto /99",
    "Rainbow Foil",
    "Orange /25",
    "Black /1",
    "Sepia",
    "Pink Ice",
];

const LEGO_SETS: &[(&str, &str, &str)] = &[
    ("Star Wars", "75192", "Millennium Falcon"),
    (
        "Star Wars",
        "10179",
        "Ultimate Collector's Millennium Falcon",
    ),
    ("Star Wars", "75313", "AT-AT"),
    ("Star Wars", "10221", "Super Star Destroyer"),
    ("Castle", "6080", "King's Castle"),
    ("Icons", "10497", "Galaxy Explorer"),
    ("Icons", "10305", "Lion Knights' Castle"),
    ("Ideas", "21318", "Tree House"),
    ("Ideas", "21325", "Medieval Blacksmith"),
    ("Technic", "42115", "Lamborghini Sián FKP 37"),
    ("Technic", "42143", "Ferrari Daytona SP3"),
    ("Icons", "10294", "Titanic"),
    ("Harry Potter", "71043", "Hogwarts Castle"),
    ("Super Heroes", "76139", "1989 Batmobile"),
    ("Super Heroes", "76178", "Daily Bugle"),
    ("Icons", "10276", "Colosseum"),
    ("Creator", "31120", "Medieval Castle"),
    ("City", "60337", "Express Passenger Train"),
    ("Town", "6399", "Airport Shuttle"),
    ("Botanical", "10281", "Bonsai Tree"),
    ("Super Mario", "71395", "Super Mario 64 Question Mark Block"),
    ("Icons", "10300", "Back to the Future Time Machine"),
    ("Icons", "10302", "Optimus Prime"),
    ("Space", "6929", "Star Fleet Voyager"),
    ("Pirates", "6285", "Black Seas Barracuda"),
    ("Minifigures", "71045", "Series 25 Minifigure"),
];
const LEGO_STATES: &[&str] = &[
    "New Sealed",
    "Complete w/ Instructions",
    "Complete No Box",
    "Retired",
    "Incomplete",
    "Sealed Box Damage",
    "Built Once",
];

const FUNKO_LINES: &[&str] = &[
    "Marvel",
    "Star Wars",
    "Disney",
    "Animation",
    "Television",
    "Movies",
    "Games",
    "Rocks",
    "Ad Icons",
    "Harry Potter",
    "Icons",
    "Heroes",
];
const CHARACTERS: &[&str] = &[
    "Spider-Man",
    "Darth Vader",
    "Grogu",
    "Stitch",
    "Goku",
    "Pikachu",
    "Freddy Funko",
    "Michael Scott",
    "Eleven",
    "Groot",
    "Deadpool",
    "Hello Kitty",
    "Naruto",
    "Kakashi",
    "Jack Skellington",
    "Mickey Mouse",
    "Ghostface",
    "Wednesday Addams",
    "Pennywise",
    "Boba Fett",
    "Luke Skywalker",
    "Batman",
    "Wolverine",
    "He-Man",
    "Skeletor",
    "Optimus Prime",
    "Megatron",
    "Leonardo",
    "Venom",
    "Iron Man",
    "Thor",
    "Harley Quinn",
    "Vegeta",
    "Sailor Moon",
    "Totoro",
    "Chucky",
    "Michael Myers",
    "Captain America",
];
const FUNKO_EXTRAS: &[&str] = &[
    "",
    "",
    "",
    "Chase",
    "Glow in the Dark",
    "Flocked",
    "Hot Topic Exclusive",
    "SDCC 2019",
    "NYCC Exclusive",
    "Vaulted",
    "Target Exclusive",
    "Metallic",
    "Funko Shop Exclusive",
];
const FIGURE_LINES: &[(&str, &str, u32, u32)] = &[
    ("Kenner", "Star Wars", 1977, 1985),
    ("Hasbro", "Marvel Legends", 2007, 2025),
    ("Hasbro", "Transformers G1", 1984, 1990),
    ("Mattel", "Masters of the Universe", 1982, 1988),
    ("Playmates", "TMNT", 1988, 1997),
    ("Bandai", "S.H.Figuarts", 2008, 2025),
    ("NECA", "Ultimate", 2010, 2025),
    ("McFarlane Toys", "DC Multiverse", 2020, 2025),
    ("Hasbro", "Star Wars Black Series", 2013, 2025),
    ("Toy Biz", "Marvel Super Heroes", 1990, 2006),
    ("Hasbro", "G.I. Joe", 1982, 1994),
];
const FIGURE_STATES: &[&str] = &[
    "MOC",
    "Loose",
    "Complete",
    "Sealed",
    "Carded",
    "With Accessories",
    "Unpunched",
    "Figure Only",
];

const RECORDS: &[(&str, &str, u32)] = &[
    ("Fleetwood Mac", "Rumours", 1977),
    ("Pink Floyd", "The Dark Side of the Moon", 1973),
    ("The Beatles", "Abbey Road", 1969),
    ("Michael Jackson", "Thriller", 1982),
    ("Beyoncé", "Lemonade", 2016),
    ("Björk", "Homogenic", 1997),
    ("Sigur Rós", "Ágætis byrjun", 1999),
    ("Motörhead", "Ace of Spades", 1980),
    ("Blue Öyster Cult", "Agents of Fortune", 1976),
    ("Led Zeppelin", "IV", 1971),
    ("Miles Davis", "Kind of Blue", 1959),
    ("Nirvana", "Nevermind", 1991),
    ("Prince", "Purple Rain", 1984),
    ("Taylor Swift", "Folklore", 2020),
    ("Radiohead", "OK Computer", 1997),
    ("Stevie Wonder", "Songs in the Key of Life", 1976),
    ("Daft Punk", "Random Access Memories", 2013),
    ("Joni Mitchell", "Blue", 1971),
    ("David Bowie", "Ziggy Stardust", 1972),
    ("Kendrick Lamar", "To Pimp a Butterfly", 2015),
    ("Mötley Crüe", "Shout at the Devil", 1983),
    ("Guns N' Roses", "Appetite for Destruction", 1987),
    ("John Coltrane", "A Love Supreme", 1965),
    ("Queen", "A Night at the Opera", 1975),
];
const RECORD_EXTRAS: &[&str] = &[
    "LP",
    "LP First Press",
    "LP Reissue",
    "180g LP",
    "LP Sealed",
    "LP Promo",
    "Gatefold LP",
    "LP VG+",
    "LP NM",
    "Picture Disc",
    "2xLP",
    "Colored Vinyl",
];

const BOOKS: &[(&str, &str)] = &[
    ("Harry Potter and the Philosopher's Stone", "J.K. Rowling"),
    ("The Hobbit", "J.R.R. Tolkien"),
    ("To Kill a Mockingbird", "Harper Lee"),
    ("Dune", "Frank Herbert"),
    ("The Great Gatsby", "F. Scott Fitzgerald"),
    ("One Hundred Years of Solitude", "Gabriel García Márquez"),
    ("The Little Prince", "Antoine de Saint-Exupéry"),
    ("Where the Wild Things Are", "Maurice Sendak"),
    ("Goodnight Moon", "Margaret Wise Brown"),
    ("The Very Hungry Caterpillar", "Eric Carle"),
    ("Beloved", "Toni Morrison"),
    ("The Hunger Games", "Suzanne Collins"),
    ("A Game of Thrones", "George R.R. Martin"),
    ("Les Misérables", "Victor Hugo"),
    ("The Cat in the Hat", "Dr. Seuss"),
    ("Fourth Wing", "Rebecca Yarros"),
    ("The Shining", "Stephen King"),
    ("Norwegian Wood", "Haruki Murakami"),
    ("Pride and Prejudice", "Jane Austen"),
    ("Charlotte's Web", "E.B. White"),
];
const BOOK_EXTRAS: &[&str] = &[
    "Hardcover",
    "Paperback",
    "1st Edition Hardcover",
    "First Printing",
    "Book Club Edition",
    "Signed",
    "Mass Market Paperback",
    "Illustrated Edition",
    "Ex-Library",
];

/// (title, platform, platform maker)
const GAMES: &[(&str, &str, &str)] = &[
    ("Super Mario 64", "N64", "Nintendo"),
    ("Pokémon Red", "Game Boy", "Nintendo"),
    ("Pokémon Yellow", "Game Boy", "Nintendo"),
    ("Pokémon Emerald", "GBA", "Nintendo"),
    ("The Legend of Zelda: Ocarina of Time", "N64", "Nintendo"),
    ("Super Mario Bros. 3", "NES", "Nintendo"),
    ("EarthBound", "SNES", "Nintendo"),
    ("Chrono Trigger", "SNES", "Nintendo"),
    ("Final Fantasy VII", "PS1", "Sony"),
    ("Metal Gear Solid", "PS1", "Sony"),
    ("Halo 3", "Xbox 360", "Microsoft"),
    ("Sonic the Hedgehog 2", "Sega Genesis", "Sega"),
    ("Animal Crossing: New Horizons", "Switch", "Nintendo"),
    ("Metroid Prime", "GameCube", "Nintendo"),
    ("Super Smash Bros. Melee", "GameCube", "Nintendo"),
    ("Kirby's Dream Land", "Game Boy", "Nintendo"),
    ("GoldenEye 007", "N64", "Nintendo"),
    ("Resident Evil 4", "GameCube", "Nintendo"),
    ("Tony Hawk's Pro Skater 2", "PS1", "Sony"),
    ("Shadow of the Colossus", "PS2", "Sony"),
    ("Mario Kart 8 Deluxe", "Switch", "Nintendo"),
    ("Elden Ring", "PS5", "Sony"),
];
const GAME_STATES: &[&str] = &[
    "CIB",
    "Cartridge Only",
    "Disc Only",
    "Sealed",
    "Tested",
    "Authentic",
    "Complete in Box",
    "Black Label",
    "Greatest Hits",
    "Player's Choice",
];

const COMICS: &[(&str, u32)] = &[
    ("Amazing Spider-Man", 300),
    ("Batman", 423),
    ("X-Men", 1),
    ("Incredible Hulk", 181),
    ("Uncanny X-Men", 266),
    ("New Mutants", 98),
    ("Saga", 1),
    ("The Walking Dead", 1),
    ("Spawn", 1),
    ("Teenage Mutant Ninja Turtles", 1),
    ("Detective Comics", 27),
    ("Ultimate Fallout", 4),
    ("Absolute Batman", 1),
    ("Hellboy: Seed of Destruction", 1),
];
const COMIC_GRADES: &[&str] = &[
    "CGC 9.8",
    "CGC 9.6",
    "CGC 9.4",
    "CBCS 9.8",
    "VF/NM",
    "NM",
    "VF",
    "FN",
    "Raw",
    "Newsstand",
    "Variant Cover",
    "Direct Edition",
];

const TAGS: &[&str] = &[
    "vintage",
    "y2k",
    "90s",
    "80s",
    "70s",
    "60s",
    "streetwear",
    "boho",
    "cottagecore",
    "grail",
    "pc",
    "rookie",
    "graded",
    "sealed",
    "holo",
    "1st-edition",
    "mcm",
    "mid-century",
    "retro",
    "designer",
    "handmade",
    "bundle",
    "needs-photos",
    "to-list",
    "listed",
    "ebay",
    "poshmark",
    "mercari",
    "depop",
    "whatnot",
    "etsy",
    "facebook",
    "shopify",
    "gift-idea",
    "holiday",
    "christmas",
    "halloween",
    "summer",
    "winter",
    "fall",
    "spring",
    "nwt",
    "nwot",
    "euc",
    "gently-used",
    "as-is",
    "for-parts",
    "tested",
    "untested",
    "rare",
    "htf",
    "grunge",
    "goth",
    "preppy",
    "western",
    "workwear",
    "gorpcore",
    "outdoor",
    "athleisure",
    "minimalist",
    "maximalist",
    "coastal",
    "farmhouse",
    "granny-chic",
    "kitsch",
    "atomic",
    "space-age",
    "art-deco",
    "victorian",
    "edwardian",
    "primitive",
    "americana",
    "japanese",
    "french",
    "italian",
    "british",
    "made-in-usa",
    "union-made",
    "selvedge",
    "single-stitch",
    "band-tee",
    "tour-tee",
    "anime",
    "cartoon",
    "disney",
    "marvel",
    "star-wars",
    "nintendo",
    "sega",
    "playstation",
    "xbox",
    "retro-gaming",
    "cib",
    "loose",
    "moc",
    "mib",
    "chase",
    "exclusive",
    "variant",
    "error",
    "misprint",
    "short-print",
    "numbered",
    "auto",
    "patch",
    "refractor",
    "prizm",
    "alt-art",
    "full-art",
    "secret-rare",
    "japanese-cards",
    "bulk",
    "lot",
    "commons",
    "binder",
    "slabbed",
    "raw",
    "psa",
    "bgs",
    "cgc",
    "sgc",
    "investment",
    "hold",
    "flip",
    "consignment",
    "returns",
    "damaged",
    "repair",
    "clean",
    "wash",
    "steam",
    "measure",
    "photograph",
    "relist",
    "price-drop",
    "offer",
    "stale",
    "best-seller",
    "fast-mover",
    "slow-mover",
    "high-value",
    "low-value",
    "shipping-heavy",
    "fragile",
    "oversize",
    "media-mail",
    "first-class",
    "priority",
    "local-pickup",
    "pyrex",
    "jadeite",
    "depression-glass",
    "cast-iron",
    "le-creuset",
    "corningware",
    "fiesta",
    "lego",
    "funko",
    "hot-wheels",
    "beanie-babies",
    "squishmallows",
    "sanrio",
    "pokemon",
    "mtg",
    "yugioh",
    "topps",
    "panini",
    "upper-deck",
    "baseball",
    "basketball",
    "football",
    "soccer",
    "hockey",
    "vinyl",
    "first-press",
    "audiophile",
    "jazz",
    "rock",
    "hip-hop",
    "books",
    "signed",
    "first-printing",
    "kids",
    "womens",
    "mens",
    "unisex",
    "plus-size",
    "petite",
    "tall",
    "shoes",
    "sneakers",
    "boots",
    "bags",
    "jewelry",
    "watches",
    "sterling",
    "gold",
    "leather",
    "cashmere",
    "wool",
    "denim",
    "silk",
    "linen",
    "camera",
    "film",
    "audio",
    "hifi",
    "décor",
    "café",
];
const KIND_TAGS_CARDS: &[&str] = &[
    "graded", "raw", "holo", "rookie", "pc", "binder", "slabbed", "psa", "rare", "bulk",
];
const KIND_TAGS_CLOTHES: &[&str] = &[
    "vintage",
    "y2k",
    "90s",
    "nwt",
    "streetwear",
    "euc",
    "made-in-usa",
    "boho",
    "workwear",
];

const OPENERS: &[&str] = &[
    "Pre-owned",
    "Gently used",
    "Lightly used",
    "Vintage",
    "Authentic",
    "Well loved",
    "Rare",
    "Classic",
    "Beautiful",
    "Clean",
    "Original",
];
const OPENERS_NEW: &[&str] = &["Brand new", "New", "Unused", "Sealed", "Authentic"];
const COND_WORDS: &[(&str, &str)] = &[
    ("new", "new"),
    ("like_new", "like new"),
    ("excellent", "excellent"),
    ("good", "good"),
    ("fair", "fair"),
    ("poor", "poor"),
];
const CLOSERS: &[&str] = &[
    "Smoke free home.",
    "Ships next business day.",
    "See photos for details.",
    "No rips or stains.",
    "Light wear consistent with age.",
    "Measurements in photos.",
    "Pet free home.",
    "Bundle to save.",
    "Sleeved and toploaded.",
    "Ships in a bubble mailer.",
    "Tested and working.",
    "All sales final.",
    "Open to reasonable offers.",
    "Please ask questions before buying.",
    "Stored in a climate controlled room.",
];
/// The ~1% of descriptions that carry CSV specials.
const SPECIALS: &[&str] = &[
    "Measurements: pit to pit 21\" length 28\" sleeve 25\".",
    "Comes with box, papers, and dust bag.",
    "Flaw: small mark on the back.\nPriced accordingly.",
    "Known as the \"Chicago\" colourway, highly sought after.",
    "Details:\r\n- no chips\r\n- no cracks",
    "Label reads \"Made in U.S.A.\"",
    "Includes: manual, cables, and original box.\nTested, works.",
    "Dimensions 10\" x 8\", weighs 2 lb.",
];
const SOURCES: &[&str] = &[
    "Goodwill",
    "estate sale",
    "garage sale",
    "flea market",
    "Salvation Army",
    "Facebook Marketplace",
    "eBay lot",
    "card show",
    "LCS",
    "thrift store",
    "auction",
    "Savers",
    "Buffalo Exchange",
    "yard sale",
    "church sale",
    "storage unit",
    "bins",
    "Mercari lot",
    "Whatnot break",
];
const NOTES: &[&str] = &[
    "Cross-listed on eBay and Poshmark",
    "Needs photos",
    "Needs measurements",
    "Steam before shipping",
    "Check for chips",
    "Missing manual",
    "Price firm",
    "Offer sent to watchers",
    "Relist if stale",
    "Hold for customer",
    "Do not discount",
    "Compare comps before lowering",
    "Small hole near hem",
    "Send to grading",
    "Swap sleeve",
    "Retake cover photo",
    "Weigh before listing",
];

// ---------------------------------------------------------------------------
// Row generation

struct Bins {
    /// (bin name, section word, section count)
    clothing: Vec<(String, &'static str, u32)>,
    cards: Vec<(String, &'static str, u32)>,
    general: Vec<(String, &'static str, u32)>,
}

impl Bins {
    fn build(rng: &mut Rng) -> Bins {
        let mut b = Bins {
            clothing: Vec::new(),
            cards: Vec::new(),
            general: Vec::new(),
        };
        let sections = |rng: &mut Rng| rng.range(1, 10) as u32;
        for n in 1..=120 {
            let bin = (format!("Tote {n}"), "Section", sections(rng));
            if n % 3 == 0 {
                b.general.push(bin);
            } else {
                b.clothing.push(bin);
            }
        }
        for n in 1..=30 {
            b.clothing
                .push((format!("Rack {n}"), "Slot", sections(rng)));
        }
        for c in 'A'..='Z' {
            b.general.push((format!("Shelf {c}"), "Box", sections(rng)));
        }
        for n in 1..=24 {
            b.general
                .push((format!("Drawer {n}"), "Tray", sections(rng)));
        }
        for n in 1..=60 {
            b.cards.push((format!("Binder {n}"), "Page", sections(rng)));
        }
        for n in 1..=40 {
            b.cards
                .push((format!("Card Box {n}"), "Row", sections(rng)));
        }
        b
    }
}

struct Gen {
    rng: Rng,
    vocab: Vocab,
    bins: Bins,
    cat_cdf: Vec<u32>,
    title: String,
    desc: String,
    brand: String,
    noun: String,
    loc: String,
    tags: String,
    notes: String,
}

impl Gen {
    fn new(seed: u64) -> Gen {
        let mut rng = Rng::new(seed);
        let bins = Bins::build(&mut rng);
        let mut acc = 0;
        let cat_cdf = CATS
            .iter()
            .map(|c| {
                acc += c.weight;
                acc
            })
            .collect();
        Gen {
            rng,
            vocab: Vocab::build(),
            bins,
            cat_cdf,
            title: String::with_capacity(128),
            desc: String::with_capacity(512),
            brand: String::with_capacity(64),
            noun: String::with_capacity(64),
            loc: String::with_capacity(64),
            tags: String::with_capacity(128),
            notes: String::with_capacity(128),
        }
    }

    fn write_row(&mut self, row: u64, buf: &mut Vec<u8>) {
        let r = &mut self.rng;
        let total = *self.cat_cdf.last().unwrap_or(&1);
        let x = r.below(u64::from(total)) as u32;
        let cat = &CATS[self.cat_cdf.partition_point(|&c| c <= x)];

        // Condition first: titles and descriptions agree with it.
        let cond = match r.below(100) {
            0..=11 => Some(0),
            12..=23 => Some(1),
            24..=43 => Some(2),
            44..=73 => Some(3),
            74..=83 => Some(4),
            84..=86 => Some(5),
            _ => None,
        };

        self.title.clear();
        self.brand.clear();
        self.noun.clear();
        let mut price_mult = 1.0;
        build_title(
            r,
            &self.vocab,
            cat,
            cond,
            &mut self.title,
            &mut self.brand,
            &mut self.noun,
            &mut price_mult,
        );

        // sku
        if r.chance(0.9) {
            buf.extend_from_slice(b"TRV-");
            push_padded(buf, row + 1, 6);
        }
        buf.push(b',');
        // barcode
        if r.chance(cat.barcode) {
            let (digits, len) = barcode_for_row(row, cat.kind == Kind::Book);
            buf.extend(digits[..len].iter().map(|d| b'0' + d));
        }
        buf.push(b',');
        push_field(buf, &self.title);
        buf.push(b',');

        // description
        self.desc.clear();
        if !r.chance(0.06) {
            build_description(r, &self.vocab, cond, &self.noun, &mut self.desc);
        }
        push_field(buf, &self.desc);
        buf.push(b',');
        push_field(buf, &self.brand);
        buf.push(b',');
        buf.extend_from_slice(cat.path.as_bytes());
        buf.push(b',');
        if let Some(c) = cond {
            buf.extend_from_slice(COND_WORDS[c].0.as_bytes());
        }
        buf.push(b',');

        // quantity
        let qty = match r.below(1000) {
            0..=4 => 0,
            5..=884 => 1,
            885..=964 => r.range(2, 5),
            _ if cat.store == Store::Clothing => r.range(2, 3),
            965..=994 => r.range(6, 24),
            _ => r.range(25, 500),
        };
        push_u64(buf, qty);
        buf.push(b',');

        // price, cost, currency
        let currency = match r.below(100) {
            0..=85 => Currency::Usd,
            86..=91 => Currency::Eur,
            92..=95 => Currency::Gbp,
            96..=97 => Currency::Cad,
            _ => Currency::Jpy,
        };
        let usd = (cat.median.ln() + cat.sigma * r.normal()).exp() * price_mult;
        let price = if r.chance(0.02) {
            None
        } else {
            Some(price_minor(r, usd, currency))
        };
        if let Some(p) = price {
            push_money(buf, p, currency);
        }
        buf.push(b',');
        if r.chance(0.7) {
            let cost = match price {
                Some(p) => {
                    let c = (p as f64 * (0.05 + 0.55 * r.f64())) as u64;
                    let c = if currency == Currency::Jpy {
                        c / 10 * 10
                    } else {
                        c
                    };
                    c.min(p.saturating_sub(1))
                }
                None => price_minor(r, usd * 0.3, currency),
            };
            push_money(buf, cost, currency);
        }
        buf.push(b',');
        buf.extend_from_slice(currency.code().as_bytes());
        buf.push(b',');

        // location
        self.loc.clear();
        if !r.chance(0.05) {
            let bins = match cat.store {
                Store::Clothing => &self.bins.clothing,
                Store::Cards => &self.bins.cards,
                Store::General => &self.bins.general,
            };
            let (name, word, n) = &bins[r.index(bins.len())];
            self.loc.push_str(name);
            self.loc.push('/');
            self.loc.push_str(word);
            self.loc.push(' ');
            push_u64_str(&mut self.loc, r.range(1, u64::from(*n)));
        }
        push_field(buf, &self.loc);
        buf.push(b',');

        // tags
        self.tags.clear();
        let ntags = match r.below(100) {
            0..=29 => 0,
            30..=54 => 1,
            55..=79 => 2,
            80..=91 => 3,
            _ => 4,
        };
        let mut chosen: [&str; 4] = [""; 4];
        let mut k = 0;
        let mut attempts = 0;
        while k < ntags && attempts < 12 {
            attempts += 1;
            let t = if k == 0 && r.chance(0.4) {
                match cat.store {
                    Store::Cards => r.pick(KIND_TAGS_CARDS),
                    Store::Clothing => r.pick(KIND_TAGS_CLOTHES),
                    Store::General => r.pick_skewed(TAGS),
                }
            } else {
                r.pick_skewed(TAGS)
            };
            if chosen[..k].contains(&t) {
                continue;
            }
            chosen[k] = t;
            k += 1;
        }
        for (i, t) in chosen[..k].iter().enumerate() {
            if i > 0 {
                self.tags.push(';');
            }
            self.tags.push_str(t);
        }
        push_field(buf, &self.tags);
        buf.push(b',');

        // notes
        self.notes.clear();
        if r.chance(0.22) {
            match r.below(4) {
                0 => {
                    self.notes.push_str("Sourced at ");
                    self.notes.push_str(r.pick_skewed(SOURCES));
                    self.notes.push(' ');
                    push_u64_str(&mut self.notes, r.range(2019, 2025));
                    self.notes.push('-');
                    push_padded_str(&mut self.notes, r.range(1, 12), 2);
                    self.notes.push('-');
                    push_padded_str(&mut self.notes, r.range(1, 28), 2);
                }
                1 => {
                    self.notes.push_str(r.pick_skewed(NOTES));
                    self.notes.push_str(". ");
                    push_capitalised(&mut self.notes, self.vocab.word(r));
                    self.notes.push(' ');
                    self.notes.push_str(self.vocab.word(r));
                }
                2 => {
                    self.notes.push_str("Bundle with TRV-");
                    let other = r.below(row + 1) + 1;
                    push_padded_str(&mut self.notes, other, 6);
                }
                _ => self.notes.push_str(r.pick_skewed(NOTES)),
            }
        }
        push_field(buf, &self.notes);
        buf.push(b'\n');
    }
}

/// Fills `title`, `brand` (may stay empty) and `noun` (a short phrase for the
/// description) for one item of category `cat`.
#[allow(clippy::too_many_arguments)]
fn build_title(
    r: &mut Rng,
    vocab: &Vocab,
    cat: &Cat,
    cond: Option<usize>,
    title: &mut String,
    brand: &mut String,
    noun: &mut String,
    price_mult: &mut f64,
) {
    match cat.kind {
        Kind::Goods => {
            let (b, models) = r.pick_skewed(cat.brands);
            let branded = !r.chance(0.07);
            if r.chance(cat.vintage) {
                title.push_str("Vintage ");
                *price_mult *= 1.4;
            }
            if branded {
                brand.push_str(b);
                title.push_str(b);
            }
            if !models.is_empty() && r.chance(0.7) {
                push_word(title, r.pick_skewed(models));
            }
            if cat.store == Store::Clothing && r.chance(0.55) {
                push_word(title, r.pick_skewed(COLOURS));
            }
            if r.chance(0.3) {
                title.push(' ');
                push_capitalised(title, vocab.word(r));
            }
            let n = r.pick_skewed(cat.nouns);
            push_word(title, n);
            noun.push_str(if branded { b } else { "unbranded" });
            noun.push(' ');
            noun.push_str(n);
            match cat.size {
                Size::None => {}
                Size::Letter => {
                    title.push_str(" Size ");
                    title.push_str(r.pick_skewed(LETTER_SIZES));
                }
                Size::Waist => {
                    title.push_str(" Size ");
                    push_u64_str(title, 24 + 2 * r.below(10));
                    title.push('x');
                    push_u64_str(title, 28 + 2 * r.below(4));
                }
                Size::Shoe => {
                    title.push_str(if r.chance(0.6) {
                        " Men's Size "
                    } else {
                        " Women's Size "
                    });
                    push_u64_str(title, r.range(5, 13));
                    if r.chance(0.5) {
                        title.push_str(".5");
                    }
                }
                Size::Kids => {
                    title.push_str(" Size ");
                    title.push_str(r.pick(KIDS_SIZES));
                }
                Size::Dress => {
                    title.push_str(" Size ");
                    push_u64_str(title, 2 * r.below(9));
                }
            }
            if r.chance(0.07) {
                let s = r.pick_skewed(TITLE_SUFFIXES);
                if s != "NWT" || cond == Some(0) {
                    push_word(title, s);
                }
            }
        }
        Kind::Pokemon => {
            brand.push_str(r.pick_skewed(cat.brands).0);
            let (set, size, era) = r.pick(POKEMON_SETS);
            let name = r.pick_skewed(POKEMON);
            title.push_str(name);
            let suffix = r.pick(POKEMON_SUFFIX[era as usize]);
            push_word(title, suffix);
            let secret = r.chance(0.08);
            let num = if secret {
                size + 1 + r.below(u64::from(size / 10 + 1)) as u32
            } else {
                1 + r.below(u64::from(size)) as u32
            };
            title.push(' ');
            push_u64_str(title, u64::from(num));
            title.push('/');
            push_u64_str(title, u64::from(size));
            push_word(title, set);
            push_word(title, r.pick(POKEMON_VARIANTS[era as usize]));
            if r.chance(0.25) {
                let g = r.pick_skewed(GRADES);
                push_word(title, g);
                *price_mult *= if g.ends_with("10") { 8.0 } else { 2.5 };
            }
            if r.chance(0.05) {
                title.push_str(" Japanese");
            }
            if era == 0 {
                *price_mult *= 3.0;
            }
            if secret {
                *price_mult *= 4.0;
            }
            noun.push_str(name);
            noun.push_str(" card");
        }
        Kind::Magic => {
            brand.push_str(cat.brands[0].0);
            let name = r.pick_skewed(MAGIC_CARDS);
            title.push_str(name);
            push_word(title, r.pick_skewed(MAGIC_SETS));
            push_word(title, r.pick(MAGIC_FINISHES));
            push_word(title, r.pick_skewed(CARD_CONDS));
            noun.push_str("Magic card");
        }
        Kind::Yugioh => {
            brand.push_str(r.pick_skewed(cat.brands).0);
            title.push_str(r.pick_skewed(YUGIOH_CARDS));
            title.push(' ');
            title.push_str(r.pick(YUGIOH_SETS));
            title.push_str("-EN");
            push_padded_str(title, r.range(1, 120), 3);
            push_word(title, r.pick_skewed(YUGIOH_RARITIES));
            push_word(title, r.pick_skewed(YUGIOH_EDITIONS));
            noun.push_str("Yu-Gi-Oh! card");
        }
        Kind::Sports(s) => {
            let sport = &SPORTS[s];
            let (player, rookie) = r.pick_skewed(sport.players);
            // A brand that printed cards in the player's years, else the sport's main brand.
            let mut bi = r.pick_skewed(sport.brands);
            for _ in 0..4 {
                if rookie.max(SPORT_BRANDS[bi].1) <= SPORT_BRANDS[bi].2 {
                    break;
                }
                bi = r.pick_skewed(sport.brands);
            }
            if rookie.max(SPORT_BRANDS[bi].1) > SPORT_BRANDS[bi].2 {
                bi = sport.brands[0];
            }
            let (b, start, end, series) = SPORT_BRANDS[bi];
            let lo = rookie.max(start).min(end);
            let year = if r.chance(0.45) {
                lo
            } else {
                r.range(u64::from(lo), u64::from(end)) as u32
            };
            brand.push_str(b);
            push_u64_str(title, u64::from(year));
            push_word(title, b);
            push_word(title, r.pick_skewed(series));
            push_word(title, player);
            title.push_str(" #");
            push_u64_str(title, 1 + r.skew(700) as u64);
            push_word(title, r.pick_skewed(PARALLELS));
            if year == rookie && start <= rookie {
                title.push_str(" RC");
                *price_mult *= 2.0;
            }
            if r.chance(0.25) {
                let g = r.pick_skewed(GRADES);
                push_word(title, g);
                *price_mult *= if g.ends_with("10") { 8.0 } else { 2.5 };
            }
            noun.push_str(player);
            noun.push_str(" card");
        }
        Kind::Lego => {
            brand.push_str("Lego");
            if r.chance(0.8) {
                let (theme, num, name) = r.pick_skewed(LEGO_SETS);
                title.push_str("Lego ");
                title.push_str(theme);
                push_word(title, num);
                push_word(title, name);
            } else {
                // The long tail: sets the tables do not name.
                title.push_str("Lego ");
                title.push_str(r.pick(LEGO_SETS).0);
                title.push(' ');
                push_u64_str(title, r.range(1000, 79999));
                title.push(' ');
                push_capitalised(title, vocab.word(r));
                title.push(' ');
                push_capitalised(title, vocab.word(r));
            }
            let state = r.pick_skewed(LEGO_STATES);
            push_word(title, state);
            if state.contains("Sealed") {
                *price_mult *= 1.8;
            }
            noun.push_str("Lego set");
        }
        Kind::Funko => {
            brand.push_str("Funko");
            title.push_str("Funko Pop! ");
            title.push_str(r.pick_skewed(FUNKO_LINES));
            title.push_str(" #");
            push_u64_str(title, 1 + r.skew(1500) as u64);
            push_word(title, r.pick_skewed(CHARACTERS));
            push_word(title, r.pick(FUNKO_EXTRAS));
            noun.push_str("Funko Pop");
        }
        Kind::Figure => {
            let (b, line, from, to) = r.pick_skewed(FIGURE_LINES);
            brand.push_str(b);
            if r.chance(0.4) {
                push_u64_str(title, r.range(u64::from(from), u64::from(to)));
                title.push(' ');
            }
            title.push_str(b);
            push_word(title, line);
            push_word(title, r.pick_skewed(CHARACTERS));
            push_word(title, r.pick_skewed(FIGURE_STATES));
            noun.push_str(line);
            noun.push_str(" figure");
        }
        Kind::Vinyl => {
            if !r.chance(0.15) {
                brand.push_str(r.pick_skewed(cat.brands).0);
            }
            let (artist, album, year) = r.pick_skewed(RECORDS);
            title.push_str(artist);
            title.push_str(if r.chance(0.5) { " – " } else { " - " });
            title.push_str(album);
            push_word(title, r.pick_skewed(RECORD_EXTRAS));
            title.push(' ');
            push_u64_str(title, u64::from(year));
            noun.push_str(album);
            noun.push_str(" record");
        }
        Kind::Book => {
            brand.push_str(r.pick_skewed(cat.brands).0);
            if r.chance(0.75) {
                let (t, a) = r.pick_skewed(BOOKS);
                title.push_str(t);
                push_word(title, a);
            } else {
                push_capitalised(title, vocab.word(r));
                title.push(' ');
                push_capitalised(title, vocab.word(r));
                title.push_str(" by ");
                push_capitalised(title, vocab.word(r));
            }
            push_word(title, r.pick_skewed(BOOK_EXTRAS));
            noun.push_str("book");
        }
        Kind::Game => {
            let (t, platform, maker) = r.pick_skewed(GAMES);
            brand.push_str(maker);
            title.push_str(t);
            push_word(title, platform);
            push_word(title, r.pick_skewed(GAME_STATES));
            noun.push_str(platform);
            noun.push_str(" game");
        }
        Kind::Comic => {
            brand.push_str(r.pick_skewed(cat.brands).0);
            let (series, key) = r.pick_skewed(COMICS);
            title.push_str(series);
            title.push_str(" #");
            let issue = if r.chance(0.4) {
                u64::from(key)
            } else {
                1 + r.skew(400) as u64
            };
            push_u64_str(title, issue);
            let g = r.pick_skewed(COMIC_GRADES);
            push_word(title, g);
            if g.starts_with("CGC 9.8") {
                *price_mult *= 5.0;
            }
            noun.push_str(series);
            noun.push_str(" comic");
        }
    }
    if title.trim().is_empty() {
        title.clear();
        title.push_str("Untitled item");
    }
}

fn build_description(r: &mut Rng, vocab: &Vocab, cond: Option<usize>, noun: &str, d: &mut String) {
    d.push_str(if cond == Some(0) {
        r.pick_skewed(OPENERS_NEW)
    } else {
        r.pick_skewed(OPENERS)
    });
    d.push(' ');
    d.push_str(noun);
    if let Some(c) = cond {
        d.push_str(" in ");
        d.push_str(COND_WORDS[c].1);
        d.push_str(" condition");
    }
    d.push_str(". ");
    // A sentence of Zipf-distributed vocabulary.
    let n = 4 + r.below(9);
    let mut prev = usize::MAX;
    for i in 0..n {
        let mut k = vocab.zipf.sample(r);
        while k == prev {
            k = vocab.zipf.sample(r);
        }
        prev = k;
        let w = vocab.words[k].as_str();
        if i == 0 {
            push_capitalised(d, w);
        } else {
            d.push(' ');
            d.push_str(w);
        }
    }
    d.push('.');
    if r.chance(0.01) {
        d.push(' ');
        d.push_str(r.pick(SPECIALS));
    } else if r.chance(0.5) {
        d.push(' ');
        d.push_str(r.pick_skewed(CLOSERS));
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Currency {
    Usd,
    Eur,
    Gbp,
    Cad,
    Jpy,
}

impl Currency {
    fn code(self) -> &'static str {
        match self {
            Currency::Usd => "USD",
            Currency::Eur => "EUR",
            Currency::Gbp => "GBP",
            Currency::Cad => "CAD",
            Currency::Jpy => "JPY",
        }
    }
    fn per_usd(self) -> f64 {
        match self {
            Currency::Usd => 1.0,
            Currency::Eur => 0.92,
            Currency::Gbp => 0.79,
            Currency::Cad => 1.36,
            Currency::Jpy => 150.0,
        }
    }
}

/// A price in minor units with the endings sellers use (.99, .00, .95, .50).
fn price_minor(r: &mut Rng, usd: f64, cur: Currency) -> u64 {
    let v = (usd * cur.per_usd()).clamp(0.25, 2_000_000.0);
    if cur == Currency::Jpy {
        return ((v / 10.0).round() as u64).max(1) * 10;
    }
    if v < 1.0 {
        return r.pick(&[25u64, 50, 75, 99]);
    }
    let whole = v.floor() as u64;
    let cents = match r.below(20) {
        0..=11 => 99,
        12..=14 => 0,
        15..=16 => 95,
        17..=18 => 50,
        _ => r.below(100),
    };
    whole * 100 + cents
}

fn push_money(buf: &mut Vec<u8>, minor: u64, cur: Currency) {
    if cur == Currency::Jpy {
        push_u64(buf, minor);
    } else {
        push_u64(buf, minor / 100);
        buf.push(b'.');
        push_padded(buf, minor % 100, 2);
    }
}

// ---------------------------------------------------------------------------
// Barcodes

/// The GS1 mod-10 check digit for the data digits (all but the check digit).
fn gs1_check_digit(data: &[u8]) -> u8 {
    let sum: u32 = data
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| u32::from(d) * if i % 2 == 0 { 3 } else { 1 })
        .sum();
    ((10 - sum % 10) % 10) as u8
}

const EAN_PREFIXES: &[u16] = &[
    400, 401, 405, 410, 500, 501, 505, 490, 491, 450, 301, 340, 376, 800, 803, 840, 690, 693, 880,
    760, 871, 890,
];

/// The barcode row `row` carries if it has one: a function of the row number
/// only (not the seed), so query mixes can type codes that exist. Returns the
/// digits and their count (12 for UPC-A, 13 for EAN-13 / ISBN-13).
fn barcode_for_row(row: u64, book: bool) -> ([u8; 13], usize) {
    let h = mix64(row ^ 0xBA5C_0DE5_0000_0000);
    let mut d = [0u8; 13];
    let mut x = h >> 8;
    let len = if book || h & 0b11 == 0 {
        // EAN-13: a GS1 prefix (978/979 for books), nine digits, check.
        let p = if book {
            if h & 4 == 0 {
                978
            } else {
                979
            }
        } else {
            EAN_PREFIXES[((h >> 3) % EAN_PREFIXES.len() as u64) as usize]
        };
        d[0] = (p / 100) as u8;
        d[1] = (p / 10 % 10) as u8;
        d[2] = (p % 10) as u8;
        for di in &mut d[3..12] {
            *di = (x % 10) as u8;
            x /= 10;
        }
        13
    } else {
        // UPC-A: number system digit, ten digits, check.
        d[0] = [0u8, 0, 0, 7, 8, 6, 1, 0, 4, 0][((h >> 2) % 10) as usize];
        for di in &mut d[1..11] {
            *di = (x % 10) as u8;
            x /= 10;
        }
        12
    };
    d[len - 1] = gs1_check_digit(&d[..len - 1]);
    (d, len)
}

// ---------------------------------------------------------------------------
// Output helpers

/// Appends `s` as one CSV field, quoted per RFC 4180 when needed.
#[inline]
fn push_field(buf: &mut Vec<u8>, s: &str) {
    if s.bytes().any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r')) {
        buf.push(b'"');
        for &b in s.as_bytes() {
            if b == b'"' {
                buf.push(b'"');
            }
            buf.push(b);
        }
        buf.push(b'"');
    } else {
        buf.extend_from_slice(s.as_bytes());
    }
}

#[inline]
fn push_u64(buf: &mut Vec<u8>, n: u64) {
    push_padded(buf, n, 1);
}

/// Decimal `n`, zero-padded to at least `width` digits.
#[inline]
fn push_padded(buf: &mut Vec<u8>, mut n: u64, width: usize) {
    let mut tmp = [0u8; 20];
    let mut i = tmp.len();
    loop {
        i -= 1;
        tmp[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for _ in (tmp.len() - i)..width {
        buf.push(b'0');
    }
    buf.extend_from_slice(&tmp[i..]);
}

fn push_padded_str(s: &mut String, n: u64, width: usize) {
    let mut tmp = Vec::with_capacity(20);
    push_padded(&mut tmp, n, width);
    // Only ASCII digits were written.
    s.extend(tmp.iter().map(|&b| b as char));
}

fn push_u64_str(s: &mut String, n: u64) {
    push_padded_str(s, n, 1);
}

/// Appends `w` after a space unless `s` is empty or `w` is.
#[inline]
fn push_word(s: &mut String, w: &str) {
    if w.is_empty() {
        return;
    }
    if !s.is_empty() {
        s.push(' ');
    }
    s.push_str(w);
}

fn push_capitalised(s: &mut String, w: &str) {
    let mut cs = w.chars();
    if let Some(c) = cs.next() {
        s.extend(c.to_uppercase());
        s.push_str(cs.as_str());
    }
}

// ---------------------------------------------------------------------------
// Queries

const HOSTILE: &[&str] = &[
    "\"charizard",
    "AND",
    "nike AND",
    "*",
    "levi's*",
    "\"",
    "(",
    "NOT jacket",
    "title:coach",
    "🔥",
    "pikachu 🔥",
    "NEAR(",
    "a OR b",
    "^",
    "-",
    "'",
    "💎 rare",
    "\"\"",
    "jordan)",
    "col:*",
    "OR",
    "🃏 holo",
    "pyrex \"",
    "{}",
    "x'00'",
    "%",
    "_",
    "AND OR NOT",
    "trout*",
    "\\",
];
const DIACRITIC_WORDS: &[&str] = &[
    "Pokémon",
    "pokémon",
    "Dončić",
    "Lladró",
    "Hermès",
    "Acuña",
    "Mbappé",
    "café",
    "crème",
    "Chloé",
    "Stüssy",
    "Jokić",
    "Sézane",
    "Motörhead",
    "Björk",
    "Sián",
    "Rodríguez",
    "Flabébé",
    "Æther",
    "Métis",
    "décor",
    "ombré",
    "Pelé",
    "Fürstenberg",
];
/// What people type instead of the accented or punctuated form.
const FOLDED: &[&str] = &[
    "pokemon",
    "doncic",
    "lladro",
    "hermes",
    "acuna",
    "mbappe",
    "levis",
    "chloe",
    "stussy",
    "arcteryx",
    "dr martens",
    "jokic",
];
const NOUN_QUERIES: &[&str] = &[
    "jacket",
    "jeans",
    "dress",
    "sweater",
    "hoodie",
    "boots",
    "sneakers",
    "bag",
    "watch",
    "ring",
    "bowl",
    "skillet",
    "dutch oven",
    "vase",
    "camera",
    "turntable",
    "lp",
    "card",
    "holo",
    "psa 10",
    "rookie",
    "auto",
    "refractor",
    "prizm",
    "1st edition",
    "sealed",
    "cib",
    "figure",
    "plush",
    "funko pop",
    "tee",
    "flannel",
    "fleece",
    "coat",
    "denim",
    "leather",
    "cashmere",
    "wool",
    "silk",
    "vintage",
];

fn query_line(r: &mut Rng, v: &Vocab, s: &mut String) {
    let x = r.below(1000);
    match x {
        // 1- and 2-letter inputs: the start of something common.
        0..=199 => {
            let src = common_token(r, v);
            let n = if r.chance(0.4) { 1 } else { 2 };
            let lower = src.to_lowercase();
            s.extend(lower.chars().filter(|c| c.is_alphanumeric()).take(n));
            if s.is_empty() {
                s.push('a');
            }
        }
        // Brands, as typed.
        200..=369 => {
            let (b, _) = pick_brand(r);
            if r.chance(0.6) {
                s.push_str(&b.to_lowercase());
            } else {
                s.push_str(b);
            }
        }
        // One title word.
        370..=589 => match r.below(6) {
            0 => s.push_str(&r.pick_skewed(POKEMON).to_lowercase()),
            1 => {
                let sport = &SPORTS[r.index(SPORTS.len())];
                let (p, _) = r.pick_skewed(sport.players);
                s.push_str(&p.rsplit(' ').next().unwrap_or(p).to_lowercase());
            }
            2 => s.push_str(r.pick_skewed(NOUN_QUERIES)),
            3 => {
                let (_, models) = pick_brand(r);
                if models.is_empty() {
                    s.push_str(v.word(r));
                } else {
                    s.push_str(&r.pick_skewed(models).to_lowercase());
                }
            }
            _ => s.push_str(v.word(r)),
        },
        // Two-word combos.
        590..=739 => {
            match r.below(5) {
                0 => {
                    let (b, models) = pick_brand(r);
                    s.push_str(&b.to_lowercase());
                    s.push(' ');
                    if models.is_empty() {
                        s.push_str(r.pick_skewed(NOUN_QUERIES));
                    } else {
                        s.push_str(&r.pick_skewed(models).to_lowercase());
                    }
                }
                1 => {
                    s.push_str(&r.pick_skewed(POKEMON).to_lowercase());
                    s.push(' ');
                    s.push_str(r.pick(&[
                        "holo",
                        "psa 10",
                        "base set",
                        "vmax",
                        "ex",
                        "1st edition",
                        "alt art",
                        "japanese",
                    ]));
                }
                2 => {
                    let sport = &SPORTS[r.index(SPORTS.len())];
                    let (p, _) = r.pick_skewed(sport.players);
                    s.push_str(&p.to_lowercase());
                }
                3 => {
                    s.push_str(r.pick_skewed(COLOURS).to_lowercase().as_str());
                    s.push(' ');
                    s.push_str(r.pick_skewed(NOUN_QUERIES));
                }
                _ => {
                    s.push_str(v.word(r));
                    s.push(' ');
                    s.push_str(v.word(r));
                }
            }
            truncate_chars(s, 25);
        }
        // SKUs.
        740..=789 => {
            s.push_str(if r.chance(0.7) { "TRV-" } else { "trv-" });
            let mut b = Vec::new();
            push_padded(&mut b, 1 + r.below(200_000), 6);
            s.extend(b.iter().map(|&c| c as char));
        }
        // Barcodes as a scanner types them.
        790..=829 => {
            let (d, len) = barcode_for_row(r.below(200_000), false);
            s.extend(d[..len].iter().map(|&c| (b'0' + c) as char));
        }
        // Diacritics, and what people type instead.
        830..=879 => {
            if r.chance(0.6) {
                s.push_str(r.pick(DIACRITIC_WORDS));
            } else {
                s.push_str(r.pick(FOLDED));
            }
        }
        // Locations.
        880..=909 => {
            let kinds = ["tote", "shelf", "binder", "rack", "card box", "drawer"];
            let k = r.pick(&kinds);
            s.push_str(k);
            s.push(' ');
            if k == "shelf" {
                s.push((b'a' + r.below(26) as u8) as char);
            } else {
                push_u64_str(s, r.range(1, 60));
            }
        }
        // Card numbers and grades.
        910..=944 => match r.below(3) {
            0 => {
                let (_, size, _) = r.pick(POKEMON_SETS);
                push_u64_str(s, r.range(1, u64::from(size)));
                s.push('/');
                push_u64_str(s, u64::from(size));
            }
            1 => {
                s.push('#');
                push_u64_str(s, r.range(1, 300));
            }
            _ => s.push_str(r.pick(GRADES)),
        },
        // Tags.
        945..=979 => s.push_str(r.pick_skewed(TAGS)),
        // Hostile input.
        _ => s.push_str(r.pick(HOSTILE)),
    }
}

fn pick_brand(r: &mut Rng) -> (&'static str, &'static [&'static str]) {
    loop {
        let c = &CATS[r.index(CATS.len())];
        if !c.brands.is_empty() {
            return r.pick_skewed(c.brands);
        }
        if let Kind::Sports(_) = c.kind {
            return (r.pick(SPORT_BRANDS).0, &[]);
        }
    }
}

fn common_token<'a>(r: &mut Rng, v: &'a Vocab) -> &'a str {
    match r.below(4) {
        0 => pick_brand(r).0,
        1 => r.pick_skewed(POKEMON),
        2 => r.pick_skewed(NOUN_QUERIES),
        _ => v.word(r),
    }
}

fn truncate_chars(s: &mut String, max: usize) {
    if let Some((i, _)) = s.char_indices().nth(max) {
        s.truncate(i);
        let t = s.trim_end().len();
        s.truncate(t);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gen(items: u64, seed: u64) -> Vec<u8> {
        let mut v = Vec::new();
        write_items_csv(&mut v, items, seed).unwrap();
        v
    }

    /// A strict RFC 4180 reader: records of fields; panics on malformed input.
    fn parse_csv(text: &str) -> Vec<Vec<String>> {
        let mut records = Vec::new();
        let mut record = Vec::new();
        let mut field = String::new();
        let mut chars = text.chars().peekable();
        let mut at_field_start = true;
        while let Some(c) = chars.next() {
            match c {
                '"' if at_field_start => {
                    loop {
                        match chars.next() {
                            Some('"') if chars.peek() == Some(&'"') => {
                                chars.next();
                                field.push('"');
                            }
                            Some('"') => break,
                            Some(c) => field.push(c),
                            None => panic!("unterminated quoted field"),
                        }
                    }
                    assert!(
                        matches!(chars.peek(), Some(',') | Some('\n') | None),
                        "garbage after closing quote in {field:?}"
                    );
                    at_field_start = false;
                }
                '"' => panic!("bare quote inside unquoted field {field:?}"),
                ',' => {
                    record.push(std::mem::take(&mut field));
                    at_field_start = true;
                }
                '\n' => {
                    record.push(std::mem::take(&mut field));
                    records.push(std::mem::take(&mut record));
                    at_field_start = true;
                }
                '\r' => panic!("bare CR outside quotes"),
                c => {
                    field.push(c);
                    at_field_start = false;
                }
            }
        }
        assert!(
            field.is_empty() && record.is_empty(),
            "last record not terminated"
        );
        records
    }

    fn records(items: u64, seed: u64) -> Vec<Vec<String>> {
        let bytes = gen(items, seed);
        parse_csv(std::str::from_utf8(&bytes).expect("utf-8"))
    }

    fn col(name: &str) -> usize {
        CSV_HEADER.split(',').position(|c| c == name).unwrap()
    }

    #[test]
    fn same_seed_same_bytes_different_seed_different_bytes() {
        let a = gen(3000, 7);
        assert_eq!(a, gen(3000, 7));
        assert_ne!(a, gen(3000, 8));
        assert_eq!(queries(500, 7), queries(500, 7));
        assert_ne!(queries(500, 7), queries(500, 8));
    }

    #[test]
    fn header_is_exact_and_row_count_is_exact() {
        let bytes = gen(0, 1);
        assert_eq!(bytes, format!("{CSV_HEADER}\n").into_bytes());
        assert_eq!(
            CSV_HEADER,
            "sku,barcode,title,description,brand,category,condition,quantity,price,cost,currency,location,tags,notes"
        );
        for n in [1u64, 2, 999, 5000] {
            let recs = records(n, 3);
            assert_eq!(recs[0].join(","), CSV_HEADER);
            assert_eq!(recs.len() as u64, n + 1, "rows for {n}");
        }
    }

    #[test]
    fn every_record_has_fourteen_fields_and_specials_occur() {
        let bytes = gen(20_000, 11);
        let text = std::str::from_utf8(&bytes).unwrap();
        let recs = parse_csv(text);
        assert!(recs.iter().all(|r| r.len() == 14), "field counts");
        let desc = col("description");
        let specials = recs[1..]
            .iter()
            .filter(|r| r[desc].contains([',', '"', '\n', '\r']))
            .count();
        // ~1% of non-empty descriptions.
        assert!((100..=400).contains(&specials), "specials {specials}");
        assert!(recs[1..].iter().any(|r| r[desc].contains('\n')));
        assert!(recs[1..].iter().any(|r| r[desc].contains('"')));
        // Rows without embedded line breaks split naively into 14 fields
        // once quoted fields are accounted for.
        let mut open = false;
        let mut checked = 0;
        for line in text.lines().take(5000) {
            let starts_record = !open;
            open ^= line.bytes().filter(|&b| b == b'"').count() % 2 == 1;
            if starts_record && !line.contains('"') {
                assert_eq!(line.split(',').count(), 14, "{line}");
                checked += 1;
            }
        }
        assert!(checked > 3000, "{checked}");
    }

    #[test]
    fn barcodes_have_valid_check_digits_and_about_half_the_rows_have_one() {
        let recs = records(20_000, 5);
        let bc = col("barcode");
        let mut with = 0;
        for r in &recs[1..] {
            let b = &r[bc];
            if b.is_empty() {
                continue;
            }
            with += 1;
            assert!(b.len() == 12 || b.len() == 13, "{b}");
            let d: Vec<u8> = b.bytes().map(|c| c - b'0').collect();
            assert!(d.iter().all(|&x| x < 10), "{b}");
            assert_eq!(gs1_check_digit(&d[..d.len() - 1]), d[d.len() - 1], "{b}");
        }
        let share = with as f64 / 20_000.0;
        assert!((0.4..=0.6).contains(&share), "barcode share {share}");
    }

    #[test]
    fn check_digit_matches_known_codes() {
        // UPC-A 036000291452, EAN-13 4006381333931, ISBN 9780306406157.
        assert_eq!(gs1_check_digit(&[0, 3, 6, 0, 0, 0, 2, 9, 1, 4, 5]), 2);
        assert_eq!(gs1_check_digit(&[4, 0, 0, 6, 3, 8, 1, 3, 3, 3, 9, 3]), 1);
        assert_eq!(gs1_check_digit(&[9, 7, 8, 0, 3, 0, 6, 4, 0, 6, 1, 5]), 7);
    }

    #[test]
    fn skus_are_unique_and_present_in_about_ninety_percent() {
        let recs = records(10_000, 9);
        let sku = col("sku");
        let mut seen = std::collections::HashSet::new();
        let mut with = 0;
        for r in &recs[1..] {
            if r[sku].is_empty() {
                continue;
            }
            with += 1;
            assert!(
                r[sku].starts_with("TRV-") && r[sku].len() >= 10,
                "{}",
                r[sku]
            );
            assert!(seen.insert(r[sku].clone()), "duplicate {}", r[sku]);
        }
        assert!((8700..=9300).contains(&with), "{with}");
    }

    #[test]
    fn values_are_in_their_domains() {
        let recs = records(20_000, 13);
        let (title, cond, qty, price, cost, cur, loc, tags, cat) = (
            col("title"),
            col("condition"),
            col("quantity"),
            col("price"),
            col("cost"),
            col("currency"),
            col("location"),
            col("tags"),
            col("category"),
        );
        let minor = |s: &str, c: &str| -> u64 {
            if c == "JPY" {
                assert!(!s.contains('.'), "JPY {s}");
                s.parse().unwrap()
            } else {
                let (w, f) = s.split_once('.').expect("two decimals");
                assert_eq!(f.len(), 2, "{s}");
                w.parse::<u64>().unwrap() * 100 + f.parse::<u64>().unwrap()
            }
        };
        let mut empty_loc = 0;
        let mut qty_one = 0;
        let mut categories = std::collections::HashSet::new();
        let mut currencies = std::collections::HashSet::new();
        for r in &recs[1..] {
            assert!(!r[title].trim().is_empty());
            assert!(["", "new", "like_new", "excellent", "good", "fair", "poor"]
                .contains(&r[cond].as_str()));
            let q: u64 = r[qty].parse().unwrap();
            if q == 1 {
                qty_one += 1;
            }
            assert!(["USD", "EUR", "GBP", "CAD", "JPY"].contains(&r[cur].as_str()));
            currencies.insert(r[cur].clone());
            if !r[price].is_empty() && !r[cost].is_empty() {
                assert!(
                    minor(&r[cost], &r[cur]) < minor(&r[price], &r[cur]),
                    "{r:?}"
                );
            } else if !r[price].is_empty() {
                minor(&r[price], &r[cur]);
            }
            if r[loc].is_empty() {
                empty_loc += 1;
            } else {
                let (bin, section) = r[loc].split_once('/').expect("bin/section");
                assert!(!bin.is_empty() && !section.is_empty());
            }
            let t: Vec<&str> = r[tags].split(';').filter(|t| !t.is_empty()).collect();
            assert!(t.len() <= 4);
            assert!(t.iter().all(|t| TAGS.contains(t)
                || KIND_TAGS_CARDS.contains(t)
                || KIND_TAGS_CLOTHES.contains(t)));
            categories.insert(r[cat].clone());
        }
        assert!((600..=1400).contains(&empty_loc), "{empty_loc}");
        assert!(qty_one > 16_000, "{qty_one}");
        assert_eq!(currencies.len(), 5);
        assert!(categories.len() >= 40, "{}", categories.len());
    }

    #[test]
    fn vocabulary_is_zipf_shaped() {
        let v = Vocab::build();
        assert_eq!(v.words.len(), VOCAB_SIZE);
        let distinct: std::collections::HashSet<&String> = v.words.iter().collect();
        assert_eq!(distinct.len(), VOCAB_SIZE);
        let mut rng = Rng::new(1);
        let mut counts = vec![0u32; VOCAB_SIZE];
        for _ in 0..200_000 {
            counts[v.zipf.sample(&mut rng)] += 1;
        }
        assert!(counts[0] > 10 * counts[99].max(1));
        assert!(counts[0] > 12_000, "{}", counts[0]);
        let tail_hits = counts[10_000..].iter().filter(|&&c| c > 0).count();
        assert!(tail_hits > 2_000, "long tail reached: {tail_hits}");
    }

    #[test]
    fn query_mix_has_the_expected_shape() {
        let q = queries(5000, 3);
        assert_eq!(q.len(), 5000);
        assert!(q.iter().all(|l| !l.is_empty() && !l.contains('\n')));
        let short = q.iter().filter(|l| l.chars().count() <= 2).count();
        assert!((800..=1400).contains(&short), "short {short}");
        let typical = q
            .iter()
            .filter(|l| (2..=25).contains(&l.chars().count()))
            .count();
        assert!(typical > 4000, "typical {typical}");
        assert!(q.iter().any(|l| l.starts_with("TRV-")));
        assert!(q.iter().any(|l| l.contains('é')));
        assert!(q.iter().any(|l| l.contains('"')));
        assert!(q.iter().any(|l| l.contains("AND")));
        assert!(q.iter().any(|l| l.contains('*')));
        assert!(q
            .iter()
            .any(|l| !l.is_ascii() && l.chars().any(|c| c as u32 > 0x1F000)));
        assert!(q.iter().all(|l| l.chars().count() <= 40), "lengths");
    }

    #[test]
    fn query_barcodes_exist_in_data() {
        // Codes typed by the query mix are the codes of real rows.
        let recs = records(20_000, 21);
        let bc = col("barcode");
        let codes: std::collections::HashSet<&str> = recs[1..]
            .iter()
            .map(|r| r[bc].as_str())
            .filter(|b| !b.is_empty())
            .collect();
        let q = queries(20_000, 21);
        let typed: Vec<&String> = q
            .iter()
            .filter(|l| l.len() >= 12 && l.bytes().all(|b| b.is_ascii_digit()))
            .collect();
        assert!(!typed.is_empty());
        let hits = typed.iter().filter(|l| codes.contains(l.as_str())).count();
        assert!(hits > 0, "no typed barcode exists");
    }
}
