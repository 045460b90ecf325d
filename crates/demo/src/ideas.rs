//! The demo's content beyond its accounts: cities abroad, citizens with profiles, three calls (the first
//! as it ran in 1399, one in review and one open now) and 250 ideas in every state up to screening, with
//! where each is headed with the jury. Ideas are composed from the themes and phrases of the data files by a
//! fixed-seed generator, so every run gives the same demo (only the dates of the two current calls follow
//! the day the seed runs), and every step is taken through the application's use cases at the time it
//! happened, in the order it happened.

use std::collections::{BTreeMap, HashMap, HashSet};

use anyhow::{Context, anyhow};
use app::Actor;
use app::calls::NewCall;
use app::files::{FileStore, Owner};
use app::profiles::{MeChange, ProfileChange, TieInput};
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use db::Db;
use domain::call::{CallPhase, CallWindow};
use domain::file::{FileKind, FileOwnerKind};
use domain::idea::{Channel, Content, Domain, IdeaState, Partner, ScreeningDecision, ScreeningReason};
use domain::profile::{OccupationCategory, TieKind};
use uuid::Uuid;

use crate::attachments::{self, Attachment, Encoding, Pdf, Scene};
use crate::calendar::{Dice, between, date, end_of, office_day, office_time, start_of};
use crate::data::{Bilingual, CallText, City, Data, Phrases, Theme, Words};

/// How many demo citizens there are besides the two demo accounts that are citizens only. Sixty, not
/// forty: the first call's 150 ideas must fit the cap of three ideas per citizen.
pub const CITIZENS: usize = 60;

/// The demo citizens' e-mail address: citizen01@demo.example and so on.
pub fn citizen_email(number: usize) -> String {
    format!("citizen{number:02}@demo.example")
}

/// When the demo accounts were opened: before the office prepared the first call.
pub fn accounts_created_at() -> DateTime<Utc> {
    office_time(ACCOUNTS_OPENED, 9 * 60)
}

/// Partner organisations of a city, by kind: the index into `Organisations::all`.
const UNIVERSITY: usize = 0;
const BUSINESS: usize = 1;
const CULTURE: usize = 2;
const CITY_HALL: usize = 3;

/// A theme's text in one language.
fn words(theme: &Theme, lang: Lang) -> &Words {
    match lang {
        Lang::Fa => &theme.fa,
        Lang::En => &theme.en,
    }
}
/// Every tenth citizen, from the eighth on, has an English name and locale.
fn is_english_citizen(index: usize) -> bool {
    index % 10 == 7
}

const CATEGORY_CYCLE: [OccupationCategory; 20] = {
    use OccupationCategory::*;
    [
        Trader,
        Academic,
        Student,
        ArtistOrCulturalActivist,
        Trader,
        Student,
        Academic,
        MediaActivist,
        Athlete,
        Other,
        Trader,
        Academic,
        Student,
        ArtistOrCulturalActivist,
        MediaActivist,
        Other,
        Student,
        Athlete,
        Trader,
        ArtistOrCulturalActivist,
    ]
};

/// The kinds of tie a citizen of each category tends to have, most likely first.
fn tie_kinds(category: OccupationCategory) -> &'static [TieKind] {
    use TieKind::*;
    match category {
        OccupationCategory::Trader => &[Trade, Work, Trade, Family],
        OccupationCategory::Academic => &[Academic, Study, Academic],
        OccupationCategory::Student => &[Study, Study, Family],
        OccupationCategory::Athlete => &[Sports, Sports, Other],
        OccupationCategory::ArtistOrCulturalActivist => &[Cultural, Cultural, Study],
        OccupationCategory::MediaActivist => &[Media, Media, Diaspora],
        OccupationCategory::Other => &[Family, Diaspora, Other, Work],
    }
}

/// The domains a citizen of each category tends to propose in.
fn favourite_domains(category: OccupationCategory) -> &'static [Domain] {
    use Domain::*;
    match category {
        OccupationCategory::Trader => &[Economic, Tourism],
        OccupationCategory::Academic => &[Scientific, UrbanServices, HealthAndCrisisRelief],
        OccupationCategory::Student => &[Scientific, Cultural, Other],
        OccupationCategory::Athlete => &[Sports],
        OccupationCategory::ArtistOrCulturalActivist => &[Cultural, Media],
        OccupationCategory::MediaActivist => &[Media, Cultural, Tourism],
        OccupationCategory::Other => &[Other, HealthAndCrisisRelief, UrbanServices],
    }
}

/// A sentence of a theme.
#[derive(Clone, Copy)]
enum Part {
    Summary,
    Opening,
    Step(usize),
}

/// The ways an idea tells its theme: the sentence that serves as its summary, and the body's own sentences.
/// Each uses three of the theme's six sentences and any two share exactly one, so that the ideas of one
/// theme in a call, which take them in turn, look alike as real ones might, and only a copy looks the same.
const TELLINGS: [(Part, [Part; 2]); 4] = [
    (Part::Summary, [Part::Opening, Part::Step(0)]),
    (Part::Summary, [Part::Step(1), Part::Step(2)]),
    (Part::Opening, [Part::Step(1), Part::Step(3)]),
    (Part::Step(0), [Part::Step(2), Part::Step(3)]),
];

/// Why staff rejected an idea that is not a duplicate, about as often as each happens.
const REJECTION_REASONS: [ScreeningReason; 8] = [
    ScreeningReason::OutOfScope,
    ScreeningReason::Incomplete,
    ScreeningReason::NotFeasible,
    ScreeningReason::OutsidePolicyFramework,
    ScreeningReason::Other,
    ScreeningReason::Incomplete,
    ScreeningReason::NotFeasible,
    ScreeningReason::OutOfScope,
];

const ACCOUNTS_OPENED: NaiveDate = date(2020, 11, 15);
/// Staff entered the cities of the register before the first call.
const REGISTER_STARTED: NaiveDate = date(2020, 12, 1);
/// 19 Azar 1399: staff prepared the first call.
const FIRST_CALL_PREPARED: NaiveDate = date(2020, 12, 9);
/// 1 Dey 1399.
const FIRST_CALL_OPENS: NaiveDate = date(2020, 12, 21);
/// 30 Bahman 1399.
const FIRST_CALL_CLOSES: NaiveDate = date(2021, 2, 18);
/// 1 Esfand 1399: staff screened for a week after the deadline.
const FIRST_SCREENING: NaiveDate = date(2021, 2, 19);
/// 8 and 28 Esfand 1399.
pub(super) const FIRST_REVIEW_OPENS: NaiveDate = date(2021, 2, 26);
pub(super) const FIRST_REVIEW_CLOSES: NaiveDate = date(2021, 3, 18);
/// 20 Farvardin 1400.
const FIRST_DECISIONS: NaiveDate = date(2021, 4, 9);

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Lang {
    Fa,
    En,
}

impl Lang {
    fn account_locale(self) -> domain::account::Locale {
        match self {
            Lang::Fa => domain::account::Locale::Fa,
            Lang::En => domain::account::Locale::En,
        }
    }

