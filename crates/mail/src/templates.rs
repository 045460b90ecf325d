//! The message templates, embedded in the binary, and the filters they use.
//!
//! `templates/<locale>/<kind>.txt` holds a message's `subject` and `body` blocks (plain text);
//! `templates/<locale>/_frame.txt` puts the greeting and signature around a body (`main`) and writes the
//! footer (`footer`); `templates/layout.html` wraps the HTML part.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use domain::account::Locale;
use domain::idea::ScreeningReason;
use domain::notice::{Bilingual, NoticeKind};
use minijinja::syntax::SyntaxConfig;
use minijinja::value::Serde;
use minijinja::{Environment, Error, ErrorKind, State, UndefinedBehavior, Value};
use uuid::Uuid;

use crate::calendar::{format_date, format_datetime, local_date, localize_digits};
use crate::links;

/// Every template file, by its path under `templates/`. A test checks this table against the folder.
pub(crate) const TEMPLATE_FILES: &[(&str, &str)] = &[
    ("layout.html", include_str!("../templates/layout.html")),
    ("fa/_frame.txt", include_str!("../templates/fa/_frame.txt")),
    ("en/_frame.txt", include_str!("../templates/en/_frame.txt")),
    ("fa/verify_email.txt", include_str!("../templates/fa/verify_email.txt")),
    ("en/verify_email.txt", include_str!("../templates/en/verify_email.txt")),
    (
        "fa/password_reset.txt",
        include_str!("../templates/fa/password_reset.txt"),
    ),
    (
        "en/password_reset.txt",
        include_str!("../templates/en/password_reset.txt"),
    ),
    (
        "fa/password_changed.txt",
        include_str!("../templates/fa/password_changed.txt"),
    ),
    (
        "en/password_changed.txt",
        include_str!("../templates/en/password_changed.txt"),
    ),
    (
        "fa/second_factor_changed.txt",
        include_str!("../templates/fa/second_factor_changed.txt"),
    ),
    (
        "en/second_factor_changed.txt",
        include_str!("../templates/en/second_factor_changed.txt"),
    ),
    (
        "fa/reviewer_invitation.txt",
        include_str!("../templates/fa/reviewer_invitation.txt"),
    ),
    (
        "en/reviewer_invitation.txt",
        include_str!("../templates/en/reviewer_invitation.txt"),
    ),
    (
        "fa/idea_received.txt",
        include_str!("../templates/fa/idea_received.txt"),
    ),
    (
        "en/idea_received.txt",
        include_str!("../templates/en/idea_received.txt"),
    ),
    (
        "fa/idea_screened.txt",
        include_str!("../templates/fa/idea_screened.txt"),
    ),
    (
        "en/idea_screened.txt",
        include_str!("../templates/en/idea_screened.txt"),
    ),
    (
        "fa/draft_reminder.txt",
        include_str!("../templates/fa/draft_reminder.txt"),
    ),
    (
        "en/draft_reminder.txt",
        include_str!("../templates/en/draft_reminder.txt"),
    ),
    (
        "fa/decision_published.txt",
        include_str!("../templates/fa/decision_published.txt"),
    ),
    (
        "en/decision_published.txt",
        include_str!("../templates/en/decision_published.txt"),
    ),
    (
        "fa/assignments_made.txt",
        include_str!("../templates/fa/assignments_made.txt"),
    ),
    (
        "en/assignments_made.txt",
        include_str!("../templates/en/assignments_made.txt"),
    ),
    (
        "fa/review_reminder.txt",
        include_str!("../templates/fa/review_reminder.txt"),
    ),
    (
        "en/review_reminder.txt",
        include_str!("../templates/en/review_reminder.txt"),
    ),
    ("fa/call_digest.txt", include_str!("../templates/fa/call_digest.txt")),
    ("en/call_digest.txt", include_str!("../templates/en/call_digest.txt")),
    (
        "fa/webhook_disabled.txt",
        include_str!("../templates/fa/webhook_disabled.txt"),
    ),
    (
        "en/webhook_disabled.txt",
        include_str!("../templates/en/webhook_disabled.txt"),
    ),
];

pub(crate) const LAYOUT: &str = "layout.html";

pub(crate) fn message_template(locale: Locale, kind: NoticeKind) -> String {
    format!("{}/{}.txt", locale.as_str(), kind.as_str())
}

pub(crate) fn frame_template(locale: Locale) -> String {
    format!("{}/_frame.txt", locale.as_str())
}

/// The loaded templates with their filters and functions.
#[derive(Debug)]
pub(crate) struct Templates {
    env: Environment<'static>,
}

impl Templates {
    /// Loads every template (a syntax error shows here, at start-up, not at the first message).
    pub fn load(base: &str, zone: Tz) -> Result<Templates, Error> {
        let mut env = Environment::new();
        // Block tags on their own line leave no blank line behind, so templates can be laid out freely.
        env.set_syntax(SyntaxConfig::builder().trim_blocks(true).lstrip_blocks(true).build()?);
        // A misspelt field fails the message instead of silently printing nothing; `{% if x %}` on an
        // absent optional field is still allowed.
        env.set_undefined_behavior(UndefinedBehavior::SemiStrict);
        for (name, source) in TEMPLATE_FILES {
            env.add_template(name, source)?;
        }
        add_filters(&mut env, base, zone);
        Ok(Templates { env })
    }

    /// Renders the named blocks of a template with one context, in order.
    pub fn render_blocks<const N: usize>(
        &self,
        template: &str,
        context: &Value,
        blocks: [&str; N],
    ) -> Result<[String; N], Error> {
        let template = self.env.get_template(template)?;
        let mut captured = template.render_captured(context.clone())?;
        let mut rendered: [String; N] = std::array::from_fn(|_| String::new());
        for (slot, block) in rendered.iter_mut().zip(blocks) {
            *slot = captured.with_state_mut(|state| state.render_block(block))?;
        }
        Ok(rendered)
    }

