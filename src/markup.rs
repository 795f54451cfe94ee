//! HTML with bindings: the page's panels write their HTML into a [`Markup`] and attach
//! *bindings* to the elements whose text or attributes follow the state. The browser UI puts
//! the HTML into the page with one `innerHTML`; each bound element carries a bare `data-b`
//! attribute, so one `querySelectorAll` finds them again, in the order they were written
//! (`ui/markup.rs` pairs them up and applies the bindings). This half is plain Rust over any
//! state type `S`, tested natively.
//!
//! A binding is a function from the [`Page`] to a string, the bits of state it depends on, and
//! where the string goes (text, an attribute, a form value). After a change, only the bindings
//! that depend on what changed are evaluated, and only a string that differs from the last
//! one written reaches the DOM: a slider move rewrites text nodes and path `d` attributes in
//! place and never rebuilds elements.
//!
//! A region ([`RegionSpec`]) is the one exception: a container whose content is rebuilt when its *key*
//! changes (the table's rows when the last year changes, the notice when it is dismissed, the
//! comparison when a baseline is pinned).

/// The bits of state a binding depends on (the UI's `Changed`).
pub type Deps = u32;

/// What a binding computes from the page, given its argument: a plain function rather than a
/// closure, so that each binding costs one function in the wasm (a boxed closure costs a
/// vtable and its shims too). The argument packs what a closure would capture (a chart, a
/// slot, an input's index).
pub type Value<S> = fn(&S, u32) -> String;

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

pub struct Binding<S> {
    pub target: Target,
    pub deps: Deps,
    pub arg: u32,
    pub value: Value<S>,
}

/// A region waiting for its container to exist: the id of the container, what its content
/// depends on, its key and how to build it.
pub struct RegionSpec<S> {
    pub container_id: &'static str,
    pub deps: Deps,
    pub key: fn(&S) -> i64,
    pub build: fn(&mut Markup<S>, &S),
}

/// HTML being written, with the bindings of its elements and the regions it contains.
pub struct Markup<S> {
    pub html: String,
    /// One entry per bound element, in document order.
    pub elements: Vec<Vec<Binding<S>>>,
    /// Where the last `data-b` was written: a `<` after it means a new tag has started.
    last_mark: Option<usize>,
    pub regions: Vec<RegionSpec<S>>,
}

impl<S> Default for Markup<S> {
    fn default() -> Self {
        Markup {
            html: String::new(),
            elements: Vec::new(),
            last_mark: None,
            regions: Vec::new(),
        }
    }
}

impl<S> Markup<S> {
    /// Markup as it is written (tags, attributes, entities).
    pub fn raw(&mut self, markup: &str) {
        self.html.push_str(markup);
    }

    /// Text, escaped.
    pub fn text(&mut self, text: &str) {
        crate::export::escape_into(&mut self.html, text);
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
    pub fn bind(&mut self, target: Target, deps: Deps, arg: u32, value: Value<S>) {
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
    pub fn text_of(&mut self, start: &str, tag: &str, deps: Deps, arg: u32, value: Value<S>) {
        self.open(start);
        self.bind(Target::Text, deps, arg, value);
        self.html.push('>');
        self.html.push_str("</");
        self.html.push_str(tag);
        self.html.push('>');
    }

    /// Registers a region whose container (`id`) is written by the caller.
    pub fn region(&mut self, spec: RegionSpec<S>) {
        self.regions.push(spec);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The state of these tests: a number.
    type Markup = super::Markup<i32>;

    fn count_marks(html: &str) -> usize {
        html.matches(" data-b").count()
    }

    #[test]
    fn each_bound_tag_is_marked_once_whatever_its_number_of_bindings() {
        let mut h = Markup::default();
        h.raw("<div>");
        h.open("span class=\"a\"");
        h.bind(Target::Attr("title"), 1, 0, |n, _| n.to_string());
        h.bind(Target::Text, 1, 0, |n, _| n.to_string());
        h.raw("></span><p>static</p>");
        h.text_of("b", "b", 2, 7, |n, a| (n + a as i32).to_string());
        h.raw("</div>");
        assert_eq!(
            h.html,
            "<div><span class=\"a\" data-b></span><p>static</p><b data-b></b></div>"
        );
        assert_eq!(h.elements.len(), 2);
        assert_eq!(h.elements[0].len(), 2);
        assert_eq!(h.elements[1].len(), 1);
        let text = &h.elements[1][0];
        assert_eq!((text.deps, text.arg), (2, 7));
        assert_eq!((text.value)(&5, text.arg), "12");
    }

    #[test]
    fn a_binding_after_raw_markup_that_opened_a_tag_marks_the_new_tag() {
        // `raw` may open a tag too: the binding goes to the last tag opened, never to the
        // previous bound one.
        let mut h = Markup::default();
        h.open("input");
        h.bind(Target::Value, 1, 0, |_, _| String::new());
        h.raw("><p class=\"x\" id=\"y\"");
        h.bind(Target::Text, 1, 0, |_, _| String::new());
        h.raw("></p>");
        assert_eq!(h.html, "<input data-b><p class=\"x\" id=\"y\" data-b></p>");
        assert_eq!(h.elements.len(), 2);
    }

    #[test]
    fn text_and_attributes_are_escaped_so_nothing_becomes_markup() {
        let mut h = Markup::default();
        h.open("a");
        h.attr("href", "?q=\"><script>x</script>&");
        h.raw(">");
        h.text("<b>&</b>");
        h.raw("</a>");
        assert_eq!(
            h.html,
            "<a href=\"?q=&quot;&gt;&lt;script&gt;x&lt;/script&gt;&amp;\">&lt;b&gt;&amp;&lt;/b&gt;</a>"
        );
        // An escaped attribute value holds no `<`, so a binding after it stays on its tag.
        h.open("i");
        h.attr("title", "<");
        h.bind(Target::Text, 1, 0, |_, _| String::new());
        h.raw("></i>");
        assert_eq!(count_marks(&h.html), 1);
        assert_eq!(h.elements.len(), 1);
    }

    #[test]
    fn regions_are_collected_in_the_order_written() {
        let mut h = Markup::default();
        for id in ["first", "second"] {
            h.region(RegionSpec {
                container_id: id,
                deps: 1,
                key: |n| i64::from(*n),
                build: |h, n| h.text(&n.to_string()),
            });
        }
        let ids: Vec<_> = h.regions.iter().map(|r| r.container_id).collect();
        assert_eq!(ids, ["first", "second"]);
        let mut inner = Markup::default();
        (h.regions[1].build)(&mut inner, &42);
        assert_eq!(inner.html, "42");
        assert_eq!((h.regions[0].key)(&3), 3);
    }
}