    fn city(self, city: &'static City) -> &'static str {
        match self {
            Lang::Fa => &city.fa,
            Lang::En => &city.en,
        }
    }

    /// This language's version of a bilingual text of the data.
    fn of<T>(self, text: &Bilingual<T>) -> &T {
        match self {
            Lang::Fa => &text.fa,
            Lang::En => &text.en,
        }
    }

    /// The city's name inside a sentence: «دوشنبه» is also Monday, so Persian prose says «شهر دوشنبه».
    fn city_in_text(self, city: &'static City) -> &'static str {
        match (self, city.en.as_str()) {
            (Lang::Fa, "Dushanbe") => "شهر دوشنبه",
            _ => self.city(city),
        }
    }

    /// A number as written in this language's texts.
    fn number(self, n: i32) -> String {
        let latin = n.to_string();
        match self {
            Lang::En => latin,
            Lang::Fa => latin
                .chars()
                .map(|c| c.to_digit(10).and_then(|d| char::from_u32('۰' as u32 + d)).unwrap_or(c))
                .collect(),
        }
    }
}

/// A city in the database.
struct Place {
    id: Uuid,
    city: &'static City,
    created_at: DateTime<Utc>,
}

#[derive(Clone, Copy)]
struct PersonTie {
    place: usize,
    kind: TieKind,
    since: i32,
}

/// A citizen who proposes ideas.
struct Person {
    actor: Actor,
    locale: Lang,
    speaks_en: bool,
    category: OccupationCategory,
    ties: Vec<PersonTie>,
    /// Whether the draw may give them ideas; the two demo accounts get theirs by hand.
    drawn: bool,
    joined_at: DateTime<Utc>,
}

struct CallPlan {
    fields: NewCall,
    created_at: DateTime<Utc>,
    decisions_published_at: Option<DateTime<Utc>>,
    /// The office days staff screened on after the deadline (first day, number of days); `None` while the
    /// call is open and staff screen some ideas early.
    screening_days: Option<(NaiveDate, usize)>,
    states: &'static [(IdeaState, usize)],
    duplicates: &'static [IdeaState],
}

const OPEN_CALL: usize = 2;

fn call_plans(texts: &[CallText], now: DateTime<Utc>) -> anyhow::Result<Vec<CallPlan>> {
    let today = office_day(now);
    let text = |n: usize| texts.get(n).context("a call's text in calls.json");
    let day = |offset: i64| today + Duration::days(offset);
    Ok(vec![
        CallPlan {
            fields: NewCall {
                title: text(0)?.title.stored(),
                description: text(0)?.description.stored(),
                window: CallWindow {
                    opens_at: start_of(FIRST_CALL_OPENS),
                    closes_at: end_of(FIRST_CALL_CLOSES),
                    review_opens_at: start_of(FIRST_REVIEW_OPENS),
                    review_closes_at: end_of(FIRST_REVIEW_CLOSES),
                },
                domains: Domain::ALL.to_vec(),
                ideas_per_citizen: 3,
                blind_review: true,
                reviewers_per_idea: 3,
            },
            created_at: office_time(FIRST_CALL_PREPARED, 10 * 60 + 40),
            decisions_published_at: Some(office_time(FIRST_DECISIONS, 11 * 60)),
            screening_days: Some((FIRST_SCREENING, 7)),
            states: &[
                (IdeaState::Selected, 15),
                (IdeaState::NotSelected, 58),
                (IdeaState::Rejected, 51),
                (IdeaState::Withdrawn, 21),
            ],
            duplicates: &[
                IdeaState::Rejected,
                IdeaState::Rejected,
                IdeaState::Rejected,
                IdeaState::Rejected,
                IdeaState::Withdrawn,
            ],
        },
        CallPlan {
            fields: NewCall {
                title: text(1)?.title.stored(),
                description: text(1)?.description.stored(),
                window: CallWindow {
                    opens_at: start_of(day(-85)),
                    closes_at: end_of(day(-22)),
                    review_opens_at: start_of(day(-8)),
                    review_closes_at: end_of(day(21)),
                },
                domains: vec![Domain::Cultural, Domain::Tourism, Domain::Scientific, Domain::Media],
                ideas_per_citizen: 3,
                blind_review: true,
                reviewers_per_idea: 3,
            },
            created_at: office_time(day(-96), 11 * 60 + 15),
            decisions_published_at: None,
            screening_days: Some((day(-21), 12)),
            states: &[
                (IdeaState::Shortlisted, 7),
                (IdeaState::InReview, 12),
                (IdeaState::Reviewed, 6),
                (IdeaState::Rejected, 9),
                (IdeaState::Withdrawn, 4),
            ],
            duplicates: &[IdeaState::Rejected, IdeaState::Withdrawn],
        },
        CallPlan {
            fields: NewCall {
                title: text(2)?.title.stored(),
                description: text(2)?.description.stored(),
                window: CallWindow {
                    opens_at: start_of(day(-20)),
                    closes_at: end_of(day(40)),
                    review_opens_at: start_of(day(48)),
                    review_closes_at: end_of(day(76)),
                },
                domains: Domain::ALL.to_vec(),
                ideas_per_citizen: 3,
                blind_review: false,
                reviewers_per_idea: 2,
            },
            created_at: office_time(day(-27), 9 * 60 + 50),
            decisions_published_at: None,
            screening_days: None,
            states: &[
                (IdeaState::Draft, 14),
                (IdeaState::Submitted, 24),
                (IdeaState::Withdrawn, 5),
                (IdeaState::Shortlisted, 4),
                (IdeaState::Rejected, 4),
            ],
            duplicates: &[IdeaState::Submitted, IdeaState::Submitted, IdeaState::Draft],
        },
    ])
}

/// The open call's ideas placed by hand: the two demo citizens' own, so that whoever tries the demo finds
/// ideas of theirs, and one in each city that citizens added. (submitter, theme by its Persian title, city by
/// its English name, language, state)
const HAND_PLACED: &[(Submitter, &str, &str, Lang, IdeaState)] = &[
    (
        Submitter::CitizenFa,
        "نمایشگاه نگارگری مکتب اصفهان در {city}",
        "Florence",
        Lang::Fa,
        IdeaState::Draft,
    ),
    (
        Submitter::CitizenFa,
        "هفته فرهنگی اصفهان در {city}",
        "Paris",
        Lang::Fa,
        IdeaState::Submitted,
    ),
    (
        Submitter::CitizenEn,
        "نمایشگاه صنایع دستی اصفهان در {city}",
        "Kuala Lumpur",
        Lang::En,
        IdeaState::Draft,
    ),
    (
        Submitter::CitizenEn,
        "میز تجاری مشترک اصفهان و {city} برای کسب‌وکارهای کوچک",
        "Istanbul",
        Lang::En,
        IdeaState::Submitted,
    ),
    (
        Submitter::WhoAddedTheCity,
        "مسیر گردشگری جاده ابریشم از اصفهان تا {city}",
        "Bukhara",
        Lang::Fa,
        IdeaState::Submitted,
    ),
    (
        Submitter::WhoAddedTheCity,
        "خواهرخواندگی مدارس اصفهان و {city}",
        "Mazar-i-Sharif",
        Lang::Fa,
        IdeaState::Draft,
    ),
];

#[derive(Clone, Copy)]
enum Submitter {
    /// citizen@demo.example
    CitizenFa,
    /// citizen.en@demo.example
    CitizenEn,
    /// The demo citizen who added the idea's city (`CITIES_ADDED_BY_CITIZENS`).
    WhoAddedTheCity,
}

impl Submitter {
    /// The index in the people list, where the two demo accounts come after the demo citizens.
    fn index(self, data: &Data, city: &str) -> Option<usize> {
        match self {
            Submitter::CitizenFa => Some(CITIZENS),
            Submitter::CitizenEn => Some(CITIZENS + 1),
            Submitter::WhoAddedTheCity => data
                .cities
                .added_by_citizens
                .iter()
                .find(|added| added.city.en == city)
                .map(|added| added.citizen),
        }
    }
}

/// How a near-duplicate differs from the idea it copies.
#[derive(Clone, Copy)]
enum Edit {
    /// Retyped on an Arabic keyboard: ي and ك for ی and ک.
    ArabicLetters,
    OneWord,
    SentenceAdded,
    ArabicLettersAndSentence,
}

const EDITS: [Edit; 4] = [
    Edit::OneWord,
    Edit::ArabicLetters,
    Edit::SentenceAdded,
    Edit::ArabicLettersAndSentence,
];

struct Screening {
    at: DateTime<Utc>,
    shortlisted: bool,
    reason: Option<ScreeningReason>,
    note: Option<String>,
}

/// An idea ready to be written, with its history.
struct Planned {
    call: usize,
    submitter: usize,
    lang: Lang,
    place: usize,
    state: IdeaState,
    content: Content,
    created_at: DateTime<Utc>,
    submitted_at: Option<DateTime<Utc>>,
    withdrawn_at: Option<DateTime<Utc>>,
    screening: Option<Screening>,
    /// Whether a near-duplicate may copy it (it is not one itself).
    copyable: bool,
}

struct Spec {
    call: usize,
    submitter: usize,
    lang: Lang,
    place: usize,
    theme: usize,
    kind: TieKind,
    years: i32,
    state: IdeaState,
}

struct Times {
    created_at: DateTime<Utc>,
    submitted_at: Option<DateTime<Utc>>,
    withdrawn_at: Option<DateTime<Utc>>,
    screened_at: Option<DateTime<Utc>>,
}

fn is_screened(state: IdeaState) -> bool {
    !matches!(state, IdeaState::Draft | IdeaState::Submitted | IdeaState::Withdrawn)
}

fn organisation_for(domain: Domain) -> usize {
    match domain {
        Domain::Scientific | Domain::HealthAndCrisisRelief => UNIVERSITY,
        Domain::Economic => BUSINESS,
        Domain::Cultural | Domain::Media | Domain::Tourism => CULTURE,
        Domain::UrbanServices | Domain::Sports | Domain::Other => CITY_HALL,
    }
}

fn arabic_letters(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'ی' => 'ي',
            'ک' => 'ك',
            c => c,
        })
        .collect()
}

