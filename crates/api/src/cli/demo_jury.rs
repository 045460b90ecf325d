//! The demo's jury: twenty reviewers from the four organisations of the first call's jury (and a reviewer
//! profile for reviewer@demo.example), a six-criterion rubric for each call, and the first two calls'
//! assignments, reviews, decisions and events. A score is an idea's latent quality plus its juror's strictness
//! plus noise, drawn by the demo's fixed-seed generator, so every run gives the same jury, and the ranking's
//! raw and calibrated orders visibly differ.

use std::collections::{BTreeMap, HashMap};

use anyhow::{Context, anyhow, bail};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use db::entities::idea;
use db::events::NewEvent;
use db::reviews::ReviewContent;
use domain::account::Locale;
use domain::assignment::{PlanIdea, PlanRequest, PlanReviewer, Rule};
use domain::call::CallPhase;
use domain::event::EventKind;
use domain::idea::{Domain, IdeaState};
use domain::ranking::{RankingRules, ScoredReview};
use domain::review::{AssignmentState, DecisionOutcome, Recommendation};
use domain::reviewer::Organisation;
use domain::roles::{Role, Roles};
use domain::rubric::{Criterion, Rubric};
use sea_orm::sea_query::Order;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use super::demo_ideas::{
    Dice, FIRST_REVIEW_CLOSES, FIRST_REVIEW_OPENS, SeededCall, TEHRAN, between, date, office_time,
};

// ---------------------------------------------------------------------------------------------------------
// The jurors

struct Juror {
    name: &'static str,
    locale: Locale,
    organisation: Organisation,
    expertise: &'static [Domain],
    max_load: i32,
    /// Points added to every score on the 1–10 scale: below zero a strict juror, above a lenient one.
    bias: f64,
    /// How far the juror's scores stray from the middle of the scale: below 1 they hedge, above they are bold.
    boldness: f64,
}

const FOREIGN_MINISTRY: &[Domain] = &[Domain::Cultural, Domain::Media, Domain::Other];
const COUNCIL_RESEARCH: &[Domain] = &[Domain::UrbanServices, Domain::Sports, Domain::HealthAndCrisisRelief];
const UNIVERSITY: &[Domain] = &[Domain::Scientific, Domain::Cultural, Domain::HealthAndCrisisRelief];
const CHAMBER: &[Domain] = &[Domain::Economic, Domain::Tourism];

/// How many jurors the demo has: juror01@demo.example … juror20@demo.example.
pub const JURY_SIZE: usize = 20;

