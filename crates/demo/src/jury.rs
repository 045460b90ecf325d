//! The demo's jury: twenty reviewers from the four organisations of the first call's jury (and reviewer@demo.example
//! enrolled for the municipality), a six-criterion rubric for each call, and the first two calls' assignments,
//! reviews and decisions, each through the use case staff or the reviewer would use, at the time it happened. A
//! score is an idea's latent quality plus its juror's strictness plus noise, drawn by the demo's fixed-seed
//! generator, so every run gives the same jury, and the ranking's raw and calibrated orders visibly differ.

use std::collections::{BTreeMap, HashMap};

use anyhow::{Context, anyhow, bail};
use app::Actor;
use app::accounts::Registration;
use app::assignments::AssignInput;
use app::reviewers::NewReviewer;
use app::reviews::ReviewInput;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use db::Db;
use db::entities::idea;
use domain::assignment::{PlanIdea, PlanRequest, PlanReviewer, Rule};
use domain::call::CallPhase;
use domain::idea::{Domain, IdeaState};
use domain::ranking::{RankingRules, ScoredReview};
use domain::review::{DecisionOutcome, Recommendation};
use domain::reviewer::Organisation;
use domain::roles::{Role, Roles};
use domain::rubric::{Criterion, Rubric};
use uuid::Uuid;

use crate::calendar::{Dice, TEHRAN, between, date, office_day, office_time};
use crate::data::{Data, Jury};
use crate::ideas::{FIRST_REVIEW_CLOSES, FIRST_REVIEW_OPENS, SeededCall};

// ---------------------------------------------------------------------------------------------------------
// The jurors

/// The jurors' e-mail address: juror01@demo.example and so on.
pub fn juror_email(number: usize) -> String {
    format!("juror{number:02}@demo.example")
}

/// reviewer@demo.example sits on the jury for the municipality, from before the second call's review.
const DEMO_REVIEWER_ORGANISATION: Organisation = Organisation::Municipality;
pub(crate) const DEMO_REVIEWER_EXPERTISE: &[Domain] = &[Domain::Cultural, Domain::Tourism, Domain::UrbanServices];
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

const SCALE_MIN: i32 = 1;
const SCALE_MAX: i32 = 10;

fn rubric(jury: &Jury) -> anyhow::Result<Rubric> {
    let criteria = jury
        .criteria
        .iter()
        .map(|criterion| Criterion {
            key: criterion.key.clone(),
            label_fa: criterion.label.fa.clone(),
            label_en: Some(criterion.label.en.clone()),
            guidance_fa: Some(criterion.guidance.fa.clone()),
            guidance_en: Some(criterion.guidance.en.clone()),
            weight: criterion.weight,
            scale_min: SCALE_MIN,
            scale_max: SCALE_MAX,
        })
        .collect();
    Rubric::new(criteria).map_err(|errors| anyhow!("the demo rubric is invalid: {errors:?}"))
}

// ---------------------------------------------------------------------------------------------------------
// What reviewers and staff write

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
fn scores(dice: &mut Dice, rubric: &Rubric, merit: &Merit, juror: &Member) -> BTreeMap<String, i32> {
    let middle = f64::from(SCALE_MIN + SCALE_MAX) / 2.0;
    rubric
        .criteria()
        .iter()
        .zip(merit.0)
        .map(|(criterion, value)| {
            let key = &criterion.key;
            let seen = middle + juror.boldness * (value - middle) + juror.bias + 0.8 * noise(dice);
            let score = (seen.round() as i32).clamp(SCALE_MIN, SCALE_MAX);
            (key.to_owned(), score)
        })
        .collect()
}

fn review_input(dice: &mut Dice, jury: &Jury, scores: BTreeMap<String, i32>, total: f64) -> ReviewInput {
    let band = band(total);
    ReviewInput {
        scores,
        comment_to_staff: Some(dice.pick(&jury.to_staff[band]).to_owned()),
        comment_to_submitter: Some(dice.pick(&jury.to_submitter[band]).to_owned()),
        recommendation: Some(recommendation(total)),
    }
}

