//! A call's ranking for staff: raw and calibrated scores and ranks from the submitted reviews
//! (`domain::ranking`), the jury's agreement, graph and offsets, and the review's progress, in the order asked
//! for.

use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};

use domain::idea::{IdeaCommand, IdeaState};
use domain::ranking::{Agreement, IdeaResult, RankingRules, ReviewerResult, ScoredReview};
use domain::review::{AssignmentState, DecisionOutcome, may_decide};
use domain::reviewer::Organisation;
use domain::rubric::Criterion;
use serde::Deserialize;
use uuid::Uuid;

use crate::calls::ensure_staff;
use crate::error::{Error, Result};
use crate::{Actor, Db};

/// The order of the ranking; `-` in front sorts descending. `calibrated` (the default): by calibrated rank, then
/// raw rank, then title; `raw`: by raw rank, then calibrated rank; `spread`: by spread (`-spread`: the most
/// disputed first); `title`. Ideas without a score come last either way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum RankingSort {
    /// By calibrated rank (best first), then raw rank, then title: the default.
    #[default]
    #[serde(rename = "calibrated")]
    Calibrated,
    #[serde(rename = "-calibrated")]
    CalibratedDesc,
    /// By raw rank (best first), then calibrated rank, then title.
    #[serde(rename = "raw")]
    Raw,
    #[serde(rename = "-raw")]
    RawDesc,
    /// By spread, smallest first; `-spread` puts the most disputed first.
    #[serde(rename = "spread")]
    Spread,
    #[serde(rename = "-spread")]
    SpreadDesc,
    /// By title.
    #[serde(rename = "title")]
    Title,
    #[serde(rename = "-title")]
    TitleDesc,
}

/// One idea's place in the ranking.
#[derive(Debug, Clone)]
pub struct RankedIdea {
    pub title: String,
    pub state: IdeaState,
    /// The outcome staff decided (pending or published); None when undecided.
    pub decision: Option<DecisionOutcome>,
    /// `decide` while staff may still record a decision on it.
    pub allowed_actions: Vec<IdeaCommand>,
    /// Its scores and ranks over the whole call; `criterion_means` in rubric order.
    pub result: IdeaResult,
}

/// How one reviewer scored across the call, and their offset.
#[derive(Debug, Clone)]
pub struct Strictness {
    pub result: ReviewerResult,
    pub display_name: String,
    pub organisation: Option<Organisation>,
}

/// How far the review of the call has come.
#[derive(Debug, Clone, Copy)]
pub struct Progress {
    /// Ideas that reached the jury.
    pub ideas: usize,
    /// Assignments that count (not declined).
    pub assignments: u64,
    pub submitted: u64,
    pub pending: u64,
    /// Submitted reviews that no longer fit the rubric and are left out until rescored.
    pub reviews_to_rescore: usize,
}

/// The whole ranking of a call, every idea in it, ordered as asked.
#[derive(Debug, Clone)]
pub struct Ranking {
    pub items: Vec<RankedIdea>,
    /// `by_criterion` in rubric order.
    pub agreement: Agreement,
    /// The jury graph of the counted reviews: more than one group and calibration cannot compare them.
    pub graph: domain::jury_graph::JuryGraph,
    pub reviewers: Vec<Strictness>,
    pub progress: Progress,
    /// The rubric's criteria, in order.
    pub criteria: Vec<Criterion>,
    pub rules: RankingRules,
}