/// Five from each organisation; five strict (bias about −2), five lenient (about +2), the rest mild.
const JURORS: [Juror; JURY_SIZE] = [
    Juror {
        name: "مهدی صفری‌نژاد",
        locale: Locale::Fa,
        organisation: Organisation::ForeignMinistry,
        expertise: FOREIGN_MINISTRY,
        max_load: 25,
        bias: -2.2,
        boldness: 1.0,
    },
    Juror {
        name: "Leila Sadeghi",
        locale: Locale::En,
        organisation: Organisation::ForeignMinistry,
        expertise: &[Domain::Economic, Domain::Media],
        max_load: 20,
        bias: 0.3,
        boldness: 1.1,
    },
    Juror {
        name: "علیرضا موسوی",
        locale: Locale::Fa,
        organisation: Organisation::ForeignMinistry,
        expertise: FOREIGN_MINISTRY,
        max_load: 30,
        bias: 1.9,
        boldness: 0.8,
    },
    Juror {
        name: "فرشته کاظمی",
        locale: Locale::Fa,
        organisation: Organisation::ForeignMinistry,
        expertise: &[Domain::Cultural, Domain::Tourism],
        max_load: 15,
        bias: -0.4,
        boldness: 1.0,
    },
    Juror {
        name: "بهرام تهرانی",
        locale: Locale::Fa,
        organisation: Organisation::ForeignMinistry,
        expertise: &[Domain::Other, Domain::Sports],
        max_load: 20,
        bias: 0.1,
        boldness: 0.6,
    },
    Juror {
        name: "زهرا نیک‌نام",
        locale: Locale::Fa,
        organisation: Organisation::CouncilResearchCentre,
        expertise: COUNCIL_RESEARCH,
        max_load: 25,
        bias: 1.7,
        boldness: 1.0,
    },
    Juror {
        name: "حسین قربانی",
        locale: Locale::Fa,
        organisation: Organisation::CouncilResearchCentre,
        expertise: &[Domain::UrbanServices, Domain::Economic],
        max_load: 40,
        bias: -2.0,
        boldness: 1.2,
    },
    Juror {
        name: "مریم شفیعی",
        locale: Locale::Fa,
        organisation: Organisation::CouncilResearchCentre,
        expertise: &[Domain::Sports, Domain::Cultural],
        max_load: 20,
        bias: 0.2,
        boldness: 1.0,
    },
    Juror {
        name: "سعید رحمانی",
        locale: Locale::Fa,
        organisation: Organisation::CouncilResearchCentre,
        expertise: COUNCIL_RESEARCH,
        max_load: 15,
        bias: -0.3,
        boldness: 1.3,
    },
    Juror {
        name: "نگار اصفهانی‌پور",
        locale: Locale::Fa,
        organisation: Organisation::CouncilResearchCentre,
        expertise: &[Domain::UrbanServices, Domain::Tourism],
        max_load: 30,
        bias: 2.1,
        boldness: 0.9,
    },
    Juror {
        name: "پروین جلالی",
        locale: Locale::Fa,
        organisation: Organisation::University,
        expertise: UNIVERSITY,
        max_load: 20,
        bias: -2.4,
        boldness: 0.9,
    },
    Juror {
        name: "مجید حیدری",
        locale: Locale::Fa,
        organisation: Organisation::University,
        expertise: &[Domain::Scientific, Domain::HealthAndCrisisRelief],
        max_load: 25,
        bias: -0.2,
        boldness: 1.0,
    },
    Juror {
        name: "سیمین کرمانی",
        locale: Locale::Fa,
        organisation: Organisation::University,
        expertise: &[Domain::Cultural, Domain::Media],
        max_load: 30,
        bias: -1.9,
        boldness: 1.1,
    },
    Juror {
        name: "امیرحسین نادری",
        locale: Locale::Fa,
        organisation: Organisation::University,
        expertise: UNIVERSITY,
        max_load: 20,
        bias: 0.4,
        boldness: 0.7,
    },
    Juror {
        name: "Arash Tavakoli",
        locale: Locale::En,
        organisation: Organisation::University,
        expertise: &[Domain::Scientific, Domain::UrbanServices],
        max_load: 35,
        bias: 0.0,
        boldness: 1.0,
    },
    Juror {
        name: "رضا باقری",
        locale: Locale::Fa,
        organisation: Organisation::ChamberOfCommerce,
        expertise: CHAMBER,
        max_load: 30,
        bias: 2.3,
        boldness: 1.0,
    },
    Juror {
        name: "محسن زرگر",
        locale: Locale::Fa,
        organisation: Organisation::ChamberOfCommerce,
        expertise: CHAMBER,
        max_load: 20,
        bias: -1.7,
        boldness: 1.0,
    },
    Juror {
        name: "شیرین امینی",
        locale: Locale::Fa,
        organisation: Organisation::ChamberOfCommerce,
        expertise: &[Domain::Economic, Domain::Cultural],
        max_load: 25,
        bias: 0.5,
        boldness: 1.2,
    },
    Juror {
        name: "کامران صنیعی",
        locale: Locale::Fa,
        organisation: Organisation::ChamberOfCommerce,
        expertise: &[Domain::Tourism, Domain::Sports],
        max_load: 15,
        bias: 1.8,
        boldness: 0.8,
    },
    Juror {
        name: "الهام طاهری",
        locale: Locale::Fa,
        organisation: Organisation::ChamberOfCommerce,
        expertise: &[Domain::Economic, Domain::Media],
        max_load: 40,
        bias: -0.1,
        boldness: 1.0,
    },
];

/// The jurors' e-mail address: juror01@demo.example and so on.
pub fn juror_email(number: usize) -> String {
    format!("juror{number:02}@demo.example")
}

/// reviewer@demo.example sits on the jury for the municipality, from before the second call's review.
const DEMO_REVIEWER_ORGANISATION: Organisation = Organisation::Municipality;
const DEMO_REVIEWER_EXPERTISE: &[Domain] = &[Domain::Cultural, Domain::Tourism, Domain::UrbanServices];
/// The second call's ideas given to reviewer@demo.example, all still to score.
const DEMO_REVIEWER_IDEAS: usize = 3;

/// The staff member enrolled the jury on 2 Esfand 1399, a week before the first call's review.
const JURY_ENROLLED: NaiveDate = date(2021, 2, 20);
/// Staff wrote the first call's rubric during screening.
const FIRST_RUBRIC: NaiveDate = date(2021, 2, 23);
/// Staff recorded the first call's decisions after the Nowruz holidays, 14–18 Farvardin 1400.
const FIRST_DECIDING: NaiveDate = date(2021, 4, 3);
const DECIDING_DAYS: usize = 5;

// ---------------------------------------------------------------------------------------------------------
// The rubric

