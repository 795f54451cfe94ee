//! Entry point. The UI exists only in the browser build; on the host this binary is empty and
//! `cargo test` exercises the pure core in `lib.rs` alone.

// A panic in the wasm kills the page: outside tests, nothing may unwrap, index out of range or
// panic (the core holds the same lints, `lib.rs`).
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic
    )
)]

#[cfg(all(feature = "embed-only", feature = "full-only"))]
compile_error!("`embed-only` and `full-only` are two different builds: choose one");

#[cfg(target_arch = "wasm32")]
mod ui;

fn main() {
    #[cfg(all(target_arch = "wasm32", not(feature = "embed-only")))]
    ui::start();
    #[cfg(all(target_arch = "wasm32", feature = "embed-only"))]
    ui::start_embed();
}