fn swap_one_word(content: &mut Content, swaps: &[(String, String)]) {
    for (from, to) in swaps {
        if content.title.contains(from.as_str()) {
            content.title = content.title.replacen(from.as_str(), to, 1);
            return;
        }
    }
    for (from, to) in swaps {
        if content.body.contains(from.as_str()) {
            content.body = content.body.replacen(from.as_str(), to, 1);
            return;
        }
    }
}

/// A copy of `original` as another citizen would send it, with a small edit.
fn near_duplicate(phrases: &Phrases, original: &Content, lang: Lang, city: &'static City, edit: Edit) -> Content {
    let mut copy = original.clone();
    let retyped = matches!(edit, Edit::ArabicLetters | Edit::ArabicLettersAndSentence);
    // English has no Persian letters to retype: such a copy changes a word instead.
    if matches!(edit, Edit::OneWord) || (retyped && lang == Lang::En) {
        swap_one_word(&mut copy, lang.of(&phrases.word_swaps).as_slice());
    }
    if matches!(edit, Edit::SentenceAdded | Edit::ArabicLettersAndSentence) {
        let added = lang
            .of(&phrases.duplicate_addition)
            .replace("{city}", lang.city_in_text(city));
        copy.body = format!("{} {added}", copy.body);
    }
    if retyped && lang == Lang::Fa {
        copy.title = arabic_letters(&copy.title);
        copy.summary = arabic_letters(&copy.summary);
        copy.body = arabic_letters(&copy.body);
    }
    copy
}

/// Draws the ideas of every call: submitters within each call's cap, target cities mostly among their
/// ties, themes that fit the city and the call's domains, and times that follow the call's window.
struct Planner<'a> {
    data: &'static Data,
    dice: Dice,
    now: DateTime<Utc>,
    people: &'a [Person],
    places: &'a [Place],
    calls: &'a [CallPlan],
    /// Ideas per (call, person), the withdrawn ones too: the cap then holds at every moment, whatever the
    /// order of their steps.
    active: HashMap<(usize, usize), i32>,
    /// (call, theme, place) already drawn, so that one call's ideas share a theme and a city only by copying.
    used: HashSet<(usize, usize, usize)>,
    /// How often each theme was drawn per call and language.
    theme_uses: HashMap<(usize, usize, Lang), usize>,
    ideas: Vec<Planned>,
}