/// (key, weight, Persian label, English label, Persian guidance, English guidance)
type CriterionText = (
    &'static str,
    f64,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

const CRITERIA: [CriterionText; 6] = [
    (
        "international_standing",
        3.0,
        "اثر بر جایگاه بین‌المللی شهر",
        "Impact on the city's international standing",
        "آیا اجرای ایده نام اصفهان را در شهر مقصد و فراتر از آن شناخته‌تر و معتبرتر می‌کند؟",
        "Would carrying out the idea make Isfahan better known and more respected in the partner city and beyond?",
    ),
    (
        "feasibility",
        2.0,
        "اجراپذیری",
        "Feasibility",
        "آیا با بودجه، زمان و شرکای گفته‌شده شدنی است؟",
        "Can it be done with the budget, time and partners described?",
    ),
    (
        "economic_benefit",
        2.0,
        "منفعت اقتصادی",
        "Economic benefit",
        "گردشگری، تجارت، سرمایه‌گذاری یا اشتغالی که برای شهر می‌آورد.",
        "The tourism, trade, investment or jobs it would bring to the city.",
    ),
    (
        "cultural_scientific_value",
        2.0,
        "ارزش فرهنگی و علمی",
        "Cultural and scientific value",
        "آنچه به شناخت متقابل، میراث، هنر یا دانش می‌افزاید.",
        "What it adds to mutual understanding, heritage, the arts or knowledge.",
    ),
    (
        "channel_strength",
        1.0,
        "استحکام کانال ارتباطی پیشنهاددهنده",
        "Strength of the submitter's channel",
        "پیوند پیشنهاددهنده با شهر مقصد چقدر واقعی، پایدار و کارآمد است؟",
        "How real, lasting and useful is the submitter's tie to the partner city?",
    ),
    (
        "policy_fit",
        2.0,
        "هم‌خوانی با چارچوب سیاست خارجی",
        "Fit with the foreign-policy framework",
        "آیا با سیاست خارجی کشور و اولویت‌های دیپلماسی شهری اصفهان هم‌راستاست؟",
        "Is it in line with the country's foreign policy and Isfahan's priorities in city diplomacy?",
    ),
];

const SCALE_MIN: i32 = 1;
const SCALE_MAX: i32 = 10;

fn rubric() -> anyhow::Result<Rubric> {
    let criteria = CRITERIA
        .iter()
        .map(
            |&(key, weight, label_fa, label_en, guidance_fa, guidance_en)| Criterion {
                key: key.to_owned(),
                label_fa: label_fa.to_owned(),
                label_en: Some(label_en.to_owned()),
                guidance_fa: Some(guidance_fa.to_owned()),
                guidance_en: Some(guidance_en.to_owned()),
                weight,
                scale_min: SCALE_MIN,
                scale_max: SCALE_MAX,
            },
        )
        .collect();
    Rubric::new(criteria).map_err(|errors| anyhow!("the demo rubric is invalid: {errors:?}"))
}

// ---------------------------------------------------------------------------------------------------------
// What reviewers and staff write

/// Comments to staff, by band: a total of 70 or more, 50 or more, below.
const TO_STAFF: [[&str; 3]; 3] = [
    [
        "ایده‌ای پخته و اجراپذیر؛ پیوند پیشنهاددهنده با شهر مقصد واقعی و ارزشمند است. پیشنهاد می‌کنم در اولویت قرار گیرد.",
        "از نظر جایگاه بین‌المللی شهر اثر روشنی دارد و با چارچوب سیاست خارجی سازگار است. هزینه‌ها باید دقیق‌تر برآورد شود.",
        "طرح منسجمی است و شرکای خارجی آن مشخص‌اند؛ اجرای آزمایشی در سال نخست را توصیه می‌کنم.",
    ],
    [
        "ایدهٔ خوبی است اما برنامهٔ اجرایی و بودجهٔ آن مبهم است. اگر جزئیات کامل شود ارزش بررسی دوباره دارد.",
        "ارزش فرهنگی دارد ولی اثر اقتصادی آن محدود است؛ شاید بهتر باشد با ایده‌های مشابه همین دوره ادغام شود.",
        "کانال ارتباطی پیشنهاددهنده هنوز تازه است و پیش از اجرا باید محکم‌تر شود.",
    ],
    [
        "پیشنهاد کلی است و شریک مشخصی در شهر مقصد ندارد. در شکل کنونی توصیه نمی‌شود.",
        "اجرای آن با امکانات فعلی شهرداری دشوار است و هم‌خوانی کمی با اولویت‌های سیاست خارجی دارد.",
        "هدف‌ها روشن نیست و نتیجهٔ ملموسی برای جایگاه بین‌المللی اصفهان پیش‌بینی نمی‌شود.",
    ],
];

/// Comments to the submitter, by the same bands.
const TO_SUBMITTER: [[&str; 2]; 3] = [
    [
        "ایدهٔ شما روشن و اجراپذیر است و پیوندتان با شهر مقصد نقطهٔ قوت اصلی آن است. سپاس از مشارکتتان.",
        "پیشنهادی ارزشمند است؛ مشخص‌کردن گام‌های نخست و هزینه‌ها آن را کامل‌تر می‌کند.",
    ],
    [
        "ایدهٔ جالبی است؛ با برنامهٔ اجرایی دقیق‌تر و شرکای مشخص‌تر می‌تواند بسیار قوی‌تر شود.",
        "به جنبهٔ اقتصادی طرح و پایداری آن پس از سال نخست بیشتر بپردازید.",
    ],
    [
        "از مشارکت شما سپاسگزاریم. در فراخوان‌های بعدی شریک مشخصی در شهر مقصد معرفی کنید و هدف‌ها را دقیق‌تر بنویسید.",
        "ایده به تمرکز بیشتری نیاز دارد؛ یک فعالیت مشخص و سنجش‌پذیر پیشنهاد کنید.",
    ],
];

const SELECTED_NOTES: [&str; 3] = [
    "برگزیده با نظر موافق داوران؛ در برنامهٔ سال ۱۴۰۰ اجرا می‌شود.",
    "برگزیده؛ پیش از اجرا با شریک خارجی هماهنگی شود.",
    "برگزیده با رتبهٔ بالا در ارزیابی داوران.",
];

const NOT_SELECTED_NOTES: [&str; 2] = [
    "برگزیده نشد: امتیاز آن از ایده‌های برگزیدهٔ این دوره کمتر بود.",
    "برگزیده نشد؛ پیشنهاددهنده با برنامهٔ اجرایی دقیق‌تر به فراخوان بعدی دعوت شود.",
];

fn band(total: f64) -> usize {
    if total >= 70.0 {
        0
    } else if total >= 50.0 {
        1
    } else {
        2
    }
}

fn recommendation(total: f64) -> Recommendation {
    match band(total) {
        0 => Recommendation::Select,
        1 => Recommendation::Discuss,
        _ => Recommendation::DoNotSelect,
    }
}

// ---------------------------------------------------------------------------------------------------------
// Scores

/// An idea's latent merit on the 1–10 scale, per criterion in rubric order.
struct Merit([f64; 6]);

/// About normal with mean 0 and standard deviation 1 (a sum of three uniforms).
fn noise(dice: &mut Dice) -> f64 {
    (dice.unit() + dice.unit() + dice.unit() - 1.5) * 2.0
}

/// A value in [low, high).
fn uniform(dice: &mut Dice, low: f64, high: f64) -> f64 {
    low + (high - low) * dice.unit()
}

fn merit(dice: &mut Dice, idea: &idea::Model, quality: f64) -> Merit {
    let domain: Option<Domain> = Some(*idea.domain);
    let economic = match domain {
        Some(Domain::Economic | Domain::Tourism) => 1.2,
        Some(Domain::Cultural | Domain::Scientific | Domain::HealthAndCrisisRelief) => -0.8,
        _ => 0.0,
    };
    let cultural = match domain {
        Some(Domain::Cultural | Domain::Scientific | Domain::Media) => 1.2,
        Some(Domain::Economic) => -0.6,
        _ => 0.0,
    };
    // A tie of many years is a strong channel.
    let channel = idea
        .channel_years
        .map_or(-0.5, |years| (f64::from(years.min(20)) - 8.0) / 6.0);
    Merit([
        quality + uniform(dice, -0.8, 0.8),
        quality + uniform(dice, -1.0, 1.0),
        quality + economic + uniform(dice, -0.6, 0.6),
        quality + cultural + uniform(dice, -0.6, 0.6),
        quality + channel + uniform(dice, -0.5, 0.5),
        quality + uniform(dice, -0.7, 0.7),
    ])
}

/// One juror's scores for an idea: its merit, seen through the juror's strictness and boldness, with noise.
fn scores(dice: &mut Dice, merit: &Merit, juror: &Member) -> BTreeMap<String, i32> {
    let middle = f64::from(SCALE_MIN + SCALE_MAX) / 2.0;
    CRITERIA
        .iter()
        .zip(merit.0)
        .map(|(&(key, ..), value)| {
            let seen = middle + juror.boldness * (value - middle) + juror.bias + 0.8 * noise(dice);
            let score = (seen.round() as i32).clamp(SCALE_MIN, SCALE_MAX);
            (key.to_owned(), score)
        })
        .collect()
}

fn review_content(dice: &mut Dice, scores: BTreeMap<String, i32>, total: f64) -> ReviewContent {
    let band = band(total);
    ReviewContent {
        scores,
        comment_to_staff: Some(TO_STAFF[band][dice.below(3)].to_owned()),
        comment_to_submitter: Some(TO_SUBMITTER[band][dice.below(2)].to_owned()),
        recommendation: Some(recommendation(total)),
    }
}

// ---------------------------------------------------------------------------------------------------------
// Writing it

/// The ids of the demo accounts the jury refers to.
pub struct JuryAccounts {
    pub staff: Uuid,
    /// reviewer@demo.example
    pub reviewer: Uuid,
}

/// A call's jury work as seeded, for the summary.
pub struct CallJury {
    pub title: String,
    pub assignments: usize,
    pub submitted: usize,
    pub drafts: usize,
}

/// The first call's ranking from the seeded reviews: how far calibration moves it.
pub struct FirstRanking {
    pub ideas: usize,
    /// Ideas whose calibrated rank differs from their raw rank.
    pub moved: usize,
    /// The largest difference between an idea's raw and calibrated rank.
    pub largest_move: u32,
    /// How many ideas were selected, and how many of them are in the raw and in the calibrated top.
    pub selected: usize,
    pub selected_in_raw_top: usize,
    pub selected_in_calibrated_top: usize,
    /// Ideas in the raw top that are not in the calibrated top.
    pub top_changes: usize,
    /// Krippendorff's alpha over the review totals.
    pub alpha: Option<f64>,
}

pub struct SeededJury {
    pub reviewers: BTreeMap<Organisation, usize>,
    pub calls: Vec<CallJury>,
    pub first: FirstRanking,
}

/// A juror in the database.
struct Member {
    id: Uuid,
    organisation: Organisation,
    expertise: Vec<Domain>,
    max_load: i32,
    bias: f64,
    boldness: f64,
}

/// Writes the jurors, reviewer@demo.example's reviewer profile, the calls' rubrics, and the first two calls'
/// assignments, reviews, decisions and events. `calls` are demo_ideas' calls; `password_hash` is the demo
/// accounts' one hash.
pub async fn seed(
    db: &impl ConnectionTrait,
    accounts: &JuryAccounts,
    calls: &[SeededCall],
    password_hash: &str,
    now: DateTime<Utc>,
) -> anyhow::Result<SeededJury> {
    let mut dice = Dice(0x1399_1208);
    let rubric = rubric()?;
    let first = call_in(db, calls, CallPhase::Decided).await?;
    let second = call_in(db, calls, CallPhase::InReview).await?;
    let third = call_in(db, calls, CallPhase::Open).await?;

    let mut jurors = insert_jurors(db, password_hash).await?;
    let second_review_day = second.review_opens_at.with_timezone(&TEHRAN).date_naive();
    let demo_reviewer = Member {
        id: accounts.reviewer,
        organisation: DEMO_REVIEWER_ORGANISATION,
        expertise: DEMO_REVIEWER_EXPERTISE.to_vec(),
        max_load: 12,
        bias: 0.0,
        boldness: 1.0,
    };
    let fields = db::reviewers::ReviewerFields {
        organisation: demo_reviewer.organisation,
        expertise: demo_reviewer.expertise.clone(),
        max_load: demo_reviewer.max_load,
        active: true,
    };
    let enrolled = office_time(second_review_day - Duration::days(5), 10 * 60);
    db::reviewers::insert(db, accounts.reviewer, fields, enrolled).await?;
    let mut reviewers: BTreeMap<Organisation, usize> = BTreeMap::new();
    for member in jurors.iter().chain([&demo_reviewer]) {
        *reviewers.entry(member.organisation).or_insert(0) += 1;
    }

    let third_opens = third.opens_at.with_timezone(&TEHRAN).date_naive();
    let rubric_set = [
        (&first, office_time(FIRST_RUBRIC, 10 * 60 + 15)),
        (&second, office_time(second_review_day - Duration::days(3), 11 * 60)),
        (&third, office_time(third_opens - Duration::days(2), 12 * 60 + 30)),
    ];
    for (call, at) in rubric_set {
        db::rubrics::insert(db, call.id, rubric.criteria(), Some(accounts.staff), at).await?;
        let event = NewEvent::of_call(call.id, EventKind::RubricUpdated).by(accounts.staff);
        db::events::record(db, event, at).await?;
    }

    let mut writer = Writer {
        db,
        dice: &mut dice,
        rubric: &rubric,
        staff: accounts.staff,
    };
    let (first_jury, ranking) = writer.first_call(&first, &jurors).await?;
    jurors.push(demo_reviewer);
    let second_jury = writer.second_call(&second, &jurors, now).await?;
    let third_jury = CallJury {
        title: title(&third),
        assignments: 0,
        submitted: 0,
        drafts: 0,
    };
    Ok(SeededJury {
        reviewers,
        calls: vec![first_jury, second_jury, third_jury],
        first: ranking,
    })
}

fn title(call: &db::calls::Model) -> String {
    call.title_en.clone().unwrap_or_else(|| call.title_fa.clone())
}

async fn call_in(
    db: &impl ConnectionTrait,
    calls: &[SeededCall],
    phase: CallPhase,
) -> anyhow::Result<db::calls::Model> {
    let seeded = calls
        .iter()
        .find(|call| call.phase == phase)
        .with_context(|| format!("the demo call in phase {phase}"))?;
    db::calls::find_by_id(db, seeded.id)
        .await?
        .with_context(|| format!("the demo call {}", seeded.id))
}

async fn insert_jurors(db: &impl ConnectionTrait, password_hash: &str) -> anyhow::Result<Vec<Member>> {
    let mut members = Vec::with_capacity(JURORS.len() + 1);
    for (index, juror) in JURORS.iter().enumerate() {
        let at = office_time(JURY_ENROLLED, 10 * 60 + 7 * index as i64);
        let new_user = db::users::NewUser {
            email: juror_email(index + 1),
            display_name: juror.name.to_owned(),
            password_hash: Some(password_hash.to_owned()),
            roles: Roles::new([Role::Reviewer]),
            locale: juror.locale,
        };
        let user = db::users::insert(db, new_user, at).await?;
        let fields = db::reviewers::ReviewerFields {
            organisation: juror.organisation,
            expertise: juror.expertise.to_vec(),
            max_load: juror.max_load,
            active: true,
        };
        db::reviewers::insert(db, user.id, fields, at).await?;
        members.push(Member {
            id: user.id,
            organisation: juror.organisation,
            expertise: juror.expertise.to_vec(),
            max_load: juror.max_load,
            bias: juror.bias,
            boldness: juror.boldness,
        });
    }
    Ok(members)
}

/// The call's ideas in `states`, in the order they came in.
async fn ideas_in(db: &impl ConnectionTrait, call_id: Uuid, states: &[IdeaState]) -> anyhow::Result<Vec<idea::Model>> {
    Ok(idea::Entity::find()
        .filter(idea::Column::CallId.eq(call_id))
        .filter(idea::Column::State.is_in(states.iter().map(|s| s.as_str())))
        .order_by(idea::Column::CreatedAt, Order::Asc)
        .order_by(idea::Column::Id, Order::Asc)
        .all(db)
        .await?)
}

fn domain_of(idea: &idea::Model) -> anyhow::Result<Domain> {
    Ok(*idea.domain)
}

/// An event on an idea, by `actor`.
fn event(idea: &idea::Model, actor: Uuid, kind: EventKind) -> NewEvent {
    NewEvent::of_idea(idea.id, idea.call_id, kind).by(actor)
}

fn moving(from: IdeaState, to: IdeaState, event: NewEvent) -> NewEvent {
    NewEvent {
        from: Some(from.as_str().to_owned()),
        to: Some(to.as_str().to_owned()),
        ..event
    }
}

/// A review to write: who, when, and whether it is submitted or a draft.
struct Planned {
    reviewer: usize,
    at: DateTime<Utc>,
    submit: bool,
}

struct Writer<'a, C> {
    db: &'a C,
    dice: &'a mut Dice,
    rubric: &'a Rubric,
    staff: Uuid,
}