    pub fn render(&self, template: &str, context: Value) -> Result<String, Error> {
        self.env.get_template(template)?.render(context)
    }
}

fn locale_of(state: &State) -> Locale {
    state
        .lookup("locale")
        .and_then(|value| value.as_str().and_then(|s| s.parse().ok()))
        .unwrap_or_default()
}

fn invalid(message: String) -> Error {
    Error::new(ErrorKind::InvalidOperation, message)
}

fn parse_moment(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text).ok().map(|moment| moment.to_utc())
}

fn add_filters(env: &mut Environment<'static>, base: &str, zone: Tz) {
    // A calendar day: a date as it is, a moment by its day in the office's zone.
    env.add_filter("date", move |state: &State, value: String| -> Result<String, Error> {
        let day = match value.parse::<NaiveDate>() {
            Ok(day) => day,
            Err(_) => local_date(
                parse_moment(&value).ok_or_else(|| invalid(format!("`{value}` is not a date")))?,
                zone,
            ),
        };
        Ok(format_date(day, locale_of(state)))
    });
    env.add_filter(
        "datetime",
        move |state: &State, value: String| -> Result<String, Error> {
            let moment = parse_moment(&value).ok_or_else(|| invalid(format!("`{value}` is not a moment")))?;
            Ok(format_datetime(moment, zone, locale_of(state)))
        },
    );
    env.add_filter("num", |state: &State, value: Value| -> String {
        localize_digits(&value.to_string(), locale_of(state))
    });
    env.add_filter("t", |state: &State, text: Serde<Bilingual>| -> String {
        text.in_locale(locale_of(state)).to_owned()
    });
    env.add_filter("reason", |state: &State, reason: Serde<ScreeningReason>| -> String {
        reason_in_words(*reason, locale_of(state)).to_owned()
    });
    let idea_base = base.to_owned();
    env.add_function("my_idea_url", move |id: Serde<Uuid>| links::my_idea(&idea_base, *id));
    let review_base = base.to_owned();
    env.add_function("review_url", move |id: Serde<Uuid>| links::review_of(&review_base, *id));
}

/// Why an idea was not shortlisted, as a sentence its submitter can read (the screening reasons'
/// names in the app are labels; a letter needs words).
pub(crate) fn reason_in_words(reason: ScreeningReason, locale: Locale) -> &'static str {
    match (locale, reason) {
        (Locale::Fa, ScreeningReason::OutOfScope) => "ایده در موضوع این فراخوان نمی‌گنجد.",
        (Locale::Fa, ScreeningReason::Incomplete) => "آگاهی‌های ایده برای بررسی کامل نبود.",
        (Locale::Fa, ScreeningReason::Duplicate) => "ایده‌ای همانند آن پیش‌تر در این فراخوان فرستاده شده بود.",
        (Locale::Fa, ScreeningReason::NotFeasible) => "اجرای ایده با امکانات کنونی شهرداری شدنی نیست.",
        (Locale::Fa, ScreeningReason::OutsidePolicyFramework) => {
            "ایده با چارچوب سیاست‌های روابط بین‌الملل شهر همخوان نیست."
        }
        (Locale::Fa, ScreeningReason::Other) => {
            "دلیلی جز دلیل‌های رایج؛ برای آگاهی بیشتر می‌توانید با ادارهٔ روابط بین‌الملل تماس بگیرید."
        }
        (Locale::En, ScreeningReason::OutOfScope) => "The idea is outside the subject of this call.",
        (Locale::En, ScreeningReason::Incomplete) => "The idea did not include enough information to be assessed.",
        (Locale::En, ScreeningReason::Duplicate) => "A very similar idea had already been submitted to this call.",
        (Locale::En, ScreeningReason::NotFeasible) => {
            "The idea cannot be carried out with the municipality's current means."
        }
        (Locale::En, ScreeningReason::OutsidePolicyFramework) => {
            "The idea does not fit the policy framework of the city's international relations."
        }
        (Locale::En, ScreeningReason::Other) => {
            "A reason other than the usual ones; you may contact the International Relations Office for details."
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::Path;

    use super::*;

    fn files_under(dir: &Path, prefix: &str, found: &mut BTreeSet<String>) {
        for entry in std::fs::read_dir(dir).expect("templates folder") {
            let entry = entry.expect("entry");
            let name = entry.file_name().to_string_lossy().into_owned();
            let path = format!("{prefix}{name}");
            if entry.file_type().expect("type").is_dir() {
                files_under(&entry.path(), &format!("{path}/"), found);
            } else {
                found.insert(path);
            }
        }
    }

    #[test]
    fn every_template_file_is_embedded_and_every_kind_has_its_templates() {
        let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
        let mut on_disk = BTreeSet::new();
        files_under(&folder, "", &mut on_disk);
        let embedded: BTreeSet<String> = TEMPLATE_FILES.iter().map(|(name, _)| (*name).to_owned()).collect();
        assert_eq!(on_disk, embedded, "templates/ and TEMPLATE_FILES differ");
        for locale in Locale::ALL {
            assert!(embedded.contains(&frame_template(*locale)));
            for kind in NoticeKind::ALL {
                let name = message_template(*locale, *kind);
                assert!(embedded.contains(&name), "{name} is missing");
            }
        }
    }

    #[test]
    fn every_template_loads() {
        Templates::load("https://example.org", chrono_tz::Asia::Tehran).expect("templates load");
    }
}
