//! The language picker (`lang=`), beside the theme on the full page. A page's language is
//! fixed for its life (`words.rs`), so each language is a link to this same scenario in it:
//! following one loads the page again in that language, and the link can be opened in a new
//! tab, copied or shared like any other.

use leptos::prelude::*;
use stargate_calc::link::{encode_query, Page};
use stargate_calc::words::{t, Lang, Text};

use super::dom;
use super::state::use_calculator;

/// One link per language, each named in its own language; the current one is marked.
#[component]
pub fn LanguagePicker() -> impl IntoView {
    let calc = use_calculator();
    view! {
        <nav id="language" class="language-picker" aria-label=t(Text::LangLegend)>
            <span class="picker-label" aria-hidden="true">{t(Text::LangLegend)}</span>
            <ul>
                {Lang::ALL
                    .into_iter()
                    .map(|lang| {
                        let href = move || {
                            let mut link = calc.settled_link(Page::Full);
                            link.view.lang = lang;
                            dom::page_link(&encode_query(&link))
                        };
                        view! {
                            <li>
                                <a
                                    id="lang-".to_string() + lang.key()
                                    href=href
                                    hreflang=lang.key()
                                    lang=lang.key()
                                    aria-current=(lang == calc.lang).then_some("true")
                                >
                                    {lang.name()}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}
