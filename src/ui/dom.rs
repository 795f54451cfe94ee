//! The browser chores the panels need beyond what Leptos does: the address bar, the clipboard,
//! file downloads (text and PNG, through gloo-file's `Blob` and `ObjectUrl`), focus, and
//! talking to the page that embeds us. Every call reports failure as a value; none can panic.

use std::time::Duration;

use gloo_file::{Blob, ObjectUrl};
use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlAnchorElement, HtmlCanvasElement, HtmlImageElement};

/// How long a download's object URL lives: the browser has taken the file by then.
const OBJECT_URL_LIFE: Duration = Duration::from_secs(2);

/// The page's address without query or fragment: `https://example.org/calc/`. Works from
/// `file://` too, where there is no origin to speak of.
pub fn page_base() -> String {
    let href = window().location().href().unwrap_or_default();
    let end = href.find(['?', '#']).unwrap_or(href.len());
    href.get(..end).unwrap_or_default().to_string()
}

/// The calculator's address (the site's root; on a preset's page too) with `query` (no
/// `?`); the bare address when the query is empty.
pub fn page_link(query: &str) -> String {
    stargate_calc::site::with_query(&site_root().unwrap_or_else(page_base), query)
}

/// The calculator's root when the page is one of a built site's (its `#app` says how to get
/// there: `data-root`, written by src/bin/publish.rs), else `None` (the single-file page).
pub fn site_root() -> Option<String> {
    let way_back = document()
        .get_element_by_id("app")?
        .get_attribute("data-root")?;
    Some(stargate_calc::site::root_of(&page_base(), &way_back))
}

/// The live calculator's root, when the page is one of a built site's: this page's root, or,
/// on a pinned release (`v/X.Y.Z/`), the root its `#app` says the live one is at (`data-live`,
/// written by src/bin/publish.rs).
pub fn live_root() -> Option<String> {
    match document()
        .get_element_by_id("app")?
        .get_attribute("data-live")
    {
        Some(way_up) => Some(stargate_calc::site::root_of(&page_base(), &way_up)),
        None => site_root(),
    }
}

/// True on a pinned release's page (its `#app` has `data-pinned`).
pub fn is_pinned() -> bool {
    document()
        .get_element_by_id("app")
        .is_some_and(|app| app.has_attribute("data-pinned"))
}

/// The text of the site's `versions.json`, which boot.js fetched on a pinned page and waited
/// for before the app started (`window.stargateReleases`), if it arrived.
pub fn versions_json() -> Option<String> {
    js_sys::Reflect::get(&window(), &"stargateReleases".into())
        .ok()?
        .as_string()
}

/// The preset the page opens on (a preset page's `#app` has `data-preset`).
pub fn page_preset() -> Option<String> {
    document()
        .get_element_by_id("app")?
        .get_attribute("data-preset")
}

/// Replaces the address bar's address (same origin) with `url`, keeping the fragment, without
/// a history entry.
pub fn replace_address(url: &str) -> Result<(), JsValue> {
    let location = window().location();
    let hash = location.hash()?;
    if location.href()? == url.to_string() + &hash {
        return Ok(());
    }
    window()
        .history()?
        .replace_state_with_url(&JsValue::NULL, "", Some(&(url.to_string() + &hash)))
}

/// Replaces the address bar's query, keeping path and fragment, without a history entry.
pub fn replace_query(query: &str) -> Result<(), JsValue> {
    let location = window().location();
    let path = location.pathname()?;
    let hash = location.hash()?;
    let url = if query.is_empty() {
        path + &hash
    } else {
        path + "?" + query + &hash
    };
    let current = location.pathname()? + &location.search()? + &location.hash()?;
    if url == current {
        return Ok(());
    }
    window()
        .history()?
        .replace_state_with_url(&JsValue::NULL, "", Some(&url))
}