// ---------------------------------------------------------------------------------------------------------
// Writing it, through the use cases

/// The demo accounts the jury refers to.
pub struct JuryAccounts {
    pub staff: Actor,
    /// reviewer@demo.example
    pub reviewer: Actor,
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
    /// How many jurors were enrolled besides reviewer@demo.example.
    pub jurors: usize,
    pub reviewers: BTreeMap<Organisation, usize>,
    pub calls: Vec<CallJury>,
    pub first: FirstRanking,
}

/// A juror on the roster.
struct Member {
    actor: Actor,
    organisation: Organisation,
    expertise: Vec<Domain>,
    max_load: i32,
    bias: f64,
    boldness: f64,
}

/// Staff enrol the jurors (who set the demo password with their link) and reviewer@demo.example, set each
/// call's rubric, and take the first two calls' shortlisted ideas through review and, for the first, decisions.
pub async fn seed(
    db: &Db,
    data: &'static Data,
    accounts: &JuryAccounts,
    calls: &[SeededCall],
    password_hash: &str,
    now: DateTime<Utc>,
) -> anyhow::Result<SeededJury> {
    let jury = &data.jury;
    let staff = &accounts.staff;
    let mut dice = Dice(0x1399_1208);
    let rubric = rubric(jury)?;
    let first = call_in(calls, CallPhase::Decided)?;
    let second = call_in(calls, CallPhase::InReview)?;
    let third = call_in(calls, CallPhase::Open)?;
    let [first_call, second_call, third_call] = [first, second, third].map(|call| app::calls::find(db, call.id));
    let (first_call, second_call, third_call) = (first_call.await?, second_call.await?, third_call.await?);

    let mut jurors = enrol_jurors(db, jury, staff, password_hash).await?;
    let second_review_day = office_day(second_call.review_opens_at);
    let enrolled = office_time(second_review_day - Duration::days(5), 10 * 60);
    let account = db::users::find_by_id(db, accounts.reviewer.user_id)
        .await?
        .context("reviewer@demo.example")?;
    let demo_reviewer = NewReviewer {
        account: Registration {
            email: account.email,
            display_name: Some(account.display_name),
            locale: None,
        },
        organisation: DEMO_REVIEWER_ORGANISATION,
        expertise: DEMO_REVIEWER_EXPERTISE.to_vec(),
        max_load: 12,
        link: crate::mailed_link(),
    };
    app::reviewers::enrol(db, staff, demo_reviewer, enrolled).await?;
    let demo_reviewer = Member {
        actor: Actor::new(accounts.reviewer.user_id, Roles::new([Role::Reviewer])),
        organisation: DEMO_REVIEWER_ORGANISATION,
        expertise: DEMO_REVIEWER_EXPERTISE.to_vec(),
        max_load: 12,
        bias: 0.0,
        boldness: 1.0,
    };
    let mut reviewers: BTreeMap<Organisation, usize> = BTreeMap::new();
    for member in jurors.iter().chain([&demo_reviewer]) {
        *reviewers.entry(member.organisation).or_insert(0) += 1;
    }

    let rubric_set = [
        (first_call.id, office_time(FIRST_RUBRIC, 10 * 60 + 15)),
        (
            second_call.id,
            office_time(second_review_day - Duration::days(3), 11 * 60),
        ),
        (
            third_call.id,
            office_time(office_day(third_call.opens_at) - Duration::days(2), 12 * 60 + 30),
        ),
    ];
    for (call_id, at) in rubric_set {
        app::rubrics::replace(db, staff, call_id, rubric.criteria().to_vec(), None, at).await?;
    }

    let mut writer = Writer {
        db,
        dice: &mut dice,
        jury,
        rubric: &rubric,
        staff,
    };
    let (first_jury, ranking) = writer.first_call(&first_call, first, &jurors).await?;
    jurors.push(demo_reviewer);
    let second_jury = writer.second_call(&second_call, second, &jurors, now).await?;
    let third_jury = CallJury {
        title: third.title.clone(),
        assignments: 0,
        submitted: 0,
        drafts: 0,
    };
    Ok(SeededJury {
        jurors: jury.jurors.len(),
        reviewers,
        calls: vec![first_jury, second_jury, third_jury],
        first: ranking,
    })
}