impl<C: ConnectionTrait> Writer<'_, C> {
    /// Gives each idea its reviewers by the assignment planner, as staff's auto-assignment would, and
    /// writes the assignments (pending), the `assigned` and `review_started` events; returns each idea's
    /// reviewers (indices into `members`).
    async fn assign(
        &mut self,
        call: &db::calls::Model,
        ideas: &[idea::Model],
        members: &[Member],
        already: &HashMap<Uuid, Vec<usize>>,
        at: DateTime<Utc>,
    ) -> anyhow::Result<Vec<Vec<usize>>> {
        let mut loads = vec![0u32; members.len()];
        for reviewers in already.values() {
            for &r in reviewers {
                loads[r] += 1;
            }
        }
        let request = PlanRequest {
            reviewers: members
                .iter()
                .zip(&loads)
                .map(|(m, &load)| PlanReviewer {
                    id: m.id,
                    organisation: m.organisation,
                    expertise: m.expertise.clone(),
                    // Those assigned by hand take no more.
                    capacity: if load > 0 { load } else { m.max_load as u32 },
                    load,
                })
                .collect(),
            ideas: ideas
                .iter()
                .map(|idea| {
                    Ok(PlanIdea {
                        id: idea.id,
                        domain: domain_of(idea)?,
                        submitter_id: idea.submitter_id,
                        conflicted: Vec::new(),
                        assigned: already
                            .get(&idea.id)
                            .map(|rs| rs.iter().map(|&r| members[r].id).collect())
                            .unwrap_or_default(),
                    })
                })
                .collect::<anyhow::Result<_>>()?,
            reviewers_per_idea: u32::try_from(call.reviewers_per_idea)?,
        };
        let plan = domain::assignment::plan(&request);
        if let Some(unmet) = plan
            .unmet
            .iter()
            .find(|u| matches!(u.rule, Rule::ReviewersPerIdea | Rule::OrganisationDiversity))
        {
            bail!("the demo jury cannot be planned: {}", unmet.message);
        }
        let index_of: HashMap<Uuid, usize> = members.iter().enumerate().map(|(i, m)| (m.id, i)).collect();
        let mut given: HashMap<Uuid, Vec<usize>> = already.clone();
        for new in &plan.assignments {
            let r = *index_of.get(&new.reviewer_id).context("a planned reviewer")?;
            given.entry(new.idea_id).or_default().push(r);
        }
        let due_on = Some(call.review_closes_at.with_timezone(&TEHRAN).date_naive());
        let mut rows = Vec::new();
        let mut per_idea = Vec::with_capacity(ideas.len());
        for idea in ideas {
            let reviewers = given.remove(&idea.id).unwrap_or_default();
            for &r in &reviewers {
                rows.push(db::assignments::NewAssignment {
                    call_id: call.id,
                    idea_id: idea.id,
                    reviewer_id: members[r].id,
                    due_on,
                    assigned_by: Some(self.staff),
                });
            }
            per_idea.push(reviewers);
        }
        db::assignments::insert_many(self.db, rows, at).await?;
        for (idea, reviewers) in ideas.iter().zip(&per_idea) {
            for (second, &r) in (0..).zip(reviewers) {
                let assigned = NewEvent {
                    to: Some(members[r].id.to_string()),
                    ..event(idea, self.staff, EventKind::Assigned)
                };
                db::events::record(self.db, assigned, at + Duration::seconds(second)).await?;
            }
            let started = moving(
                IdeaState::Shortlisted,
                IdeaState::InReview,
                event(idea, self.staff, EventKind::ReviewStarted),
            );
            db::events::record(self.db, started, at + Duration::seconds(3)).await?;
        }
        Ok(per_idea)
    }

    /// Writes an idea's reviews (submitted or drafts) with their events; the scores of the submitted ones for
    /// the ranking. Completes the review (reviews_complete) when every assignment is submitted.
    async fn review(
        &mut self,
        idea: &idea::Model,
        merit: &Merit,
        members: &[Member],
        assignments: &HashMap<(Uuid, Uuid), db::assignments::Model>,
        mut planned: Vec<Planned>,
        assigned: usize,
    ) -> anyhow::Result<Vec<ScoredReview>> {
        planned.sort_by_key(|p| p.at);
        let mut scored = Vec::new();
        let mut last = None;
        for p in &planned {
            let member = &members[p.reviewer];
            let assignment = assignments.get(&(idea.id, member.id)).context("a demo assignment")?;
            let scores = scores(self.dice, merit, member);
            let total = self.rubric.total(&scores).context("a demo review's total")?;
            let criteria = self
                .rubric
                .criteria()
                .iter()
                .map(|c| scores.get(&c.key).map_or(f64::NAN, |&s| f64::from(s)))
                .collect();
            let content = review_content(self.dice, scores, total);
            if !p.submit {
                db::reviews::save(self.db, assignment, content, false, p.at).await?;
                continue;
            }
            db::assignments::set_state(
                self.db,
                assignment.id,
                &[AssignmentState::Pending],
                AssignmentState::Submitted,
                p.at,
            )
            .await?;
            db::reviews::save(self.db, assignment, content, true, p.at).await?;
            let submitted = NewEvent {
                to: Some(member.id.to_string()),
                ..event(idea, member.id, EventKind::ReviewSubmitted)
            };
            db::events::record(self.db, submitted, p.at).await?;
            scored.push(ScoredReview {
                idea_id: idea.id,
                reviewer_id: member.id,
                total,
                criteria,
            });
            last = Some((member.id, p.at));
        }
        if scored.len() == assigned
            && let Some((by, at)) = last
        {
            let complete = moving(
                IdeaState::InReview,
                IdeaState::Reviewed,
                event(idea, by, EventKind::ReviewsComplete),
            );
            db::events::record(self.db, complete, at + Duration::seconds(1)).await?;
        }
        Ok(scored)
    }

    /// The first call, decided and published: every idea that reached the jury reviewed by three jurors, and
    /// staff's decisions matching the ideas' published states.
    async fn first_call(
        &mut self,
        call: &db::calls::Model,
        members: &[Member],
    ) -> anyhow::Result<(CallJury, FirstRanking)> {
        let ideas = ideas_in(self.db, call.id, &[IdeaState::Selected, IdeaState::NotSelected]).await?;
        let assigned_at = office_time(FIRST_REVIEW_OPENS, 9 * 60 + 40);
        let per_idea = self.assign(call, &ideas, members, &HashMap::new(), assigned_at).await?;
        let assignments = assignments_of(self.db, call.id).await?;
        let published_at = call
            .decisions_published_at
            .context("the first demo call's publication")?;
        let window_days = (FIRST_REVIEW_CLOSES - FIRST_REVIEW_OPENS).num_days();

        let mut scored = Vec::new();
        let mut selected = Vec::new();
        let mut decisions = Vec::with_capacity(ideas.len());
        for (idea, reviewers) in ideas.iter().zip(&per_idea) {
            let state: IdeaState = *idea.state;
            let outcome = if state == IdeaState::Selected {
                selected.push(idea.id);
                DecisionOutcome::Selected
            } else {
                DecisionOutcome::NotSelected
            };
            // The selected ideas are clearly better; the best of the rest come close.
            let quality = match outcome {
                DecisionOutcome::Selected => uniform(self.dice, 6.5, 7.6),
                DecisionOutcome::NotSelected => uniform(self.dice, 2.5, 5.9),
            };
            let merit = merit(self.dice, idea, quality);
            let planned = reviewers
                .iter()
                .map(|&reviewer| {
                    let day = FIRST_REVIEW_OPENS + Duration::days(1 + self.dice.below(window_days as usize) as i64);
                    Planned {
                        reviewer,
                        at: office_time(day, 8 * 60 + self.dice.below(15 * 60) as i64),
                        submit: true,
                    }
                })
                .collect();
            scored.extend(
                self.review(idea, &merit, members, &assignments, planned, reviewers.len())
                    .await?,
            );
            decisions.push((idea, outcome));
        }
        if let Some(first) = first_submission(self.db, call.id).await? {
            db::rubrics::lock(self.db, call.id, first).await?;
        }

        for (idea, outcome) in &decisions {
            let day = FIRST_DECIDING + Duration::days(self.dice.below(DECIDING_DAYS) as i64);
            let at = office_time(day, 9 * 60 + self.dice.below(6 * 60) as i64);
            let note = match outcome {
                DecisionOutcome::Selected => self.dice.pick(SELECTED_NOTES),
                DecisionOutcome::NotSelected => self.dice.pick(NOT_SELECTED_NOTES),
            };
            let decision = db::decisions::NewDecision {
                idea_id: idea.id,
                call_id: call.id,
                outcome: *outcome,
                note: Some(note.to_owned()),
                decided_by: self.staff,
            };
            db::decisions::record(self.db, decision, at).await?;
            let recorded = NewEvent {
                to: Some(outcome.as_str().to_owned()),
                note: Some(note.to_owned()),
                ..event(idea, self.staff, EventKind::DecisionRecorded)
            };
            db::events::record(self.db, recorded, at).await?;
        }
        let published = NewEvent::of_call(call.id, EventKind::DecisionsPublished).by(self.staff);
        db::events::record(self.db, published, published_at).await?;
        for (idea, outcome) in &decisions {
            let done = moving(
                IdeaState::Reviewed,
                outcome.state(),
                event(idea, self.staff, EventKind::DecisionPublished),
            );
            db::events::record(self.db, done, published_at).await?;
        }

        let jury = CallJury {
            title: title(call),
            assignments: assignments.len(),
            submitted: scored.len(),
            drafts: 0,
        };
        let ids: Vec<Uuid> = ideas.iter().map(|i| i.id).collect();
        Ok((jury, first_ranking(&ids, &selected, &scored, self.rubric)))
    }

    /// The second call, in review now: reviewed ideas with all three reviews, ideas in review with some,
    /// reviewer@demo.example (the last of `members`) with ideas to score, and the shortlisted ideas left for
    /// staff to assign.
    async fn second_call(
        &mut self,
        call: &db::calls::Model,
        members: &[Member],
        now: DateTime<Utc>,
    ) -> anyhow::Result<CallJury> {
        let demo = members.len() - 1;
        let ideas = ideas_in(self.db, call.id, &[IdeaState::InReview, IdeaState::Reviewed]).await?;
        let mut already: HashMap<Uuid, Vec<usize>> = HashMap::new();
        let in_review = |idea: &&idea::Model| idea.state == IdeaState::InReview;
        let fits = |idea: &&idea::Model| domain_of(idea).is_ok_and(|d| DEMO_REVIEWER_EXPERTISE.contains(&d));
        let mut picks: Vec<&idea::Model> = ideas.iter().filter(in_review).filter(fits).collect();
        // Ideas outside their expertise only when too few fit.
        picks.extend(ideas.iter().filter(in_review).filter(|i| !fits(i)));
        for idea in picks.into_iter().take(DEMO_REVIEWER_IDEAS) {
            already.insert(idea.id, vec![demo]);
        }

        let review_day = call.review_opens_at.with_timezone(&TEHRAN).date_naive();
        let assigned_at = office_time(review_day, 9 * 60 + 40);
        let per_idea = self.assign(call, &ideas, members, &already, assigned_at).await?;
        let assignments = assignments_of(self.db, call.id).await?;
        let from = assigned_at + Duration::hours(3);
        let until = now - Duration::minutes(30);

        let mut submitted = 0;
        let mut drafts = 0;
        for (idea, reviewers) in ideas.iter().zip(&per_idea) {
            let quality = uniform(self.dice, 3.5, 8.2);
            let merit = merit(self.dice, idea, quality);
            let reviewed = idea.state == IdeaState::Reviewed;
            // In review: up to two reviews in, never reviewer@demo.example's.
            let mut to_submit = if reviewed { reviewers.len() } else { self.dice.below(3) };
            let mut planned = Vec::new();
            for &reviewer in reviewers {
                let at = between(from, until, self.dice.unit());
                if reviewer != demo && to_submit > 0 {
                    to_submit -= 1;
                    planned.push(Planned {
                        reviewer,
                        at,
                        submit: true,
                    });
                } else if reviewer != demo && self.dice.chance(0.3) {
                    planned.push(Planned {
                        reviewer,
                        at,
                        submit: false,
                    });
                }
            }
            submitted += planned.iter().filter(|p| p.submit).count();
            drafts += planned.iter().filter(|p| !p.submit).count();
            self.review(idea, &merit, members, &assignments, planned, reviewers.len())
                .await?;
        }
        if let Some(first) = first_submission(self.db, call.id).await? {
            db::rubrics::lock(self.db, call.id, first).await?;
        }
        Ok(CallJury {
            title: title(call),
            assignments: assignments.len(),
            submitted,
            drafts,
        })
    }
}