/// True when the page runs inside a frame (an embed in someone's blog post).
pub fn in_frame() -> bool {
    match window().parent() {
        Ok(Some(parent)) => !js_sys::Object::is(&parent, &window()),
        _ => false,
    }
}

/// Tells the embedding page our content height: `{type: HEIGHT_MESSAGE, height}`.
pub fn post_height(height: f64) -> Result<(), JsValue> {
    let message = js_sys::Object::new();
    js_sys::Reflect::set(
        &message,
        &"type".into(),
        &stargate_calc::embed::HEIGHT_MESSAGE.into(),
    )?;
    js_sys::Reflect::set(&message, &"height".into(), &height.into())?;
    post_to_parent(&message)
}

/// Tells WordPress (its `wp-embed.js`) our content height: `{secret, message: "height",
/// value}`, the message a WordPress embed posts.
pub fn post_wordpress_height(secret: &str, height: f64) -> Result<(), JsValue> {
    let message = js_sys::Object::new();
    js_sys::Reflect::set(&message, &"secret".into(), &secret.into())?;
    js_sys::Reflect::set(&message, &"message".into(), &"height".into())?;
    js_sys::Reflect::set(&message, &"value".into(), &height.into())?;
    post_to_parent(&message)
}

/// Posts `message` to the page that embeds us, whatever its origin: what the calculator says
/// (its height, its scenario) is no secret, and a blog may live anywhere.
pub fn post_to_parent(message: &JsValue) -> Result<(), JsValue> {
    match window().parent()? {
        Some(parent) => parent.post_message(message, "*"),
        None => Ok(()),
    }
}

/// Copies text with the asynchronous clipboard API. `Err` when the browser refuses (an
/// iframe without clipboard permission, an old browser): the caller then offers the text to
/// copy by hand.
pub async fn copy_text(text: &str) -> Result<(), JsValue> {
    // A sandboxed frame (WordPress's) or an insecure page may have no clipboard at all:
    // calling into it would throw through the page. A frame the host did not allow to write
    // to it (WordPress drops the iframe's `allow`) would have the call refused with an error
    // in the console: ask the document's permissions policy first, where the browser has one.
    let navigator = window().navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into())?;
    if !clipboard.is_object() || !policy_allows("clipboard-write") {
        return Err(JsValue::from_str("no clipboard"));
    }
    let promise = navigator.clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map(|_| ())
}

/// Whether the document's permissions policy allows `feature` (`document.featurePolicy`, in
/// Chromium); true where the browser does not say.
fn policy_allows(feature: &str) -> bool {
    let Ok(policy) = js_sys::Reflect::get(&document(), &"featurePolicy".into()) else {
        return true;
    };
    let Ok(allows) = js_sys::Reflect::get(&policy, &"allowsFeature".into()) else {
        return true;
    };
    match allows.dyn_ref::<js_sys::Function>() {
        Some(allows) => allows
            .call1(&policy, &feature.into())
            .map_or(true, |answer| answer.as_bool() != Some(false)),
        None => true,
    }
}

