//! The demo's data: its accounts, cities, names, idea themes and phrases, calls, jury and register, one JSON
//! file per kind in `crates/demo/data`, embedded in the binary and read once. `{city}`, `{years}`,
//! `{partner}`, `{org}` and `{title}` in a text are filled in by the generator.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use anyhow::{Context, anyhow};
use chrono::{Duration, NaiveDate};
use domain::account::Locale;
use domain::activity::{ActivityDirection, ActivityKind, ActivityStatus};
use domain::idea::{Domain, ScreeningReason};
use domain::partnership::{PartnershipKind, PartnershipState};
use domain::profile::TieKind;
use domain::reviewer::Organisation;
use domain::roles::Role;
use serde::Deserialize;
use serde::de::DeserializeOwned;

/// Everything the demo says and who says it.
#[derive(Debug)]
pub struct Data {
    pub accounts: Vec<Account>,
    pub cities: Cities,
    pub names: Names,
    pub themes: Vec<Theme>,
    pub phrases: Phrases,
    pub calls: Vec<CallText>,
    pub jury: Jury,
    pub register: Register,
}

/// The data files by name, as the binary holds them.
pub const FILES: [(&str, &str); 8] = [
    ("accounts.json", include_str!("../data/accounts.json")),
    ("cities.json", include_str!("../data/cities.json")),
    ("names.json", include_str!("../data/names.json")),
    ("themes.json", include_str!("../data/themes.json")),
    ("phrases.json", include_str!("../data/phrases.json")),
    ("calls.json", include_str!("../data/calls.json")),
    ("jury.json", include_str!("../data/jury.json")),
    ("register.json", include_str!("../data/register.json")),
];

static DATA: LazyLock<Result<Data, String>> = LazyLock::new(|| Data::read().map_err(|err| format!("{err:#}")));

/// The demo's data, read on first use.
pub fn data() -> anyhow::Result<&'static Data> {
    DATA.as_ref().map_err(|err| anyhow!("the demo's data: {err}"))
}

impl Data {
    fn read() -> anyhow::Result<Data> {
        let [accounts, cities, names, themes, phrases, calls, jury, register] = FILES.map(|(_, text)| text);
        Ok(Data {
            accounts: parse("accounts.json", accounts)?,
            cities: parse("cities.json", cities)?,
            names: parse("names.json", names)?,
            themes: parse("themes.json", themes)?,
            phrases: parse("phrases.json", phrases)?,
            calls: parse("calls.json", calls)?,
            jury: parse("jury.json", jury)?,
            register: parse("register.json", register)?,
        })
    }
}

fn parse<T: DeserializeOwned>(name: &str, text: &str) -> anyhow::Result<T> {
    serde_json::from_str(text).with_context(|| format!("reading {name}"))
}

/// A text in Persian and English.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bilingual<T = String> {
    pub fa: T,
    pub en: T,
}

impl Bilingual<String> {
    /// As the store keeps a bilingual text: Persian, and English when there is one.
    pub fn stored(&self) -> (String, Option<String>) {
        (self.fa.clone(), Some(self.en.clone()))
    }
}

/// A day written in the data: a date (`2000-11-20`), or days from the day the seed runs (`today+45`,
/// `today-270`), for what must stay recent or ahead whenever the demo is seeded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Day {
    On(NaiveDate),
    FromToday(i64),
}

impl Day {
    pub fn on(self, today: NaiveDate) -> NaiveDate {
        match self {
            Day::On(day) => day,
            Day::FromToday(days) => today + Duration::days(days),
        }
    }
}

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Day, D::Error> {
        let text = String::deserialize(deserializer)?;
        let parsed = match text.strip_prefix("today") {
            Some("") => Some(Day::FromToday(0)),
            Some(offset) => offset
                .strip_prefix('+')
                .unwrap_or(offset)
                .parse()
                .ok()
                .map(Day::FromToday),
            None => text.parse().ok().map(Day::On),
        };
        parsed.ok_or_else(|| serde::de::Error::custom(format!("`{text}` is neither YYYY-MM-DD nor today±N")))
    }
}

// ---------------------------------------------------------------------------------------------------------
// accounts.json

/// A demo account one can sign in with.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Account {
    pub email: String,
    pub display_name: String,
    pub roles: Vec<Role>,
    pub locale: Locale,
}