impl Planner<'_> {
    fn plan_call(&mut self, call: usize) -> anyhow::Result<()> {
        let calls = self.calls;
        let plan = &calls[call];
        for &(state, count) in plan.states {
            for _ in 0..count {
                // One idea in five is in English, whatever the draw.
                let lang = if self.ideas.len() % 5 == 4 { Lang::En } else { Lang::Fa };
                let submitter = self.submitter(call, lang, None)?;
                let (place, kind, years) = self.channel(call, submitter);
                let theme = self.theme(call, submitter, place, lang);
                let spec = Spec {
                    call,
                    submitter,
                    lang,
                    place,
                    theme,
                    kind,
                    years,
                    state,
                };
                self.add(spec, plan.fields.window.opens_at);
            }
        }
        Ok(())
    }

    fn plan_hand_placed(&mut self, call: usize) -> anyhow::Result<()> {
        let (data, people, places, calls) = (self.data, self.people, self.places, self.calls);
        for &(who, theme_title, city, lang, state) in HAND_PLACED {
            let submitter = who.index(self.data, city).context("a hand-placed idea's submitter")?;
            let person = people.get(submitter).context("a hand-placed idea's submitter")?;
            let place = places
                .iter()
                .position(|p| p.city.en == city)
                .with_context(|| format!("the demo city {city}"))?;
            let theme = data
                .themes
                .iter()
                .position(|t| t.fa.title == theme_title)
                .with_context(|| format!("the idea template {theme_title}"))?;
            let year = calls[call].fields.window.opens_at.year();
            let (kind, years) = match person.ties.iter().find(|t| t.place == place) {
                Some(tie) => (tie.kind, (year - tie.since).max(1)),
                None => (tie_kinds(person.category)[0], 2),
            };
            // An idea for a city its submitter added comes after the city.
            let earliest = calls[call]
                .fields
                .window
                .opens_at
                .max(places[place].created_at + Duration::minutes(10));
            let spec = Spec {
                call,
                submitter,
                lang,
                place,
                theme,
                kind,
                years,
                state,
            };
            self.add(spec, earliest);
        }
        Ok(())
    }

    fn plan_duplicates(&mut self, call: usize) -> anyhow::Result<()> {
        let (data, places, calls) = (self.data, self.places, self.calls);
        let mut copied = HashSet::new();
        for (n, &state) in calls[call].duplicates.iter().enumerate() {
            // Copies are made of ideas that were out in the open: submitted and not turned down.
            let originals: Vec<usize> = (0..self.ideas.len())
                .filter(|&i| {
                    let idea = &self.ideas[i];
                    idea.call == call
                        && idea.copyable
                        && !copied.contains(&i)
                        && !matches!(
                            idea.state,
                            IdeaState::Draft | IdeaState::Withdrawn | IdeaState::Rejected
                        )
                })
                .collect();
            let at = self.dice.choose(&originals).context("an idea to copy")?;
            copied.insert(at);
            let original = &self.ideas[at];
            let (lang, place, earliest) = (original.lang, original.place, original.created_at + Duration::hours(2));
            let (original_submitter, title) = (original.submitter, original.content.title.clone());
            let content = near_duplicate(
                &data.phrases,
                &original.content,
                lang,
                places[place].city,
                EDITS[n % EDITS.len()],
            );
            let submitter = self.submitter(call, lang, Some(original_submitter))?;
            let times = self.timeline(call, state, earliest);
            let note = data.phrases.duplicate_note.replace("{title}", &title);
            let screening = times.screened_at.map(|at| Screening {
                at,
                shortlisted: false,
                reason: Some(ScreeningReason::Duplicate),
                note: Some(note),
            });
            self.count(call, submitter);
            self.ideas.push(Planned {
                call,
                submitter,
                lang,
                place,
                state,
                content,
                created_at: times.created_at,
                submitted_at: times.submitted_at,
                withdrawn_at: times.withdrawn_at,
                screening,
                copyable: false,
            });
        }
        Ok(())
    }

    /// A citizen who writes in `lang` and may propose another idea in the call.
    fn submitter(&mut self, call: usize, lang: Lang, not: Option<usize>) -> anyhow::Result<usize> {
        let people = self.people;
        let cap = self.calls[call].fields.ideas_per_citizen;
        for _ in 0..1000 {
            let index = self.dice.below(people.len());
            let person = &people[index];
            let writes = match lang {
                Lang::Fa => person.locale == Lang::Fa,
                // Mostly those who use the English interface; now and then a Persian speaker who writes English.
                Lang::En => person.speaks_en && (person.locale == Lang::En || self.dice.chance(0.3)),
            };
            let room = self.active.get(&(call, index)).copied().unwrap_or(0) < cap;
            if person.drawn && writes && room && Some(index) != not {
                return Ok(index);
            }
        }
        Err(anyhow!("no demo citizen may propose another idea in call {}", call + 1))
    }

    fn count(&mut self, call: usize, submitter: usize) {
        *self.active.entry((call, submitter)).or_insert(0) += 1;
    }

    /// The target city and the channel to it: mostly one of the submitter's ties.
    fn channel(&mut self, call: usize, submitter: usize) -> (usize, TieKind, i32) {
        let person = &self.people[submitter];
        let year = self.calls[call].fields.window.opens_at.year();
        let listed = self.data.cities.listed.len();
        let ties: Vec<PersonTie> = person.ties.iter().copied().filter(|t| t.place < listed).collect();
        if self.dice.chance(0.8)
            && let Some(tie) = self.dice.choose(&ties)
        {
            return (tie.place, tie.kind, (year - tie.since).max(1));
        }
        let place = weighted_city_index(&self.data.cities.listed, &mut self.dice);
        (place, tie_kinds(person.category)[0], 1 + self.dice.below(6) as i32)
    }

    /// A theme in one of the call's domains that fits the city, leaning to the submitter's field. Within a
    /// call the least used themes come first and a city gets a theme once, so that ideas look alike only
    /// where one copies another.
    fn theme(&mut self, call: usize, submitter: usize, place: usize, lang: Lang) -> usize {
        let domains = &self.calls[call].fields.domains;
        let city = self.places[place].city;
        let favourites: Vec<Domain> = favourite_domains(self.people[submitter].category)
            .iter()
            .copied()
            .filter(|d| domains.contains(d))
            .collect();
        let domain = if self.dice.chance(0.6) {
            self.dice.choose(&favourites)
        } else {
            None
        };
        let domain = domain.or_else(|| self.dice.choose(domains)).unwrap_or(Domain::Cultural);
        let themes = &self.data.themes;
        let fitting: Vec<usize> = (0..themes.len())
            .filter(|&t| themes[t].fits(city) && domains.contains(&themes[t].domain))
            .collect();
        let fresh: Vec<usize> = fitting
            .iter()
            .copied()
            .filter(|&t| !self.used.contains(&(call, t, place)))
            .collect();
        let of_domain: Vec<usize> = fresh.iter().copied().filter(|&t| themes[t].domain == domain).collect();
        let tier = [of_domain, fresh, fitting]
            .into_iter()
            .find(|tier| !tier.is_empty())
            .unwrap_or_default();
        let uses = |t: &usize| self.theme_uses.get(&(call, *t, lang)).copied().unwrap_or(0);
        let least = tier.iter().map(uses).min().unwrap_or(0);
        let least_used: Vec<usize> = tier.iter().copied().filter(|t| uses(t) == least).collect();
        self.dice.choose(&least_used).unwrap_or(0)
    }

    fn add(&mut self, spec: Spec, earliest: DateTime<Utc>) {
        let uses = self.theme_uses.entry((spec.call, spec.theme, spec.lang)).or_insert(0);
        let variant = *uses;
        *uses += 1;
        let reason = (spec.state == IdeaState::Rejected)
            .then(|| self.dice.choose(&REJECTION_REASONS))
            .flatten();
        // Some drafts are half written, and ideas rejected as incomplete were.
        let complete =
            reason != Some(ScreeningReason::Incomplete) && !(spec.state == IdeaState::Draft && self.dice.chance(0.35));
        let content = self.compose(&spec, complete, variant);
        let times = self.timeline(spec.call, spec.state, earliest);
        let phrases = &self.data.phrases;
        let screening = times.screened_at.map(|at| {
            let note = match reason {
                Some(reason) if reason == ScreeningReason::Other || self.dice.chance(0.6) => {
                    let notes = phrases.rejection_notes.get(&reason).map_or(&[][..], Vec::as_slice);
                    Some(self.dice.pick(notes).to_owned())
                }
                Some(_) => None,
                None if self.dice.chance(0.3) => Some(self.dice.pick(&phrases.shortlist_notes).to_owned()),
                None => None,
            };
            Screening {
                at,
                shortlisted: spec.state != IdeaState::Rejected,
                reason,
                note,
            }
        });
        self.count(spec.call, spec.submitter);
        self.used.insert((spec.call, spec.theme, spec.place));
        self.ideas.push(Planned {
            call: spec.call,
            submitter: spec.submitter,
            lang: spec.lang,
            place: spec.place,
            state: spec.state,
            content,
            created_at: times.created_at,
            submitted_at: times.submitted_at,
            withdrawn_at: times.withdrawn_at,
            screening,
            copyable: true,
        });
    }

    /// When the idea was created, submitted, withdrawn and screened, within its call's window.
    fn timeline(&mut self, call: usize, state: IdeaState, earliest: DateTime<Utc>) -> Times {
        let plan = &self.calls[call];
        let last = plan.fields.window.closes_at.min(self.now - Duration::hours(1));
        let earliest = earliest.min(last - Duration::hours(3));
        // More ideas come in as the deadline nears.
        let created_at = between(earliest, last, 0.97 * self.dice.unit().sqrt());
        let submitted_at = match state {
            IdeaState::Draft => None,
            IdeaState::Withdrawn if self.dice.chance(0.4) => None,
            _ => Some(self.after(created_at, last, Duration::days(4))),
        };
        let withdrawn_at = if state == IdeaState::Withdrawn {
            Some(self.after(submitted_at.unwrap_or(created_at), last, Duration::days(20)))
        } else {
            None
        };
        let screened_at = if !is_screened(state) {
            None
        } else if let Some((first, days)) = plan.screening_days {
            let day = first + Duration::days(self.dice.below(days) as i64);
            Some(office_time(day, 9 * 60 + self.dice.below(7 * 60) as i64))
        } else {
            let from = submitted_at.unwrap_or(created_at);
            Some(self.after(from, self.now - Duration::minutes(30), Duration::days(6)))
        };
        Times {
            created_at,
            submitted_at,
            withdrawn_at,
            screened_at,
        }
    }

    /// Some time after `from`: at most `at_most` later and never after `until`.
    fn after(&mut self, from: DateTime<Utc>, until: DateTime<Utc>, at_most: Duration) -> DateTime<Utc> {
        let span = (until - from).min(at_most).max(Duration::zero());
        between(from, from + span, 0.05 + 0.9 * self.dice.unit())
    }

    /// The idea's text; `variant` is how many ideas on the same theme and in the same language the call had
    /// before this one.
    fn compose(&mut self, spec: &Spec, complete: bool, variant: usize) -> Content {
        let (data, lang) = (self.data, spec.lang);
        let theme = &data.themes[spec.theme];
        let words = words(theme, lang);
        let place = &self.places[spec.place];
        let city = place.city;
        let name = spec.lang.city_in_text(city);
        let fill = |text: &str| text.replace("{city}", name);

        let mut partners: Vec<(&str, &str)> = Vec::new();
        let organisations = city.organisations.all();
        if complete {
            let first = self.dice.below(city.people.len());
            let organisation = organisation_for(theme.domain);
            partners.push((&city.people[first], organisations[organisation]));
            if self.dice.chance(0.4) {
                let other = (organisation + 1 + self.dice.below(3)) % organisations.len();
                partners.push((&city.people[(first + 1) % city.people.len()], organisations[other]));
            }
        }

        let telling = TELLINGS[(variant + spec.theme) % TELLINGS.len()];
        let sentence = |part: Part| match part {
            Part::Summary => words.summary.as_str(),
            Part::Opening => words.opening.as_str(),
            Part::Step(i) => words.steps.get(i % words.steps.len().max(1)).map_or("", String::as_str),
        };
        let summary = sentence(telling.0);
        let told = if complete { telling.1.len() } else { 1 };
        let mut sentences: Vec<String> = telling.1.iter().take(told).map(|&part| fill(sentence(part))).collect();
        if let Some((partner, organisation)) = partners.first()
            && self.dice.chance(0.6)
        {
            let sentence = self.dice.pick(lang.of(&data.phrases.partners).as_slice());
            sentences.push(sentence.replace("{partner}", partner).replace("{org}", organisation));
        }
        if sentences.len() < 2 || (complete && self.dice.chance(0.5)) {
            sentences.push(fill(self.dice.pick(lang.of(&data.phrases.closings).as_slice())));
        }

        let extras = lang.of(&data.phrases.extra_outcomes);
        let first = self.dice.below(extras.len());
        let extra = |n: usize| fill(&extras[(first + n) % extras.len()]);
        let expected_outcomes = match (variant + spec.theme) % 4 {
            _ if !complete && spec.state == IdeaState::Draft => String::new(),
            // Submitting needs every field filled in: an idea turned down as incomplete was thin, not empty.
            _ if !complete => fill(&words.outcomes),
            0 => fill(&words.outcomes),
            2 => format!("{} {}", fill(&words.outcomes), extra(0)),
            _ => format!("{} {}", extra(0), extra(1 + self.dice.below(extras.len() - 1))),
        };
        let channels = data.phrases.channels.get(&spec.kind).map(|c| lang.of(c).as_slice());
        let channel = self.dice.pick(channels.unwrap_or_default());
        Content {
            title: fill(&words.title),
            // A draft written in a hurry has no summary yet.
            summary: if complete || spec.state != IdeaState::Draft {
                fill(summary)
            } else {
                String::new()
            },
            body: sentences.join(" "),
            domain: theme.domain,
            target_city_id: place.id,
            channel: Some(Channel {
                kind: spec.kind,
                description: fill(channel).replace("{years}", &spec.lang.number(spec.years)),
                years: spec.years,
            }),
            partners: partners
                .iter()
                .map(|(name, organisation)| Partner {
                    name: (*name).to_owned(),
                    organisation: Some((*organisation).to_owned()),
                    country: Some(city.country.to_owned()),
                })
                .collect(),
            expected_outcomes,
            // Most demo submitters agree that a selected idea's documents be shown with it.
            files_public: spec.years % 4 != 0,
        }
    }
}