/// Moves the keyboard focus to the element `id`, if it is there.
pub fn focus(id: &str) {
    if let Some(element) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

/// Focuses and selects the text of the field `id` (a read-only textarea), for copying by hand.
pub fn select_field(id: &str) {
    if let Some(field) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    {
        let _ = field.focus();
        field.select();
    }
}

/// Offers `content` as a file called `name`.
pub fn download_text(name: &str, mime: &str, content: &str) -> Result<(), JsValue> {
    save_blob(name, Blob::new_with_options(content, Some(mime)))
}

fn save_blob(name: &str, blob: Blob) -> Result<(), JsValue> {
    let url = ObjectUrl::from(blob);
    let link: HtmlAnchorElement = document().create_element("a")?.unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // The download has started from the URL; it is revoked when the timer drops it.
    Timeout::new(OBJECT_URL_LIFE.as_millis() as u32, move || drop(url)).forget();
    Ok(())
}

/// Draws an SVG document (`width` × `height` CSS pixels) at `scale`× into a canvas and offers
/// it as a PNG called `name`. Asynchronous: the image decodes first; failures after that are
/// reported through `on_error`.
pub fn download_svg_as_png(
    name: String,
    svg: &str,
    width: f64,
    height: f64,
    scale: f64,
    on_error: impl FnOnce() + 'static,
) -> Result<(), JsValue> {
    let url = ObjectUrl::from(Blob::new_with_options(svg, Some("image/svg+xml")));
    let image = HtmlImageElement::new()?;
    let drawn = image.clone();
    image.set_src(&url);
    let on_load = wasm_bindgen::closure::Closure::once_into_js(move || {
        let result = draw_png(&drawn, name, width * scale, height * scale);
        // Decoded: the SVG's object URL can go.
        drop(url);
        if result.is_err() {
            on_error();
        }
    });
    image.set_onload(Some(on_load.unchecked_ref()));
    Ok(())
}

fn draw_png(
    image: &HtmlImageElement,
    name: String,
    width: f64,
    height: f64,
) -> Result<(), JsValue> {
    let canvas: HtmlCanvasElement = document().create_element("canvas")?.unchecked_into();
    canvas.set_width(width as u32);
    canvas.set_height(height as u32);
    let context: CanvasRenderingContext2d = canvas
        .get_context("2d")?
        .ok_or_else(|| JsValue::from_str("no 2d context"))?
        .unchecked_into();
    context.draw_image_with_html_image_element_and_dw_and_dh(image, 0.0, 0.0, width, height)?;
    let on_blob =
        wasm_bindgen::closure::Closure::once_into_js(move |blob: Option<web_sys::Blob>| {
            if let Some(blob) = blob {
                let _ = save_blob(&name, Blob::from(blob));
            }
        });
    canvas.to_blob_with_type(on_blob.unchecked_ref(), "image/png")
}

/// A timer that starts again on every [`Debounce::restart`], so only the last call's action
/// runs, once the calls pause (gloo-timers; dropping a `Timeout` cancels it).
#[derive(Clone, Copy)]
pub struct Debounce(StoredValue<Option<Timeout>, LocalStorage>);

impl Debounce {
    pub fn new() -> Self {
        Debounce(StoredValue::new_local(None))
    }

    /// Runs `action` after `delay` unless restarted first.
    pub fn restart(self, delay: Duration, action: impl FnOnce() + 'static) {
        let millis = u32::try_from(delay.as_millis()).unwrap_or(u32::MAX);
        self.0.set_value(Some(Timeout::new(millis, action)));
    }
}

/// The drawing of the chart `id` (`#spend-chart`) as SVG text, once it has settled: its
/// marks, without the page's own title and description, what only the page draws (the
/// elements `page_only` selects) and the slots it leaves hidden. Leptos updates the page in
/// microtasks after a change; this waits for them (never for a paint) until two readings agree.
pub async fn chart_markup(id: &str, page_only: &str) -> Option<String> {
    let svg = document()
        .query_selector(&("#".to_string() + id + " svg[role=img]"))
        .ok()??;
    let serializer = web_sys::XmlSerializer::new().ok()?;
    let left_out = ":scope > title, :scope > desc, [visibility=hidden], ".to_string() + page_only;
    let mut last = String::new();
    // A change goes through a few effects; a hundred microtasks is far more than it takes.
    for _ in 0..100 {
        leptos::task::tick().await;
        let group = document()
            .create_element_ns(Some("http://www.w3.org/2000/svg"), "g")
            .ok()?;
        let copy = svg.clone_node_with_deep(true).ok()?;
        while let Some(child) = copy.first_child() {
            group.append_child(&child).ok()?;
        }
        while let Ok(Some(element)) = group.query_selector(&left_out) {
            element.remove();
        }
        let markup = serializer.serialize_to_string(&group).ok()?;
        if markup == last {
            return Some(markup.replace("<!---->", ""));
        }
        last = markup;
    }
    None
}
