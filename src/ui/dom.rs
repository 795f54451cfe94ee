//! The browser calls the page needs besides its own elements: the address bar, timers, the
//! clipboard, file downloads (text and PNG), and talking to the page that embeds us. Every
//! call reports failure as a value; none can panic or throw into Rust.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    Blob, BlobPropertyBag, CanvasRenderingContext2d, Document, HtmlAnchorElement,
    HtmlCanvasElement, HtmlElement, HtmlImageElement, Url, Window,
};

pub fn window() -> Window {
    web_sys::window().unwrap_or_else(|| JsValue::UNDEFINED.unchecked_into())
}

pub fn document() -> Document {
    window()
        .document()
        .unwrap_or_else(|| JsValue::UNDEFINED.unchecked_into())
}

/// The page's address without query or fragment: `https://example.org/calc/`. Works from
/// `file://` too, where there is no origin to speak of.
pub fn page_base() -> String {
    let href = window().location().href().unwrap_or_default();
    let end = href.find(['?', '#']).unwrap_or(href.len());
    href.get(..end).unwrap_or_default().to_string()
}

/// `page_base()` with `query` (no `?`); the bare base when the query is empty.
pub fn page_link(query: &str) -> String {
    if query.is_empty() {
        page_base()
    } else {
        page_base() + "?" + query
    }
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

/// Runs `callback` (a function kept alive by its owner) after `ms`; the handle cancels it.
pub fn set_timeout(callback: &js_sys::Function, ms: i32) -> Option<i32> {
    window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(callback, ms)
        .ok()
}

pub fn clear_timeout(handle: Option<i32>) {
    if let Some(handle) = handle {
        window().clear_timeout_with_handle(handle);
    }
}

/// Runs `callback` once, after `ms`.
pub fn after(ms: i32, callback: impl FnOnce() + 'static) {
    let callback = Closure::once_into_js(callback);
    let _ = set_timeout(callback.unchecked_ref(), ms);
}

/// Moves the keyboard focus to the element with `id`, if there is one.
pub fn focus(id: &str) {
    if let Some(element) = document().get_element_by_id(id) {
        let _ = element.unchecked_into::<HtmlElement>().focus();
    }
}

/// Selects the text of the field with `id` (for copying by hand), focusing it.
pub fn select_field(id: &str) {
    if let Some(element) = document().get_element_by_id(id) {
        let field: web_sys::HtmlTextAreaElement = element.unchecked_into();
        let _ = field.focus();
        field.select();
    }
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
    let Some(parent) = window().parent()? else {
        return Ok(());
    };
    let message = js_sys::Object::new();
    js_sys::Reflect::set(
        &message,
        &"type".into(),
        &stargate_calc::embed::HEIGHT_MESSAGE.into(),
    )?;
    js_sys::Reflect::set(&message, &"height".into(), &height.into())?;
    parent.post_message(&message, "*")
}

/// Copies text with the asynchronous clipboard API, then calls `done` with whether it worked.
/// It does not when the browser refuses (an iframe without clipboard permission, a page that
/// is not a secure context, an old browser without the API).
pub fn copy_text(text: &str, done: impl FnOnce(bool) + 'static) {
    let navigator = window().navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into()).unwrap_or_default();
    if clipboard.is_undefined() || clipboard.is_null() {
        done(false);
        return;
    }
    let clipboard: web_sys::Clipboard = clipboard.unchecked_into();
    let done = std::rc::Rc::new(std::cell::Cell::new(Some(done)));
    let refused = done.clone();
    let on_done: JsValue = Closure::once_into_js(move |_: JsValue| {
        if let Some(done) = done.take() {
            done(true);
        }
    });
    let on_refused: JsValue = Closure::once_into_js(move |_: JsValue| {
        if let Some(done) = refused.take() {
            done(false);
        }
    });
    // `then` through Reflect: both callbacks are one-shot closures that free themselves.
    let promise = clipboard.write_text(text);
    let then = js_sys::Reflect::get(&promise, &"then".into()).unwrap_or_default();
    if let Some(then) = then.dyn_ref::<js_sys::Function>() {
        let _ = then.call2(&promise, &on_done, &on_refused);
    }
}

/// Offers `content` as a file called `name`.
pub fn download_text(name: &str, mime: &str, content: &str) -> Result<(), JsValue> {
    save_blob(name, &text_blob(mime, content)?)
}

fn text_blob(mime: &str, content: &str) -> Result<Blob, JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    Blob::new_with_str_sequence_and_options(&parts, &options)
}

fn save_blob(name: &str, blob: &Blob) -> Result<(), JsValue> {
    let url = Url::create_object_url_with_blob(blob)?;
    let link: HtmlAnchorElement = document().create_element("a")?.unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // The download has started from the URL; free it once this task is over.
    after(1000, move || {
        let _ = Url::revoke_object_url(&url);
    });
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
    let url = Url::create_object_url_with_blob(&text_blob("image/svg+xml", svg)?)?;
    let image = HtmlImageElement::new()?;
    let drawn = image.clone();
    let source = url.clone();
    let on_load = Closure::once_into_js(move || {
        let result = draw_png(&drawn, name, width * scale, height * scale);
        let _ = Url::revoke_object_url(&source);
        if result.is_err() {
            on_error();
        }
    });
    image.set_onload(Some(on_load.unchecked_ref()));
    image.set_src(&url);
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
    let on_blob = Closure::once_into_js(move |blob: Option<Blob>| {
        if let Some(blob) = blob {
            let _ = save_blob(&name, &blob);
        }
    });
    canvas.to_blob_with_type(on_blob.unchecked_ref(), "image/png")
}
