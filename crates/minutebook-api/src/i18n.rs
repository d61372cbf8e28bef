//! Messages in the user's language, from the Fluent catalogue shared with the UI
//! (`i18n/vi.ftl`, `i18n/en.ftl` at the repository root). Vietnamese is the default.
//!
//! Placeables are not wrapped in Unicode isolation marks (`set_use_isolating(false)`): the text
//! goes to terminals and PDFs, where the invisible U+2068/U+2069 would only get in the way.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use unic_langid::langid;

/// A user-interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// Tiếng Việt (default).
    #[default]
    Vi,
    /// English.
    En,
}

impl Lang {
    /// Picks the language: an explicit choice (`vi`/`en`), else `$MINUTEBOOK_LANG`, else
    /// Vietnamese.
    pub fn pick(explicit: Option<&str>) -> Lang {
        let env = std::env::var("MINUTEBOOK_LANG").ok();
        match explicit.or(env.as_deref()).map(|s| s.to_ascii_lowercase()) {
            Some(s) if s.starts_with("en") => Lang::En,
            _ => Lang::Vi,
        }
    }
}

const VI: &str = include_str!("../../../i18n/vi.ftl");
const EN: &str = include_str!("../../../i18n/en.ftl");

fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static VI_B: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    static EN_B: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    let (cell, text, id) = match lang {
        Lang::Vi => (&VI_B, VI, langid!("vi")),
        Lang::En => (&EN_B, EN, langid!("en")),
    };
    cell.get_or_init(|| {
        let res = FluentResource::try_new(text.to_owned()).unwrap_or_else(|(res, _)| res);
        let mut b = FluentBundle::new_concurrent(vec![id]);
        b.set_use_isolating(false);
        // Duplicate ids would be a catalogue bug caught by the catalogue test; keep the first.
        let _ = b.add_resource(res);
        b
    })
}

/// The message `id` in `lang` with `args`; the id itself when the catalogue lacks it (a test
/// checks that every id used exists in both languages).
pub fn tr(lang: Lang, id: &str, args: &[(&str, String)]) -> String {
    let b = bundle(lang);
    let Some(pattern) = b.get_message(id).and_then(|m| m.value()) else {
        return id.to_owned();
    };
    let mut fa = FluentArgs::new();
    for (k, v) in args {
        fa.set(*k, v.clone());
    }
    let mut errors = Vec::new();
    b.format_pattern(pattern, Some(&fa), &mut errors)
        .into_owned()
}

/// True when `id` exists in both catalogues.
pub fn has_message(id: &str) -> bool {
    bundle(Lang::Vi).has_message(id) && bundle(Lang::En).has_message(id)
}