// ---------------------------------------------------------------------------------------------------------
// Writing it, through the use cases

/// The demo accounts that the content refers to.
pub struct DemoAccounts {
    pub staff: Actor,
    /// citizen@demo.example
    pub citizen_fa: Uuid,
    /// citizen.en@demo.example
    pub citizen_en: Uuid,
}

/// A call as seeded, for the jury and the summary.
pub struct SeededCall {
    pub id: Uuid,
    pub title: String,
    pub phase: CallPhase,
    pub decisions_published_at: Option<DateTime<Utc>>,
    /// The ideas staff shortlisted, with where each is headed with the jury: still shortlisted, in review,
    /// reviewed, selected or not selected.
    pub shortlisted: Vec<(Uuid, IdeaState)>,
}

/// Writes the cities, the demo citizens and their profiles, the three calls and their ideas up to
/// screening. `password_hash` is the demo accounts' one hash, computed once by the caller.
pub async fn seed(
    db: &Db,
    store: &FileStore,
    data: &'static Data,
    accounts: &DemoAccounts,
    password_hash: &str,
    now: DateTime<Utc>,
) -> anyhow::Result<Vec<SeededCall>> {
    let staff = &accounts.staff;
    let mut dice = Dice(0x1399_1001);
    let mut places = add_listed_cities(db, data, staff).await?;
    let mut people = register_citizens(db, data, &mut dice, password_hash).await?;
    let demo_person =
        |id, lang, category, ties: &[(&str, TieKind, i32)]| demo_account(id, lang, category, &places, ties);
    let demo_people = [
        demo_person(
            accounts.citizen_fa,
            Lang::Fa,
            OccupationCategory::ArtistOrCulturalActivist,
            &[("Florence", TieKind::Study, 2014), ("Paris", TieKind::Cultural, 2018)],
        )?,
        demo_person(
            accounts.citizen_en,
            Lang::En,
            OccupationCategory::Trader,
            &[
                ("Kuala Lumpur", TieKind::Trade, 2011),
                ("Istanbul", TieKind::Trade, 2016),
            ],
        )?,
    ];
    people.extend(demo_people);
    for added in &data.cities.added_by_citizens {
        let person = people.get_mut(added.citizen).context("the citizen who added a city")?;
        let created_at = office_time(office_day(now) - Duration::days(added.days_ago), 19 * 60 + 20);
        let place = add_city(db, &added.city, &person.actor, created_at).await?;
        person.ties.push(PersonTie {
            place: places.len(),
            kind: tie_kinds(person.category)[0],
            since: 2015,
        });
        places.push(place);
    }
    for person in &people {
        save_profile(db, person, &places).await?;
    }
    for (person, evidence) in people[CITIZENS..].iter().zip(tie_evidence()) {
        add_tie_evidence(db, store, person, &places, evidence).await?;
    }

    let plans = call_plans(&data.calls, now)?;
    let mut call_ids = Vec::with_capacity(plans.len());
    for plan in &plans {
        let call = app::calls::create(db, staff, plan.fields.clone(), plan.created_at).await?;
        call_ids.push(call.id);
    }

    let mut planner = Planner {
        data,
        dice,
        now,
        people: &people,
        places: &places,
        calls: &plans,
        active: HashMap::new(),
        used: HashSet::new(),
        theme_uses: HashMap::new(),
        ideas: Vec::new(),
    };
    for call in 0..plans.len() {
        // The hand-placed ideas first, so that the draws leave their submitters room under the cap.
        if call == OPEN_CALL {
            planner.plan_hand_placed(call)?;
        }
        planner.plan_call(call)?;
        planner.plan_duplicates(call)?;
    }
    let ideas = planner.ideas;
    let mut idea_files = files_of_ideas(&ideas, &plans, &places, data)?;

    // Every step of every idea in the order it happened, so that each sees the others as they were then
    // (the near-duplicate matches, the cap of ideas per citizen).
    let mut steps: Vec<(DateTime<Utc>, usize, Step)> = ideas
        .iter()
        .enumerate()
        .flat_map(|(index, idea)| idea.steps().into_iter().map(move |(at, step)| (at, index, step)))
        .collect();
    steps.extend(idea_files.iter().map(|(&index, (at, _))| (*at, index, Step::AddFiles)));
    steps.sort_by_key(|&(at, index, step)| (at, index, step));
    let mut ids: Vec<Option<Uuid>> = vec![None; ideas.len()];
    for (at, index, step) in steps {
        let idea = &ideas[index];
        let submitter = &people.get(idea.submitter).context("the idea's submitter")?.actor;
        let id = ids[index];
        if step == Step::AddFiles {
            let id = id.context("an idea's files before its creation")?;
            let (_, files) = idea_files.remove(&index).context("the idea's files")?;
            let owner = Owner {
                kind: FileOwnerKind::Idea,
                id,
            };
            for file in files {
                attachments::add(db, store, submitter, owner, file, at).await?;
            }
            continue;
        }
        let written = match (step, id) {
            (Step::Create, _) => {
                let call_id = *call_ids.get(idea.call).context("the idea's call")?;
                app::ideas::create(db, submitter, call_id, idea.content.clone(), at).await
            }
            (Step::Submit, Some(id)) => app::ideas::submit(db, submitter, id, at).await,
            (Step::Withdraw, Some(id)) => app::ideas::withdraw(db, submitter, id, at).await,
            (Step::Screen, Some(id)) => {
                let screening = idea.screening.as_ref().context("the idea's screening")?;
                app::ideas::screen(db, staff, id, screening.decision(), at).await
            }
            (Step::AddFiles, _) | (_, None) => return Err(anyhow!("an idea's step before its creation")),
        };
        let viewed = written.map_err(|err| anyhow!("idea {index} ({:?}) at {at}, {step:?}: {err}", idea.state))?;
        ids[index] = Some(viewed.record.idea.id);
    }

    let mut shortlisted: Vec<Vec<(Uuid, IdeaState)>> = vec![Vec::new(); plans.len()];
    for (idea, id) in ideas.iter().zip(&ids) {
        if idea.screening.as_ref().is_some_and(|s| s.shortlisted) {
            let id = id.context("a written idea")?;
            shortlisted[idea.call].push((id, idea.state));
        }
    }
    Ok(plans
        .iter()
        .zip(call_ids)
        .zip(shortlisted)
        .map(|((plan, id), shortlisted)| SeededCall {
            id,
            title: plan
                .fields
                .title
                .1
                .clone()
                .unwrap_or_else(|| plan.fields.title.0.clone()),
            phase: plan.fields.window.phase(plan.decisions_published_at.is_some(), now),
            decisions_published_at: plan.decisions_published_at,
            shortlisted,
        })
        .collect())
}