async fn assignments_of(
    db: &impl ConnectionTrait,
    call_id: Uuid,
) -> anyhow::Result<HashMap<(Uuid, Uuid), db::assignments::Model>> {
    Ok(db::assignments::of_call(db, call_id)
        .await?
        .into_iter()
        .map(|a| ((a.idea_id, a.reviewer_id), a))
        .collect())
}

/// When the call's first review was submitted: what locked its rubric.
async fn first_submission(db: &impl ConnectionTrait, call_id: Uuid) -> anyhow::Result<Option<DateTime<Utc>>> {
    Ok(db::reviews::of_call(db, call_id)
        .await?
        .iter()
        .filter_map(|row| row.review.submitted_at)
        .min())
}

fn first_ranking(ideas: &[Uuid], selected: &[Uuid], scored: &[ScoredReview], rubric: &Rubric) -> FirstRanking {
    let ranking = domain::ranking::rank(ideas, rubric.criteria().len(), scored, &RankingRules::default());
    let top = selected.len() as u32;
    let in_top = |rank: Option<u32>| rank.is_some_and(|r| r <= top);
    let mut moved = 0;
    let mut largest_move = 0;
    let mut selected_in_raw_top = 0;
    let mut selected_in_calibrated_top = 0;
    let mut top_changes = 0;
    for result in &ranking.ideas {
        if let (Some(raw), Some(calibrated)) = (result.raw_rank, result.calibrated_rank) {
            if raw != calibrated {
                moved += 1;
            }
            largest_move = largest_move.max(raw.abs_diff(calibrated));
        }
        let is_selected = selected.contains(&result.idea_id);
        selected_in_raw_top += usize::from(is_selected && in_top(result.raw_rank));
        selected_in_calibrated_top += usize::from(is_selected && in_top(result.calibrated_rank));
        top_changes += usize::from(in_top(result.raw_rank) && !in_top(result.calibrated_rank));
    }
    FirstRanking {
        ideas: ideas.len(),
        moved,
        largest_move,
        selected: selected.len(),
        selected_in_raw_top,
        selected_in_calibrated_top,
        top_changes,
        alpha: ranking.agreement.alpha,
    }
}
