//! The polite notice that says, once, what the URL asked for that was ignored or adjusted.

use leptos::prelude::*;

use super::state::Calculator;

#[component]
pub fn QueryNotice(calc: Calculator) -> impl IntoView {
    move || {
        calc.notes.with(|notes| {
            (!notes.is_empty()).then(|| {
                let items = notes.iter().map(|note| view! { <li>{note.message()}</li> }).collect_view();
                view! {
                    <div id="notice" class="notice" role="status">
                        <p class="notice-title">"This link asked for a few things the calculator cannot show as written:"</p>
                        <ul>{items}</ul>
                        <button
                            id="notice-dismiss"
                            type="button"
                            class="button button-quiet"
                            on:click=move |_| {
                                calc.notes.set(Vec::new());
                                focus_first_control();
                            }
                        >
                            "Dismiss"
                        </button>
                    </div>
                }
            })
        })
    }
}

/// The dismissed notice took the keyboard focus with it; hand it to the headline slider (the
/// next control, on the full page and in the embed) rather than drop it on the body.
fn focus_first_control() {
    use wasm_bindgen::JsCast;
    if let Some(slider) = document()
        .get_element_by_id("in-sg")
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = slider.focus();
    }
}