/// What a citizen or staff did with an idea, in the order they do it when they happen at the same time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Step {
    Create,
    /// The submitter attaches the idea's documents, a little after creating it.
    AddFiles,
    Submit,
    Withdraw,
    Screen,
}

impl Planned {
    fn steps(&self) -> Vec<(DateTime<Utc>, Step)> {
        let mut steps = vec![(self.created_at, Step::Create)];
        steps.extend(self.submitted_at.map(|at| (at, Step::Submit)));
        steps.extend(self.withdrawn_at.map(|at| (at, Step::Withdraw)));
        steps.extend(self.screening.as_ref().map(|s| (s.at, Step::Screen)));
        steps
    }
}

impl Screening {
    fn decision(&self) -> domain::idea::Screening {
        domain::idea::Screening {
            decision: if self.shortlisted {
                ScreeningDecision::Shortlist
            } else {
                ScreeningDecision::Reject
            },
            reason: self.reason,
            note: self.note.clone(),
        }
    }
}

/// Staff entered the cities abroad of the register before the first call.
async fn add_listed_cities(db: &Db, data: &'static Data, staff: &Actor) -> anyhow::Result<Vec<Place>> {
    let mut places = Vec::with_capacity(data.cities.listed.len() + data.cities.added_by_citizens.len());
    for (minute, city) in (0..).zip(&data.cities.listed) {
        places.push(add_city(db, city, staff, office_time(REGISTER_STARTED, 10 * 60 + minute)).await?);
    }
    Ok(places)
}