/// The ranking for staff's spreadsheet (`file`: like `ranking.xlsx`), its download recorded in the audit trail.
pub async fn export(
    db: &Db,
    actor: &Actor,
    call_id: Uuid,
    rules: &RankingRules,
    sort: RankingSort,
    file: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Ranking> {
    let ranking = compute(db, actor, call_id, rules, sort).await?;
    crate::calls::record_export(db, actor, call_id, file, now).await?;
    Ok(ranking)
}

/// Computes a call's ranking (staff), ordered by `sort`. 404 without the call, 409 `rubric_missing`
/// without a rubric. Reads a fixed number of statements whatever the size of the call (`db::ranking::load`).
pub async fn compute(
    db: &Db,
    actor: &Actor,
    call_id: Uuid,
    rules: &RankingRules,
    sort: RankingSort,
) -> Result<Ranking> {
    ensure_staff(actor)?;
    let inputs = match db::ranking::load(db, call_id).await? {
        db::ranking::Loaded::NoCall => return Err(Error::not_found()),
        db::ranking::Loaded::NoRubric(_) => return Err(crate::rubrics::missing()),
        db::ranking::Loaded::Ready(inputs) => *inputs,
    };
    let rubric = db::rubrics::rubric_of(&inputs.rubric);
    let criteria = rubric.criteria();

    let idea_ids: Vec<Uuid> = inputs.ideas.iter().map(|idea| idea.id).collect();
    // Any submitted review lets staff decide, one left out until rescored included (`decisions::decide`).
    let with_review: HashSet<Uuid> = inputs.reviews.iter().map(|row| row.review.idea_id).collect();
    let ranked: HashSet<Uuid> = idea_ids.iter().copied().collect();
    let mut scored = Vec::with_capacity(inputs.reviews.len());
    let mut to_rescore = 0;
    let mut names: HashMap<Uuid, (String, Option<Organisation>)> = HashMap::new();
    for row in &inputs.reviews {
        let review = &row.review;
        if !ranked.contains(&review.idea_id) {
            continue;
        }
        let scores = review.scores.0.clone();
        // A review scored before staff reopened and changed the rubric has no total under it.
        let Some(total) = rubric.total(&scores) else {
            to_rescore += 1;
            continue;
        };
        names
            .entry(review.reviewer_id)
            .or_insert_with(|| (row.reviewer_name.clone(), row.reviewer_organisation.map(|o| *o)));
        scored.push(ScoredReview {
            idea_id: review.idea_id,
            reviewer_id: review.reviewer_id,
            total,
            criteria: criteria
                .iter()
                .map(|c| scores.get(&c.key).map_or(f64::NAN, |s| f64::from(*s)))
                .collect(),
        });
    }
    let ranking = domain::ranking::rank(&idea_ids, criteria.len(), &scored, rules);

    let decided = inputs.call.decisions_published_at.is_some();
    let mut items: Vec<RankedIdea> = inputs
        .ideas
        .into_iter()
        .zip(ranking.ideas)
        .map(|(idea, result)| RankedIdea {
            title: idea.title,
            state: *idea.state,
            decision: idea.decision.map(|d| *d),
            allowed_actions: may_decide(*idea.state, decided, with_review.contains(&idea.id))
                .then_some(IdeaCommand::Decide)
                .into_iter()
                .collect(),
            result,
        })
        .collect();
    sort_items(&mut items, sort);

    let reviewers = ranking
        .reviewers
        .into_iter()
        .map(|result| {
            let (display_name, organisation) = names.get(&result.reviewer_id).cloned().unwrap_or_default();
            Ok(Strictness {
                result,
                display_name,
                organisation,
            })
        })
        .collect::<Result<Vec<_>>>()?;

    let count_of = |state: AssignmentState| -> u64 {
        inputs
            .assignments
            .iter()
            .filter(|(s, _)| *s == state)
            .map(|(_, n)| u64::try_from(*n).unwrap_or(0))
            .sum()
    };
    let (submitted, pending) = (count_of(AssignmentState::Submitted), count_of(AssignmentState::Pending));
    let progress = Progress {
        ideas: items.len(),
        assignments: submitted + pending,
        submitted,
        pending,
        reviews_to_rescore: to_rescore,
    };
    Ok(Ranking {
        items,
        agreement: ranking.agreement,
        graph: ranking.graph,
        reviewers,
        progress,
        criteria: rubric.into_criteria(),
        rules: *rules,
    })
}

/// Compares two optional keys, `descending` or not, with a missing key last either way.
fn by<T: PartialOrd>(a: Option<T>, b: Option<T>, descending: bool) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => {
            let order = a.partial_cmp(&b).unwrap_or(Ordering::Equal);
            if descending { order.reverse() } else { order }
        }
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// A spread rounded to a nanopoint: totals computed from weighted criteria differ in their last bits, and two
/// spreads that are the same on paper must tie (and fall to the next key) rather than order by rounding noise.
fn rounded(spread: f64) -> f64 {
    (spread / domain::ranking::TIE_TOLERANCE).round()
}

/// Orders the ranking: by the key asked for, ideas without it last, then by the other rank, then by title
/// and id so that the order is stable.
pub fn sort_items(items: &mut [RankedIdea], sort: RankingSort) {
    use RankingSort::*;
    items.sort_by(|a, b| {
        let (x, y) = (&a.result, &b.result);
        let title = || a.title.cmp(&b.title).then(x.idea_id.cmp(&y.idea_id));
        match sort {
            Calibrated | CalibratedDesc => {
                let desc = sort == CalibratedDesc;
                by(x.calibrated_rank, y.calibrated_rank, desc)
                    .then_with(|| by(x.raw_rank, y.raw_rank, desc))
                    .then_with(title)
            }
            Raw | RawDesc => {
                let desc = sort == RawDesc;
                by(x.raw_rank, y.raw_rank, desc)
                    .then_with(|| by(x.calibrated_rank, y.calibrated_rank, desc))
                    .then_with(title)
            }
            Spread | SpreadDesc => by(x.spread.map(rounded), y.spread.map(rounded), sort == SpreadDesc)
                .then_with(|| by(x.calibrated_rank, y.calibrated_rank, false))
                .then_with(title),
            Title => title(),
            TitleDesc => b.title.cmp(&a.title).then(x.idea_id.cmp(&y.idea_id)),
        }
    });
}