fn call_in(calls: &[SeededCall], phase: CallPhase) -> anyhow::Result<&SeededCall> {
    calls
        .iter()
        .find(|call| call.phase == phase)
        .with_context(|| format!("the demo call in phase {phase}"))
}

/// Staff enrol each juror, which makes their account and issues a set-password link; the juror sets the demo
/// password with it a few minutes later.
async fn enrol_jurors(db: &Db, jury: &Jury, staff: &Actor, password_hash: &str) -> anyhow::Result<Vec<Member>> {
    let mut members = Vec::with_capacity(jury.jurors.len() + 1);
    for (index, juror) in jury.jurors.iter().enumerate() {
        let at = office_time(JURY_ENROLLED, 10 * 60 + 7 * index as i64);
        let link = crate::mailed_link();
        let link_hash = link.hash.clone();
        let new = NewReviewer {
            account: Registration {
                email: juror_email(index + 1),
                display_name: Some(juror.name.clone()),
                locale: Some(juror.locale),
            },
            organisation: juror.organisation,
            expertise: juror.expertise.clone(),
            max_load: juror.max_load,
            link,
        };
        let enrolment = app::reviewers::enrol(db, staff, new, at).await?;
        let user_id = enrolment.reviewer.reviewer.user_id;
        app::accounts::set_password(db, &link_hash, password_hash.to_owned(), at + Duration::minutes(4)).await?;
        members.push(Member {
            actor: Actor::new(user_id, Roles::new([Role::Reviewer])),
            organisation: juror.organisation,
            expertise: juror.expertise.clone(),
            max_load: juror.max_load,
            bias: juror.bias,
            boldness: juror.boldness,
        });
    }
    Ok(members)
}

/// The ideas staff shortlisted in a call, with where each is headed, in the order they came in.
async fn shortlisted(db: &Db, call: &SeededCall) -> anyhow::Result<Vec<(idea::Model, IdeaState)>> {
    let mut ideas = Vec::with_capacity(call.shortlisted.len());
    for &(id, headed) in &call.shortlisted {
        let idea = db::ideas::find_by_id(db, id)
            .await?
            .context("a shortlisted demo idea")?;
        ideas.push((idea, headed));
    }
    ideas.sort_by_key(|(idea, _)| (idea.created_at, idea.id));
    Ok(ideas)
}

/// A review to write: who, when, and whether it is submitted or a draft.
struct Planned {
    reviewer: usize,
    at: DateTime<Utc>,
    submit: bool,
}

struct Writer<'a> {
    db: &'a Db,
    dice: &'a mut Dice,
    jury: &'a Jury,
    rubric: &'a Rubric,
    staff: &'a Actor,
}

