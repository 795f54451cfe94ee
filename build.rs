//! Generates the page's words from `lang/en.json`, the English file a translator's files
//! follow: `enum Text` (one variant per key, in the file's sorted key order) and `EN`, the
//! English table. Other languages are not compiled in: scripts/post-build.mjs writes them as
//! lists in the same order, and the page loads the one a link asks for (`words.rs`).

use std::fmt::Write as _;
use std::{env, fs, path::Path};

fn main() {
    println!("cargo::rerun-if-changed=lang/en.json");
    // scripts/releases builds earlier releases' trees with one cargo target: each tree's words.
    println!("cargo::rerun-if-env-changed=STARGATE_RELEASE_TREE");
    let text = fs::read_to_string("lang/en.json").expect("lang/en.json is readable");
    let words: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&text).expect("lang/en.json is a JSON object");
    let mut variants = String::new();
    let mut english = String::new();
    let mut ends = String::new();
    let mut keys = String::new();
    let mut count = 0usize;
    // serde_json's map is sorted by key; scripts/post-build.mjs sorts the same way.
    for (key, value) in &words {
        let value = value
            .as_str()
            .unwrap_or_else(|| panic!("lang/en.json: {key} is not a string"));
        assert!(
            !key.is_empty()
                && key
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
            "lang/en.json: key {key:?} must be snake_case"
        );
        let variant: String = key
            .split('_')
            .map(|part| {
                let mut chars = part.chars();
                chars
                    .next()
                    .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
                    .unwrap_or_default()
            })
            .collect();
        let _ = writeln!(variants, "    /// {value:?}\n    {variant},");
        english.push_str(value);
        let _ = write!(ends, "{}, ", english.len());
        let _ = writeln!(keys, "    {key:?},");
        count += 1;
    }
    let out = format!(
        "/// A piece of the page's text; `t(Text::…)` gives it in the page's language.\n\
         #[derive(Clone, Copy, Debug, PartialEq, Eq)]\n\
         #[repr(u16)]\n\
         pub enum Text {{\n{variants}}}\n\n\
         /// How many texts the page has.\n\
         pub const COUNT: usize = {count};\n\n\
         /// The English texts, one after the other in `Text`'s order (one string and a table of\n\
         /// where each ends, lighter in the wasm than a table of string slices).\n\
         static EN_TEXT: &str = {english:?};\n\n\
         /// Where each English text ends in `EN_TEXT`.\n\
         static EN_ENDS: [u16; COUNT] = [{ends}];\n\n\
         /// The texts' keys in the language files, in `Text`'s order.\n\
         pub static KEYS: [&str; COUNT] = [\n{keys}];\n"
    );
    assert!(
        english.len() <= usize::from(u16::MAX),
        "the English texts outgrew u16 offsets"
    );
    let path = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("words.rs");
    fs::write(path, out).expect("OUT_DIR is writable");
}