/// A city added by `actor`: verified when staff add it, not when a citizen does.
async fn add_city(db: &Db, city: &'static City, actor: &Actor, created_at: DateTime<Utc>) -> anyhow::Result<Place> {
    let new = app::cities::NewCity {
        name_fa: city.fa.clone(),
        name_en: Some(city.en.clone()),
        country: city.country.clone(),
        coordinates: city.coordinates,
    };
    let row = app::cities::add(db, actor, new, created_at).await?;
    Ok(Place {
        id: row.id,
        city,
        created_at,
    })
}

fn persian_name(names: &crate::data::Names, index: usize) -> String {
    let first = &names.first[index % names.first.len()];
    // A step coprime with 30 pairs every first name with a different last name in each round.
    let last = &names.last[(index * 7 + index / names.first.len()) % names.last.len()];
    format!("{first} {last}")
}

/// The demo citizens register themselves, a few days apart.
async fn register_citizens(
    db: &Db,
    data: &'static Data,
    dice: &mut Dice,
    password_hash: &str,
) -> anyhow::Result<Vec<Person>> {
    let names = &data.names;
    let mut people = Vec::with_capacity(CITIZENS + 2);
    for index in 0..CITIZENS {
        let (locale, display_name) = if is_english_citizen(index) {
            (Lang::En, names.english[(index / 10) % names.english.len()].clone())
        } else {
            (Lang::Fa, persian_name(names, index))
        };
        let category = CATEGORY_CYCLE[(index + index / CATEGORY_CYCLE.len()) % CATEGORY_CYCLE.len()];
        let mut ties: Vec<PersonTie> = Vec::new();
        for _ in 0..1 + dice.below(3) {
            let place = weighted_city_index(&data.cities.listed, dice);
            if ties.iter().all(|t| t.place != place) {
                let kinds = tie_kinds(category);
                let kind = kinds[dice.below(kinds.len())];
                ties.push(PersonTie {
                    place,
                    kind,
                    since: 1996 + dice.below(24) as i32,
                });
            }
        }
        let joined_at = office_time(ACCOUNTS_OPENED, 0) + Duration::hours(5 * 24 + 6 * index as i64);
        let account = app::accounts::NewAccount {
            email: citizen_email(index + 1),
            display_name,
            locale: locale.account_locale(),
        };
        let actor = crate::register(db, account, password_hash, joined_at).await?;
        people.push(Person {
            actor,
            locale,
            speaks_en: locale == Lang::En || dice.chance(0.6),
            category,
            ties,
            drawn: true,
            joined_at,
        });
    }
    Ok(people)
}

fn weighted_city_index(cities: &[City], dice: &mut Dice) -> usize {
    let total: usize = cities.iter().map(|c| c.weight).sum();
    let mut roll = dice.below(total);
    for (index, city) in cities.iter().enumerate() {
        if roll < city.weight {
            return index;
        }
        roll -= city.weight;
    }
    0
}

