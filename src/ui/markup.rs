//! The DOM half of the view layer (the builder is `stargate_calc::markup`): after the page's
//! HTML is in, each `data-b` element is paired with its bindings ([`attach`]); after a change,
//! only the bindings that depend on what changed are evaluated, and only a string that differs
//! from the last one written reaches the DOM. A slider move rewrites text nodes and path `d`
//! attributes in place and never rebuilds elements.
//!
//! A [`Region`] is the one exception: a container whose content is rebuilt when its *key*
//! changes (the table's rows when the last year changes, the notice when it is dismissed, the
//! comparison when a baseline is pinned). Regions do not nest, except in the page itself.

use stargate_calc::markup::Binding;
pub use stargate_calc::markup::Target;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};

use super::state::{Changed, Page};

/// HTML and bindings for this page's state.
pub type Markup = stargate_calc::markup::Markup<Page>;
pub type RegionSpec = stargate_calc::markup::RegionSpec<Page>;
pub type Value = stargate_calc::markup::Value<Page>;

/// A binding attached to its element, with the last string written.
struct Bound {
    node: Element,
    binding: Binding<Page>,
    last: Option<String>,
}

impl Bound {
    fn apply(&mut self, page: &Page) {
        let value = (self.binding.value)(page, self.binding.arg);
        let node = &self.node;
        match self.binding.target {
            // Form state is the reader's too: compare with what the element holds now.
            Target::Value => {
                let input: &HtmlInputElement = node.unchecked_ref();
                if input.value() != value {
                    input.set_value(&value);
                }
                return;
            }
            Target::Checked => {
                let input: &HtmlInputElement = node.unchecked_ref();
                let checked = !value.is_empty();
                if input.checked() != checked {
                    input.set_checked(checked);
                }
                return;
            }
            _ => {}
        }
        if self.last.as_deref() == Some(value.as_str()) {
            return;
        }
        match self.binding.target {
            Target::Text => node.set_text_content(Some(&value)),
            Target::FirstText => {
                if let Some(first) = node.first_child() {
                    first.set_node_value(Some(&value));
                }
            }
            Target::Attr(name) => {
                let _ = node.set_attribute(name, &value);
            }
            Target::Hidden => {
                let _ = node.toggle_attribute_with_force("hidden", !value.is_empty());
            }
            Target::Value | Target::Checked => {}
        }
        self.last = Some(value);
    }
}

/// A part of the page and its bindings. The page itself is a region with a constant key.
pub struct Region {
    container: Element,
    deps: Changed,
    key: fn(&Page) -> i64,
    build: fn(&mut Markup, &Page),
    last_key: Option<i64>,
    bound: Vec<Bound>,
}

impl Region {
    pub fn new(container: Element, spec: RegionSpec) -> Region {
        Region {
            container,
            deps: spec.deps,
            key: spec.key,
            build: spec.build,
            last_key: None,
            bound: Vec::new(),
        }
    }

    /// Brings the region up to date after `changed`: rebuilds it when its key moved (returning
    /// the regions its new content holds), else applies the bindings that depend on `changed`.
    pub fn update(&mut self, page: &Page, changed: Changed) -> Vec<RegionSpec> {
        let key = if self.last_key.is_none() || changed & self.deps != 0 {
            Some((self.key)(page))
        } else {
            None
        };
        if key.is_some() && key != self.last_key {
            self.last_key = key;
            let mut markup = Markup::default();
            (self.build)(&mut markup, page);
            self.container.set_inner_html(&markup.html);
            self.bound = attach(&self.container, markup.elements);
            for bound in &mut self.bound {
                bound.apply(page);
            }
            return markup.regions;
        }
        for bound in &mut self.bound {
            if bound.binding.deps & changed != 0 {
                bound.apply(page);
            }
        }
        Vec::new()
    }

    /// Binds `node` (outside any region's markup, such as `<html>`) as part of this region.
    pub fn bind_node(&mut self, node: Element, target: Target, deps: Changed, value: Value) {
        self.bound.push(Bound {
            node,
            binding: Binding {
                target,
                deps,
                arg: 0,
                value,
            },
            last: None,
        });
    }
}

/// Pairs the `data-b` elements under `container`, in document order, with their bindings.
fn attach(container: &Element, elements: Vec<Vec<Binding<Page>>>) -> Vec<Bound> {
    let Ok(nodes) = container.query_selector_all("[data-b]") else {
        return Vec::new();
    };
    let mut bound = Vec::new();
    for (index, bindings) in elements.into_iter().enumerate() {
        let Some(node) = nodes.item(index as u32) else {
            break;
        };
        let node: Element = node.unchecked_into();
        for binding in bindings {
            bound.push(Bound {
                node: node.clone(),
                binding,
                last: None,
            });
        }
    }
    bound
}
