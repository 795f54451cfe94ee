//! The controls: one range slider per numeric input (the 2030 Stargate share as the large
//! headline control), the ramp choice, and the reset button. Labels, ranges, units and the
//! "assumption" tags all come from the input table in `scenario.rs`.

use leptos::prelude::*;
use stargate_calc::format;
use stargate_calc::format::parse_decimal;
use stargate_calc::scenario::{Input, Ramp, Scenario};
use stargate_calc::words::{around, t, Text};

use super::state::{changes_of, text, use_calculator};

/// The headline control, first and largest: the 2030 Stargate share.
#[component]
pub fn HeadlineControl() -> impl IntoView {
    view! { <Slider input=Input::StargateShare2030 headline=true/> }
}

/// Every other input, grouped as the reader thinks of them.
#[component]
pub fn Assumptions() -> impl IntoView {
    let calc = use_calculator();
    let report = [Input::Spend2024, Input::Spend2027];
    let timing = [Input::GrowthAfter2027, Input::FirstStargateYear];
    let suppliers = [
        Input::MicrosoftCapacity2024,
        Input::MicrosoftCapacityGrowth,
        Input::OraclePartOfOverflow,
        Input::StargateDiscount,
    ];
    // One sentence around the tag, so a translation can place it where its grammar wants.
    let (note_before, note_after) = around(t(Text::ControlAssumptionsNote), "tag");
    let sliders = |inputs: &[Input]| {
        inputs
            .iter()
            .map(|&input| view! { <Slider input headline=false/> })
            .collect_view()
    };
    view! {
        <section class="panel assumptions" aria-labelledby="assumptions-title">
            <h2 id="assumptions-title">{t(Text::ControlAssumptionsTitle)}</h2>
            <p class="panel-note">
                {note_before}
                <span class="tag">{t(Text::ControlAssumptionTag)}</span>
                {note_after}
            </p>
            // Four groups, side by side where the page is wide enough.
            <div class="assumption-groups">
                <div class="assumption-group">
                    <h3>{t(Text::ControlGroupReport)}</h3>
                    {sliders(&report)}
                </div>
                <div class="assumption-group">
                    <h3>{t(Text::ControlGroupTiming)}</h3>
                    {sliders(&timing)}
                    <RampChoice/>
                </div>
                <div class="assumption-group">
                    <h3>{t(Text::ControlGroupSuppliers)}</h3>
                    {sliders(&suppliers)}
                </div>
                <div class="assumption-group">
                    <h3>{t(Text::ControlGroupView)}</h3>
                    <Slider input=Input::LastYear headline=false/>
                    <button
                        id="reset"
                        type="button"
                        class="button"
                        on:click=move |_| calc.set_scenario(Scenario::REPORT)
                    >
                        {t(Text::ControlReset)}
                    </button>
                </div>
            </div>
        </section>
    }
}

/// A range slider for one input, with its label, value, scale and help line.
#[component]
fn Slider(
    /// The input it sets.
    input: Input,
    /// True for the large headline control.
    headline: bool,
) -> impl IntoView {
    let calc = use_calculator();
    let spec = input.spec();
    let value = calc.input_value(input);
    let id = "in-".to_string() + spec.key;
    let help_id = id.clone() + "-help";
    let output_id = spec.key.to_string() + "-value";
    let on_input = move |ev: leptos::ev::Event| {
        // A range input only ever reports a number; anything else is ignored, not trusted.
        if let Some(number) = parse_decimal(&event_target_value(&ev)) {
            calc.set_input(input, number);
        }
    };
    view! {
        <div class="control" class:headline-control=headline>
            <div class="control-head">
                <label for=id.clone()>{spec.label()}</label>
                {spec.assumption.then(|| view! { <span class="tag">{t(Text::ControlAssumptionTag)}</span> })}
                <output id=output_id for=id.clone() class="control-value">
                    {text(move || format::input_value(value.get(), spec.unit))}
                </output>
            </div>
            <input
                type="range"
                id=id
                name=spec.key
                min=format::canonical(spec.min)
                max=format::canonical(spec.max)
                step=format::canonical(spec.step)
                prop:value=text(move || format::canonical(value.get()))
                aria-valuetext=text(move || format::input_value_spoken(value.get(), spec.unit))
                aria-describedby=help_id.clone()
                on:input=on_input
            />
            <div class="control-scale" aria-hidden="true">
                <span>{format::input_value(spec.min, spec.unit)}</span>
                <span>{format::input_value(spec.max, spec.unit)}</span>
            </div>
            <p class="help" id=help_id>{spec.help()}</p>
        </div>
    }
}

/// The shape of the move to Stargate, as four radio buttons.
#[component]
fn RampChoice() -> impl IntoView {
    let calc = use_calculator();
    let current = changes_of(move || calc.scenario.with(|s| s.ramp));
    view! {
        <fieldset class="control ramp">
            <legend>
                {[t(Text::ControlRampLegend), " "].concat()}
                <span class="tag">{t(Text::ControlAssumptionTag)}</span>
            </legend>
            <div class="ramp-options">
                {Ramp::ALL
                    .into_iter()
                    .map(|ramp| {
                        view! {
                            <label class="ramp-option">
                                <input
                                    type="radio"
                                    name="ramp"
                                    value=ramp.key()
                                    prop:checked=move || current.get() == ramp
                                    on:change=move |_| {
                                        let mut next = calc.scenario.get_untracked();
                                        next.ramp = ramp;
                                        calc.set_scenario(next);
                                    }
                                />
                                <span class="ramp-name">{ramp.label()}</span>
                                <span class="ramp-description">{ramp.description()}</span>
                            </label>
                        }
                    })
                    .collect_view()}
            </div>
            <p class="help">{t(Text::ControlRampHelp)}</p>
        </fieldset>
    }
}
