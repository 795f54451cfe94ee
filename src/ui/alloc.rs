//! The wasm's memory allocator: power-of-two size classes, each with a free list, carved from
//! memory the module grows itself. Chosen for weight: Rust's default (dlmalloc) is about 7 KB of
//! code, this is a few hundred bytes, and issue 4's budget counts every byte.
//!
//! Why it is enough here: the page allocates the same shapes on every change (strings of
//! similar lengths, a projection, the bands' vectors), so a freed block of a class is soon
//! taken again by the next allocation of that class; nothing is ever coalesced, and the memory
//! high-water mark stays flat (the benchmark's 5,000 moves check the page's heap). Blocks are
//! at most twice the size asked for. WebAssembly here is single-threaded, so there are no
//! locks.

use std::alloc::{GlobalAlloc, Layout};
use std::cell::UnsafeCell;

/// Smallest block: room for the free list's link and the usual 16-byte alignment.
const MIN_CLASS: u32 = 4;
/// Size classes 2^0 .. 2^31 (the first few unused); a block larger than 2 GiB cannot exist.
const CLASSES: usize = 32;
/// Alignment every block honours; larger alignments are served but never recycled.
const ALIGN: usize = 16;
const PAGE: usize = 65_536;

struct State {
    /// Head of each class's free list (0 for empty); a free block holds the next one's address.
    free: [usize; CLASSES],
    /// The untouched memory left: from `next` to `end`.
    next: usize,
    end: usize,
}

pub struct Allocator(UnsafeCell<State>);

// SAFETY: wasm32 without threads: there is one thread, so no concurrent access.
unsafe impl Sync for Allocator {}

impl Allocator {
    pub const fn new() -> Allocator {
        Allocator(UnsafeCell::new(State {
            free: [0; CLASSES],
            next: 0,
            end: 0,
        }))
    }
}

/// The class of a request: log2 of its block size, or `None` when it cannot be served.
fn class_of(layout: Layout) -> Option<usize> {
    let size = layout.size().max(layout.align()).max(1 << MIN_CLASS);
    let block = size.checked_next_power_of_two()?;
    let class = block.trailing_zeros() as usize;
    (class < CLASSES).then_some(class)
}

impl State {
    /// A fresh block of `1 << class` bytes aligned to `align`, from the untouched memory,
    /// growing the memory when needed; null when the memory cannot grow.
    unsafe fn carve(&mut self, class: usize, align: usize) -> *mut u8 {
        let size = 1usize << class;
        let mut start = (self.next + align - 1) & !(align - 1);
        if self.end < start || self.end - start < size {
            let pages = (size + align).div_ceil(PAGE).max(16);
            let previous = core::arch::wasm32::memory_grow(0, pages);
            if previous == usize::MAX {
                return core::ptr::null_mut();
            }
            let grown = previous * PAGE;
            // Memory grows at its end: continue the untouched stretch if it ended there.
            if self.end != grown {
                self.next = grown;
            }
            self.end = grown + pages * PAGE;
            start = (self.next + align - 1) & !(align - 1);
        }
        self.next = start + size;
        start as *mut u8
    }
}

unsafe impl GlobalAlloc for Allocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let Some(class) = class_of(layout) else {
            return core::ptr::null_mut();
        };
        let state = &mut *self.0.get();
        if layout.align() <= ALIGN {
            if let Some(free) = state.free.get_mut(class) {
                let head = *free;
                if head != 0 {
                    *free = *(head as *const usize);
                    return head as *mut u8;
                }
            }
        }
        state.carve(class, layout.align().max(ALIGN))
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        let Some(class) = class_of(layout) else {
            return;
        };
        if layout.align() > ALIGN {
            return;
        }
        let state = &mut *self.0.get();
        if let Some(free) = state.free.get_mut(class) {
            *(ptr as *mut usize) = *free;
            *free = ptr as usize;
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // Within the same class the block already has room.
        if let Ok(new_layout) = Layout::from_size_align(new_size, layout.align()) {
            if class_of(new_layout).is_some() && class_of(new_layout) == class_of(layout) {
                return ptr;
            }
            let new = self.alloc(new_layout);
            if !new.is_null() {
                core::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
                self.dealloc(ptr, layout);
            }
            return new;
        }
        core::ptr::null_mut()
    }
}
