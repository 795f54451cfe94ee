//! Entry point. The UI exists only in the browser build; on the host this binary is empty and
//! `cargo test` exercises the pure core in `lib.rs` alone.

#[cfg(target_arch = "wasm32")]
mod ui;

/// A small allocator instead of Rust's default, for the page's weight (see `ui/alloc.rs`).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: ui::alloc::Allocator = ui::alloc::Allocator::new();

fn main() {
    #[cfg(target_arch = "wasm32")]
    ui::start();
}