// ---------------------------------------------------------------------------------------------------------
// cities.json

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Cities {
    /// Cities abroad that citizens have ties to, entered and verified by staff.
    pub listed: Vec<City>,
    /// Cities a citizen added while proposing an idea, not yet checked by staff.
    pub added_by_citizens: Vec<AddedCity>,
    /// Cities of activities the list lacks: added, verified, by the register's staff.
    pub for_activities: Vec<PlainCity>,
}

/// What some idea themes need or avoid in a city.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CityTag {
    PersianSpeaking,
    /// A city whose urban services Isfahan would learn from (trams, bike sharing, telemedicine).
    ModelCity,
    SilkRoad,
    Earthquakes,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct City {
    pub fa: String,
    pub en: String,
    pub country: String,
    pub coordinates: Option<(f64, f64)>,
    pub tags: Vec<CityTag>,
    /// The language spoken there that a citizen tied to it likely speaks too.
    pub language: String,
    /// How often it is drawn when a citizen proposes for a city they have no tie to.
    pub weight: usize,
    pub organisations: Organisations,
    pub people: Vec<String>,
}

/// A city's partner organisations, by kind.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Organisations {
    pub university: String,
    pub business: String,
    pub culture: String,
    pub city_hall: String,
}

impl Organisations {
    /// In a fixed order, so that the generator can take "another one" by index.
    pub fn all(&self) -> [&str; 4] {
        [&self.university, &self.business, &self.culture, &self.city_hall]
    }
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AddedCity {
    pub city: City,
    /// The index of the demo citizen who added it.
    pub citizen: usize,
    /// How many days before the seed runs.
    pub days_ago: i64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlainCity {
    pub fa: String,
    pub en: String,
    pub country: String,
    pub coordinates: (f64, f64),
}

// ---------------------------------------------------------------------------------------------------------
// names.json

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Names {
    /// Persian first and last names, combined by the generator.
    pub first: Vec<String>,
    pub last: Vec<String>,
    /// Citizens who use the English interface and write in English, mostly Iranians living abroad.
    pub english: Vec<String>,
}

// ---------------------------------------------------------------------------------------------------------
// themes.json

/// What an idea is about, told in both languages.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    pub domain: Domain,
    /// City tags the theme needs (all of them) and avoids (any of them).
    pub needs: Vec<CityTag>,
    pub avoids: Vec<CityTag>,
    pub fa: Words,
    pub en: Words,
}

impl Theme {
    pub fn fits(&self, city: &City) -> bool {
        self.needs.iter().all(|tag| city.tags.contains(tag)) && !self.avoids.iter().any(|tag| city.tags.contains(tag))
    }
}

/// One language's text of a theme: an idea on it uses some of these sentences and a few shared ones.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Words {
    pub title: String,
    pub summary: String,
    pub opening: String,
    pub steps: Vec<String>,
    pub outcomes: String,
}

// ---------------------------------------------------------------------------------------------------------
// phrases.json

/// The sentences ideas and screenings share, whatever their theme.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Phrases {
    /// How a citizen describes their channel to the city, by the kind of tie; `{years}` is how long it lasted.
    pub channels: BTreeMap<TieKind, Bilingual<Vec<String>>>,
    /// A partner abroad backing the idea: `{partner}` of `{org}`.
    pub partners: Bilingual<Vec<String>>,
    pub closings: Bilingual<Vec<String>>,
    pub extra_outcomes: Bilingual<Vec<String>>,
    /// The sentence a near-duplicate adds to the idea it copies.
    pub duplicate_addition: Bilingual,
    /// Staff's note on a near-duplicate they reject; `{title}` is the original's.
    pub duplicate_note: String,
    /// The one-word changes a near-duplicate makes, tried in order on the title and then on the body.
    pub word_swaps: Bilingual<Vec<(String, String)>>,
    pub shortlist_notes: Vec<String>,
    /// Staff's notes on a rejection, by reason.
    pub rejection_notes: BTreeMap<ScreeningReason, Vec<String>>,
}

// ---------------------------------------------------------------------------------------------------------
// calls.json

/// A call's title and description, in the order of the generator's call plans.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CallText {
    pub title: Bilingual,
    pub description: Bilingual,
}

