//! The calculator's pure core: the model and its inputs, the scenario's keys and the three
//! sources that give them (a link, a saved file, a host's message), the notes about what they
//! asked for, numbers as text both ways, the charts' geometry, the words of every language, the
//! report's facts, the site's pages and what the publisher writes. Nothing here knows about the
//! browser (no Leptos, no web-sys): plain structs in, plain structs out, tested natively.
//! The browser UI lives in `src/ui/` and is compiled for wasm32 only; `src/bin/publish.rs` is
//! the native publisher.

// A panic in the wasm kills the page: outside tests, nothing may unwrap, index out of range or
// panic; bad input gets a clamp, a default or an error the page puts into words.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic
    )
)]

pub mod annotation;
pub mod baseline;
pub mod chart;
pub mod embed;
pub mod export;
pub mod format;
pub mod keys;
pub mod link;
pub mod markup;
pub mod messages;
pub mod model;
pub mod notes;
pub mod presets;
pub mod providers;
#[cfg(feature = "publish")]
pub mod publish;
pub mod release;
pub mod saved;
pub mod scenario;
pub mod sensitivity;
pub mod site;
pub mod sources;
pub mod summary;
pub mod uncertainty;
pub mod value;
pub mod words;

/// `x` limited to `[min, max]`; NaN becomes `min`. Used instead of `f64::clamp`, whose
/// argument check formats floats when it fails and so drags float printing into the wasm.
pub(crate) fn clamp(x: f64, min: f64, max: f64) -> f64 {
    x.max(min).min(max)
}