impl Writer<'_> {
    /// Gives each idea its reviewers by the assignment planner, as staff's auto-assignment would, and assigns
    /// them one by one, as staff would by hand; returns each idea's reviewers (indices into `members`).
    async fn assign(
        &mut self,
        call: &app::calls::Call,
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
                    id: m.actor.user_id,
                    organisation: m.organisation,
                    expertise: m.expertise.clone(),
                    // Those assigned by hand take no more.
                    capacity: if load > 0 { load } else { m.max_load as u32 },
                    load,
                })
                .collect(),
            ideas: ideas
                .iter()
                .map(|idea| PlanIdea {
                    id: idea.id,
                    domain: *idea.domain,
                    submitter_id: idea.submitter_id,
                    conflicted: Vec::new(),
                    assigned: already
                        .get(&idea.id)
                        .map(|rs| rs.iter().map(|&r| members[r].actor.user_id).collect())
                        .unwrap_or_default(),
                })
                .collect(),
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
        let index_of: HashMap<Uuid, usize> = members.iter().enumerate().map(|(i, m)| (m.actor.user_id, i)).collect();
        let mut given: HashMap<Uuid, Vec<usize>> = already.clone();
        for new in &plan.assignments {
            let r = *index_of.get(&new.reviewer_id).context("a planned reviewer")?;
            given.entry(new.idea_id).or_default().push(r);
        }
        let mut per_idea = Vec::with_capacity(ideas.len());
        let mut second = 0;
        for idea in ideas {
            let reviewers = given.remove(&idea.id).unwrap_or_default();
            for &r in &reviewers {
                let input = AssignInput {
                    idea_id: idea.id,
                    reviewer_id: members[r].actor.user_id,
                    due_on: None,
                    time_zone: TEHRAN,
                };
                app::assignments::assign(self.db, self.staff, call.id, input, at + Duration::seconds(second)).await?;
                second += 1;
            }
            per_idea.push(reviewers);
        }
        Ok(per_idea)
    }

    /// Writes an idea's reviews (submitted or drafts) as their reviewers would; the scores of the submitted
    /// ones for the ranking. The last one submitted makes the idea reviewed.
    async fn review(
        &mut self,
        idea: &idea::Model,
        merit: &Merit,
        members: &[Member],
        mut planned: Vec<Planned>,
    ) -> anyhow::Result<Vec<ScoredReview>> {
        planned.sort_by_key(|p| p.at);
        let mut scored = Vec::new();
        for p in &planned {
            let member = &members[p.reviewer];
            let scores = scores(self.dice, self.rubric, merit, member);
            let total = self.rubric.total(&scores).context("a demo review's total")?;
            let criteria = self
                .rubric
                .criteria()
                .iter()
                .map(|c| scores.get(&c.key).map_or(f64::NAN, |&s| f64::from(s)))
                .collect();
            let input = review_input(self.dice, self.jury, scores, total);
            if !p.submit {
                app::reviews::save(self.db, &member.actor, idea.id, input, p.at).await?;
                continue;
            }
            app::reviews::submit(self.db, &member.actor, idea.id, input, p.at).await?;
            scored.push(ScoredReview {
                idea_id: idea.id,
                reviewer_id: member.actor.user_id,
                total,
                criteria,
            });
        }
        Ok(scored)
    }

    /// The first call, decided and published: every idea that reached the jury reviewed by three jurors, and
    /// staff's decisions, published, as planned for each idea.
    async fn first_call(
        &mut self,
        call: &app::calls::Call,
        seeded: &SeededCall,
        members: &[Member],
    ) -> anyhow::Result<(CallJury, FirstRanking)> {
        let headed = shortlisted(self.db, seeded).await?;
        let ideas: Vec<idea::Model> = headed.iter().map(|(idea, _)| idea.clone()).collect();
        let assigned_at = office_time(FIRST_REVIEW_OPENS, 9 * 60 + 40);
        let per_idea = self.assign(call, &ideas, members, &HashMap::new(), assigned_at).await?;
        let published_at = seeded
            .decisions_published_at
            .context("the first demo call's publication")?;
        let window_days = (FIRST_REVIEW_CLOSES - FIRST_REVIEW_OPENS).num_days();

        let mut scored = Vec::new();
        let mut selected = Vec::new();
        let mut decisions = Vec::with_capacity(ideas.len());
        let mut assignments = 0;
        for ((idea, headed), reviewers) in headed.iter().zip(&per_idea) {
            let outcome = match headed {
                IdeaState::Selected => {
                    selected.push(idea.id);
                    DecisionOutcome::Selected
                }
                IdeaState::NotSelected => DecisionOutcome::NotSelected,
                other => return Err(anyhow!("a first-call idea headed for {other}")),
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
            assignments += reviewers.len();
            scored.extend(self.review(idea, &merit, members, planned).await?);
            decisions.push((idea, outcome));
        }

        let jury = self.jury;
        for (idea, outcome) in &decisions {
            let day = FIRST_DECIDING + Duration::days(self.dice.below(DECIDING_DAYS) as i64);
            let at = office_time(day, 9 * 60 + self.dice.below(6 * 60) as i64);
            let note = match outcome {
                DecisionOutcome::Selected => self.dice.pick(&jury.selected_notes),
                DecisionOutcome::NotSelected => self.dice.pick(&jury.not_selected_notes),
            };
            app::decisions::decide(self.db, self.staff, idea.id, *outcome, Some(note.to_owned()), at).await?;
        }
        app::decisions::publish(self.db, self.staff, call.id, published_at).await?;

        let summary = CallJury {
            title: seeded.title.clone(),
            assignments,
            submitted: scored.len(),
            drafts: 0,
        };
        Ok((summary, first_ranking(&ideas, &selected, &scored, self.rubric)))
    }

    /// The second call, in review now: reviewed ideas with all three reviews, ideas in review with some,
    /// reviewer@demo.example (the last of `members`) with ideas to score, and the shortlisted ideas left for
    /// staff to assign.
    async fn second_call(
        &mut self,
        call: &app::calls::Call,
        seeded: &SeededCall,
        members: &[Member],
        now: DateTime<Utc>,
    ) -> anyhow::Result<CallJury> {
        let demo = members.len() - 1;
        let headed: Vec<(idea::Model, IdeaState)> = shortlisted(self.db, seeded)
            .await?
            .into_iter()
            .filter(|(_, state)| matches!(state, IdeaState::InReview | IdeaState::Reviewed))
            .collect();
        let ideas: Vec<idea::Model> = headed.iter().map(|(idea, _)| idea.clone()).collect();
        let mut already: HashMap<Uuid, Vec<usize>> = HashMap::new();
        let in_review = |(_, state): &&(idea::Model, IdeaState)| *state == IdeaState::InReview;
        let fits = |(idea, _): &&(idea::Model, IdeaState)| DEMO_REVIEWER_EXPERTISE.contains(&*idea.domain);
        let mut picks: Vec<&(idea::Model, IdeaState)> = headed.iter().filter(in_review).filter(fits).collect();
        // Ideas outside their expertise only when too few fit.
        picks.extend(headed.iter().filter(in_review).filter(|i| !fits(i)));
        for (idea, _) in picks.into_iter().take(DEMO_REVIEWER_IDEAS) {
            already.insert(idea.id, vec![demo]);
        }

        let review_day = office_day(call.review_opens_at);
        let assigned_at = office_time(review_day, 9 * 60 + 40);
        let per_idea = self.assign(call, &ideas, members, &already, assigned_at).await?;
        let from = assigned_at + Duration::hours(3);
        let until = now - Duration::minutes(30);

        let mut submitted = 0;
        let mut drafts = 0;
        let mut assignments = 0;
        for ((idea, headed), reviewers) in headed.iter().zip(&per_idea) {
            let quality = uniform(self.dice, 3.5, 8.2);
            let merit = merit(self.dice, idea, quality);
            let reviewed = *headed == IdeaState::Reviewed;
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
            assignments += reviewers.len();
            submitted += planned.iter().filter(|p| p.submit).count();
            drafts += planned.iter().filter(|p| !p.submit).count();
            self.review(idea, &merit, members, planned).await?;
        }
        Ok(CallJury {
            title: seeded.title.clone(),
            assignments,
            submitted,
            drafts,
        })
    }
}

fn first_ranking(ideas: &[idea::Model], selected: &[Uuid], scored: &[ScoredReview], rubric: &Rubric) -> FirstRanking {
    let ids: Vec<Uuid> = ideas.iter().map(|idea| idea.id).collect();
    let ranking = domain::ranking::rank(&ids, rubric.criteria().len(), scored, &RankingRules::default());
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
