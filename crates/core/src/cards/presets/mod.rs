//! Import presets for the files collectors already have (ManaBox,
//! TCGplayer, Dragon Shield, Homebox), detected from the header and mapped
//! by column name. (Being written.)