// ---------------------------------------------------------------------------------------------------------
// jury.json

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Jury {
    pub jurors: Vec<Juror>,
    /// The rubric every demo call uses.
    pub criteria: Vec<CriterionText>,
    /// Comments to staff and to the submitter, by band: a total of 70 or more, 50 or more, below.
    pub to_staff: [Vec<String>; 3],
    pub to_submitter: [Vec<String>; 3],
    pub selected_notes: Vec<String>,
    pub not_selected_notes: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Juror {
    pub name: String,
    pub locale: Locale,
    pub organisation: Organisation,
    pub expertise: Vec<Domain>,
    pub max_load: i32,
    /// Points added to every score on the 1–10 scale: below zero a strict juror, above a lenient one.
    pub bias: f64,
    /// How far the juror's scores stray from the middle of the scale: below 1 they hedge, above they are bold.
    pub boldness: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CriterionText {
    pub key: String,
    pub weight: f64,
    pub label: Bilingual,
    pub guidance: Bilingual,
}

// ---------------------------------------------------------------------------------------------------------
// register.json

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Register {
    pub partnerships: Vec<PartnershipText>,
    pub activities: Vec<ActivityText>,
    pub networks: Vec<NetworkText>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PartnershipText {
    /// The city's English name in the demo's cities.
    pub city: String,
    pub kind: PartnershipKind,
    pub signed_on: Option<Day>,
    pub recorded_on: Day,
    pub next_review_on: Day,
    /// The first entry is the state it was entered with.
    pub history: Vec<Change>,
    pub focal_points: Vec<Contact>,
    pub notes: Bilingual,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Change {
    pub to: PartnershipState,
    pub on: Day,
    pub reason: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub name: String,
    pub role: String,
    pub contact: String,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ActivityText {
    pub city: String,
    pub on: Day,
    pub kind: ActivityKind,
    pub direction: ActivityDirection,
    pub status: ActivityStatus,
    pub title: Bilingual,
    pub description: Bilingual,
    pub outcomes: Option<Bilingual>,
    /// Words of the title of the demo's selected idea it grew from (that idea targets the same city).
    pub grew_from: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NetworkText {
    pub name: Bilingual,
    pub website: Option<String>,
    pub joined_on: Option<Day>,
    pub left_on: Option<Day>,
    pub role: Option<Bilingual>,
    pub notes: Option<Bilingual>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_loads_and_holds_what_the_generator_needs() {
        let data = Data::read().expect("the demo's data");
        assert_eq!(
            FILES.len(),
            std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/data"))
                .expect("data/")
                .count()
        );
        assert_eq!(data.calls.len(), 3);
        assert!(data.accounts.iter().any(|a| a.roles.contains(&Role::Staff)));
        assert!(data.names.first.len() >= 2 && data.names.last.len() >= 2 && !data.names.english.is_empty());
        for kind in TieKind::ALL {
            assert!(
                data.phrases
                    .channels
                    .get(kind)
                    .is_some_and(|c| !c.fa.is_empty() && !c.en.is_empty()),
                "{kind}"
            );
        }
        for reason in ScreeningReason::ALL {
            assert!(
                data.phrases.rejection_notes.get(reason).is_some_and(|n| !n.is_empty()),
                "{reason}"
            );
        }
        for theme in &data.themes {
            assert_eq!(
                (theme.fa.steps.len(), theme.en.steps.len()),
                (4, 4),
                "{}",
                theme.fa.title
            );
            assert!(
                data.cities.listed.iter().any(|city| theme.fits(city)),
                "{}",
                theme.fa.title
            );
        }
        for city in &data.cities.listed {
            assert!(!city.people.is_empty(), "{}", city.en);
        }
        assert!(
            data.jury
                .to_staff
                .iter()
                .chain(&data.jury.to_submitter)
                .all(|band| !band.is_empty())
        );
        let known = |name: &str| {
            data.cities.listed.iter().any(|c| c.en == name) || data.cities.for_activities.iter().any(|c| c.en == name)
        };
        for partnership in &data.register.partnerships {
            assert!(known(&partnership.city), "{}", partnership.city);
            assert!(!partnership.history.is_empty(), "{}", partnership.city);
        }
        for activity in &data.register.activities {
            assert!(known(&activity.city), "{}", activity.city);
        }
    }

    #[test]
    fn a_day_is_a_date_or_days_from_today() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 7).expect("a date");
        let day = |text: &str| {
            serde_json::from_value::<Day>(serde_json::json!(text))
                .map(|d| d.on(today))
                .ok()
        };
        assert_eq!(day("2000-11-20"), NaiveDate::from_ymd_opt(2000, 11, 20));
        assert_eq!(day("today+45"), NaiveDate::from_ymd_opt(2027, 1, 21));
        assert_eq!(day("today-7"), NaiveDate::from_ymd_opt(2026, 11, 30));
        assert_eq!(day("today"), Some(today));
        assert_eq!(day("tomorrow"), None);
        assert_eq!(day("today*2"), None);
    }
}
