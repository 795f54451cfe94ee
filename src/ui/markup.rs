//! The view layer, whole: panels write their HTML into a [`Markup`] and attach *bindings* to
//! the elements whose text or attributes follow the state. The markup goes into the page with
//! one `innerHTML`; each bound element carries a bare `data-b` attribute, so one
//! `querySelectorAll` finds them again, in the order they were written.
//!
//! A binding is a function from the [`Page`] to a string, the bits of state it depends on, and
//! where the string goes (text, an attribute, a form value). After a change, only the bindings
//! that depend on what changed are evaluated, and only a string that differs from the last
//! one written reaches the DOM: a slider move rewrites text nodes and path `d` attributes in
//! place and never rebuilds elements.
//!
//! A [`Region`] is the one exception: a container whose content is rebuilt when its *key*
//! changes (the table's rows when the last year changes, the notice when it is dismissed, the
//! comparison when a baseline is pinned).

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};

use super::state::{Changed, Page};

/// What a binding computes from the page, given its argument: a plain function rather than a
/// closure, so that each binding costs one function in the wasm (a boxed closure costs a
/// vtable and its shims too). The argument packs what a closure would capture (a chart, a
/// slot, an input's index).
pub type Value = fn(&Page, u32) -> String;

/// Where a binding's string goes.
#[derive(Clone, Copy, PartialEq)]
pub enum Target {
    /// The element's whole text.
    Text,
    /// The element's first child, a text node the markup wrote (the label before a `<tspan>`,
    /// say).
    FirstText,
    Attr(&'static str),
    /// The `value` property of an input or textarea (not the attribute, which is only the
    /// initial value).
    Value,
    /// The `checked` property: checked when the string is not empty.
    Checked,
    /// The `hidden` attribute: hidden when the string is not empty.
    Hidden,
}

struct Binding {
    target: Target,
    deps: Changed,
    arg: u32,
    value: Value,
}

/// A region waiting for its container to exist: the id of the container, what its content
/// depends on, its key and how to build it.
pub struct RegionSpec {
    pub container_id: &'static str,
    pub deps: Changed,
    pub key: fn(&Page) -> i64,
    pub build: fn(&mut Markup, &Page),
}

/// HTML being written, with the bindings of its elements and the regions it contains.
#[derive(Default)]
pub struct Markup {
    pub html: String,
    /// One entry per bound element, in document order.
    elements: Vec<Vec<Binding>>,
    /// Where the last `data-b` was written: a `<` after it means a new tag has started.
    last_mark: Option<usize>,
    pub regions: Vec<RegionSpec>,
}

impl Markup {
    /// Markup as it is written (tags, attributes, entities).
    pub fn raw(&mut self, markup: &str) {
        self.html.push_str(markup);
    }

    /// Text, escaped.
    pub fn text(&mut self, text: &str) {
        for c in text.chars() {
            match c {
                '&' => self.html.push_str("&amp;"),
                '<' => self.html.push_str("&lt;"),
                '>' => self.html.push_str("&gt;"),
                '"' => self.html.push_str("&quot;"),
                _ => self.html.push(c),
            }
        }
    }

    /// ` name="value"`, the value escaped.
    pub fn attr(&mut self, name: &str, value: &str) {
        self.html.push(' ');
        self.html.push_str(name);
        self.html.push_str("=\"");
        self.text(value);
        self.html.push('"');
    }

    /// Starts a tag (`<` and `start`, which may carry static attributes); bindings may follow
    /// before the tag is closed with [`Markup::raw`].
    pub fn open(&mut self, start: &str) {
        self.html.push('<');
        self.html.push_str(start);
    }

    /// Binds the tag being written: the last `<` written must open it. (Attribute values and
    /// text are escaped, so no `<` can hide in them.)
    pub fn bind(&mut self, target: Target, deps: Changed, arg: u32, value: Value) {
        let same_tag = self
            .last_mark
            .and_then(|mark| self.html.get(mark..))
            .is_some_and(|since| !since.contains('<'));
        if !same_tag {
            self.html.push_str(" data-b");
            self.elements.push(Vec::new());
            self.last_mark = Some(self.html.len());
        }
        if let Some(bindings) = self.elements.last_mut() {
            bindings.push(Binding {
                target,
                deps,
                arg,
                value,
            });
        }
    }

    /// `<start>` whose whole text follows `value`, then `</tag>`.
    pub fn text_of(&mut self, start: &str, tag: &str, deps: Changed, arg: u32, value: Value) {
        self.open(start);
        self.bind(Target::Text, deps, arg, value);
        self.html.push('>');
        self.html.push_str("</");
        self.html.push_str(tag);
        self.html.push('>');
    }

    /// Registers a region whose container (`id`) is written by the caller.
    pub fn region(&mut self, spec: RegionSpec) {
        self.regions.push(spec);
    }
}

/// A binding attached to its element, with the last string written.
struct Bound {
    node: Element,
    binding: Binding,
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
fn attach(container: &Element, elements: Vec<Vec<Binding>>) -> Vec<Bound> {
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
