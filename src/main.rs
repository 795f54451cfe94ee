//! Entry point. The UI exists only in the browser build; on the host this binary is empty and
//! `cargo test` exercises the pure core in `lib.rs` alone.

#[cfg(target_arch = "wasm32")]
mod ui;

fn main() {
    #[cfg(all(target_arch = "wasm32", not(feature = "embed-only")))]
    ui::start();
    #[cfg(all(target_arch = "wasm32", feature = "embed-only"))]
    ui::start_embed();
}