/// citizen@demo.example or citizen.en@demo.example, with hand-picked ties.
fn demo_account(
    id: Uuid,
    locale: Lang,
    category: OccupationCategory,
    places: &[Place],
    ties: &[(&str, TieKind, i32)],
) -> anyhow::Result<Person> {
    let ties = ties
        .iter()
        .map(|&(city, kind, since)| {
            let place = places
                .iter()
                .position(|p| p.city.en == city)
                .with_context(|| format!("the demo city {city}"))?;
            Ok(PersonTie { place, kind, since })
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    Ok(Person {
        actor: Actor::new(id, domain::roles::Roles::default()),
        locale,
        speaks_en: true,
        category,
        ties,
        drawn: false,
        joined_at: accounts_created_at(),
    })
}

/// The citizen fills in their profile an hour after joining: their field, ties and languages.
async fn save_profile(db: &Db, person: &Person, places: &[Place]) -> anyhow::Result<()> {
    let mut ties = Vec::with_capacity(person.ties.len());
    let mut languages = vec!["fa"];
    if person.speaks_en {
        languages.push("en");
    }
    for tie in &person.ties {
        let city = places.get(tie.place).context("a tie's city")?.city;
        ties.push(TieInput {
            id: None,
            city: person.locale.city(city).to_owned(),
            country: city.country.clone(),
            nature: tie.kind,
            since: tie.since,
        });
        if !languages.contains(&city.language.as_str()) {
            languages.push(&city.language);
        }
    }
    let change = MeChange {
        profile: Some(ProfileChange {
            occupation_category: Some(Some(person.category)),
            ties: Some(ties),
            languages: Some(languages.into_iter().map(str::to_owned).collect()),
        }),
        ..MeChange::default()
    };
    app::profiles::update(db, &person.actor, change, person.joined_at + Duration::hours(1)).await?;
    Ok(())
}

// ---------------------------------------------------------------------------------------------------------
// Files: a few ideas' documents and the demo accounts' evidence of their ties

/// The calls by their place in `call_plans`.
const FIRST_CALL: usize = 0;
const SECOND_CALL: usize = 1;

/// The ideas that carry files, with when their submitter attached them (a little after creating the idea,
/// before its next step) and the files:
/// - a selected idea of the first call whose submitter agreed to show its files: its proposal, which the
///   public sees on the idea's page;
/// - the second call's idea that reviewer@demo.example is given first (as `jury` picks it): its proposal,
///   which the blind call's reviewers see under an anonymous name, and a scanned letter of support marked
///   identifying, which they do not see;
/// - the two demo citizens' submitted ideas in the open call: citizen@demo.example's proposal, whose
///   properties name her as its author (the upload warns her), with a scan of the partner's invitation as
///   evidence, and citizen.en@demo.example's proposal.
fn files_of_ideas(ideas: &[Planned], plans: &[CallPlan], places: &[Place], data: &Data) -> anyhow::Result<IdeaFiles> {
    let find = |what: &str, wanted: &dyn Fn(&Planned) -> bool| {
        ideas
            .iter()
            .enumerate()
            .filter(|(_, idea)| wanted(idea))
            .min_by_key(|(index, idea)| (idea.created_at, *index))
            .map(|(index, _)| index)
            .with_context(|| format!("a demo idea for files: {what}"))
    };
    let selected = find("selected in the first call", &|idea| {
        idea.call == FIRST_CALL
            && idea.state == IdeaState::Selected
            && idea.content.files_public
            && idea.lang == Lang::Fa
    })?;
    let reviewed = find("in review in the second call", &|idea| {
        idea.call == SECOND_CALL
            && idea.state == IdeaState::InReview
            && crate::jury::DEMO_REVIEWER_EXPERTISE.contains(&idea.content.domain)
    })?;
    let own = |submitter: usize| {
        move |idea: &Planned| {
            idea.call == OPEN_CALL && idea.submitter == submitter && idea.state == IdeaState::Submitted
        }
    };
    let fa = find("citizen@demo.example's", &own(CITIZENS))?;
    let en = find("citizen.en@demo.example's", &own(CITIZENS + 1))?;
    let author = data
        .accounts
        .iter()
        .find(|account| account.email == "citizen@demo.example")
        .map(|account| account.display_name.as_str());

    let mut files = BTreeMap::new();
    for (index, author) in [(selected, None), (reviewed, None), (fa, author), (en, None)] {
        let idea = &ideas[index];
        let place = places.get(idea.place).context("the idea's city")?;
        let mut attached = vec![proposal(idea, &plans[idea.call], place, author)];
        if index == reviewed || index == fa {
            attached.push(letter_of_support(idea, place, index == reviewed)?);
        }
        files.insert(index, (files_added_at(idea), attached));
    }
    Ok(files)
}

/// The files of ideas by the idea's place in the plan, with when they were attached.
type IdeaFiles = BTreeMap<usize, (DateTime<Utc>, Vec<Attachment>)>;

/// A few minutes after the idea was created, and before anything else happened to it.
fn files_added_at(idea: &Planned) -> DateTime<Utc> {
    let soon = idea.created_at + Duration::minutes(12);
    let next = idea
        .steps()
        .into_iter()
        .filter(|(_, step)| *step != Step::Create)
        .map(|(at, _)| at)
        .min();
    match next {
        Some(next) => soon.min(idea.created_at + (next - idea.created_at) / 2),
        None => soon,
    }
}

/// The idea's proposal document: its title in the document's properties, the idea's particulars on the page.
fn proposal(idea: &Planned, plan: &CallPlan, place: &Place, author: Option<&str>) -> Attachment {
    let content = &idea.content;
    let city = place.city;
    let call = plan.fields.title.1.as_deref().unwrap_or("the call for ideas");
    let mut lines = vec![
        format!("Call: {call}"),
        format!("Target city: {}, {}", city.en, city.country),
        format!("Domain: {}", content.domain.as_str().replace('_', " ")),
    ];
    if let Some(channel) = &content.channel {
        lines.push(format!(
            "Channel: a {} tie of {} years",
            channel.kind.as_str().replace('_', " "),
            channel.years
        ));
    }
    for partner in &content.partners {
        let organisation = partner.organisation.as_deref().unwrap_or("-");
        lines.push(format!("Partner: {} ({organisation})", partner.name));
    }
    lines.push(String::new());
    match idea.lang {
        Lang::En => {
            lines.push("Summary".to_owned());
            lines.extend(wrapped(&content.summary, 88));
        }
        Lang::Fa => {
            lines.push("The proposal's title and text are in Persian: the title is in this document's".to_owned());
            lines.push("properties, the text in the idea itself.".to_owned());
        }
    }
    lines.push(String::new());
    lines.push("Timeline: six months of preparation with the partner, then the first event.".to_owned());
    lines.push("Budget: to be agreed with the municipality once the idea is selected.".to_owned());
    let heading = match idea.lang {
        Lang::En => "Proposal",
        Lang::Fa => "Proposal (Persian title in the document properties)",
    };
    let bytes = attachments::pdf(&Pdf {
        title: &content.title,
        author,
        heading,
        lines: &lines,
    });
    let (name, description) = match idea.lang {
        Lang::Fa => (
            format!("طرح پیشنهادی - {}.pdf", city.fa),
            format!("طرح پیشنهادی برای {}", idea.lang.city_in_text(city)),
        ),
        Lang::En => (
            format!("proposal-{}.pdf", city.en.to_lowercase().replace(' ', "-")),
            format!("The proposal for {}", city.en),
        ),
    };
    Attachment::new(&name, &description, FileKind::Proposal, bytes)
}

/// A scan of the partner's letter, as evidence of the tie the idea relies on; `identifying` when it names
/// the submitter (hidden from a blind call's reviewers).
fn letter_of_support(idea: &Planned, place: &Place, identifying: bool) -> anyhow::Result<Attachment> {
    let city = place.city;
    let partner = idea
        .content
        .partners
        .first()
        .and_then(|p| p.organisation.clone())
        .unwrap_or_else(|| city.en.clone());
    let stamp = if identifying { [150, 30, 60] } else { [20, 110, 70] };
    let bytes = attachments::picture(Scene::Letter { stamp }, Encoding::Jpeg)?;
    let name = format!("letter-{}.jpg", city.en.to_lowercase().replace(' ', "-"));
    let description = match (idea.lang, identifying) {
        (Lang::Fa, true) => format!("نامهٔ حمایت {partner} که نام مرا آورده است"),
        (Lang::Fa, false) => format!("دعوت‌نامهٔ {partner}"),
        (Lang::En, true) => format!("Letter of support from {partner}, naming me"),
        (Lang::En, false) => format!("Invitation from {partner}"),
    };
    let letter = Attachment::new(&name, &description, FileKind::Evidence, bytes);
    Ok(if identifying { letter.identifying() } else { letter })
}

/// Lines of at most `width` characters, broken between words.
fn wrapped(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// The evidence the two demo accounts keep of one tie each (in the order of `demo_people`): the city, and
/// the file.
fn tie_evidence() -> [(&'static str, TieEvidence); 2] {
    [
        ("Florence", TieEvidence::Enrolment),
        ("Kuala Lumpur", TieEvidence::TradeLicence),
    ]
}

#[derive(Clone, Copy)]
enum TieEvidence {
    /// A certificate of study, as a PDF.
    Enrolment,
    /// A scan of a trade licence.
    TradeLicence,
}

/// The citizen attaches evidence of their tie to `city` ten minutes after filling in their profile.
async fn add_tie_evidence(
    db: &Db,
    store: &FileStore,
    person: &Person,
    places: &[Place],
    (city, evidence): (&str, TieEvidence),
) -> anyhow::Result<()> {
    let place = places
        .iter()
        .find(|p| p.city.en == city)
        .with_context(|| format!("the demo city {city}"))?;
    let ties = db::profiles::find_with_ties(db, person.actor.user_id).await?.ties;
    let tie = ties
        .iter()
        .find(|tie| tie.city == person.locale.city(place.city))
        .with_context(|| format!("the demo account's tie to {city}"))?;
    let file = match evidence {
        TieEvidence::Enrolment => {
            let lines = vec![
                format!(
                    "{} certifies that the holder of this certificate",
                    place.city.organisations.university
                ),
                format!(
                    "was enrolled in its master's programme in art history from {}",
                    tie.since
                ),
                "to its completion, and took part in the exchange seminar with Isfahan.".to_owned(),
                String::new(),
                "Issued at the student's request, as evidence of their studies.".to_owned(),
            ];
            let bytes = attachments::pdf(&Pdf {
                title: &format!("گواهی تحصیل - {}", place.city.fa),
                author: None,
                heading: "Certificate of enrolment",
                lines: &lines,
            });
            Attachment::new(
                "گواهی تحصیل فلورانس.pdf",
                "گواهی تحصیل در دانشگاه فلورانس",
                FileKind::Evidence,
                bytes,
            )
        }
        TieEvidence::TradeLicence => {
            let bytes = attachments::picture(Scene::Letter { stamp: [30, 70, 150] }, Encoding::Jpeg)?;
            Attachment::new(
                "trade-licence-kuala-lumpur.jpg",
                "My trading licence in Kuala Lumpur (scan)",
                FileKind::Evidence,
                bytes,
            )
        }
    };
    let owner = Owner {
        kind: FileOwnerKind::Tie,
        id: tie.id,
    };
    let at = person.joined_at + Duration::hours(1) + Duration::minutes(10);
    attachments::add(db, store, &person.actor, owner, file, at).await
}
