//! A call's ranking for staff: raw and calibrated scores and ranks from the submitted reviews
//! (`domain::ranking`), the jury's agreement and strictness, and the whole ranking as CSV or XLSX.

pub mod dto;
mod export;
mod show;

use std::cmp::Ordering;
use std::collections::HashMap;

use domain::idea::IdeaState;
use domain::ranking::ScoredReview;
use domain::review::{AssignmentState, DecisionOutcome};
use domain::reviewer::Organisation;
use sea_orm::ConnectionTrait;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::error::{ApiError, ApiResult};
use crate::routes::text::ShortText;
use dto::{
    RankedIdeaView, RankingAgreement, RankingCriterion, RankingCriterionAgreement, RankingCriterionMean,
    RankingProgress, RankingRules, RankingSort, ReviewerStrictness,
};

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(show::show_ranking).service(export::export_ranking);
}

/// The whole ranking of a call, every idea in it, before paging.
pub struct FullRanking {
    pub items: Vec<RankedIdeaView>,
    pub agreement: RankingAgreement,
    pub reviewers: Vec<ReviewerStrictness>,
    pub progress: RankingProgress,
    pub criteria: Vec<RankingCriterion>,
    pub rules: RankingRules,
}

/// Computes a call's ranking, ordered by `sort`. 404 without the call, 409 `rubric_missing` without a
/// rubric. Reads a fixed number of statements whatever the size of the call (see `db::ranking::load`).
pub async fn compute(
    db: &impl ConnectionTrait,
    rules: &domain::ranking::RankingRules,
    call_id: Uuid,
    sort: RankingSort,
) -> ApiResult<FullRanking> {
    let inputs = match db::ranking::load(db, call_id).await? {
        db::ranking::Loaded::NoCall => return Err(ApiError::not_found()),
        db::ranking::Loaded::NoRubric(_) => return Err(crate::routes::rubrics::missing()),
        db::ranking::Loaded::Ready(inputs) => *inputs,
    };
    let rubric = db::rubrics::rubric_of(&inputs.rubric)?;
    let criteria = rubric.criteria();

    let idea_ids: Vec<Uuid> = inputs.ideas.iter().map(|idea| idea.id).collect();
    let ranked: std::collections::HashSet<Uuid> = idea_ids.iter().copied().collect();
    let mut scored = Vec::with_capacity(inputs.reviews.len());
    let mut to_rescore = 0;
    let mut names: HashMap<Uuid, (String, Option<String>)> = HashMap::new();
    for row in &inputs.reviews {
        let review = &row.review;
        if !ranked.contains(&review.idea_id) {
            continue;
        }
        let scores = db::reviews::scores_from_stored(&review.scores)?;
        // A review scored before staff reopened and changed the rubric has no total under it.
        let Some(total) = rubric.total(&scores) else {
            to_rescore += 1;
            continue;
        };
        names
            .entry(review.reviewer_id)
            .or_insert_with(|| (row.reviewer_name.clone(), row.reviewer_organisation.clone()));
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

    let mut items = Vec::with_capacity(inputs.ideas.len());
    for (idea, result) in inputs.ideas.into_iter().zip(ranking.ideas) {
        items.push(RankedIdeaView {
            idea_id: idea.id,
            title: idea.title,
            state: idea.state.parse::<IdeaState>().map_err(ApiError::internal)?,
            decision: idea
                .decision
                .as_deref()
                .map(str::parse::<DecisionOutcome>)
                .transpose()
                .map_err(ApiError::internal)?,
            raw_score: result.raw_score,
            raw_rank: result.raw_rank,
            calibrated_score: result.calibrated_score,
            calibrated_rank: result.calibrated_rank,
            spread: result.spread,
            review_count: result.review_count,
            disagreement: result.disagreement,
            criterion_means: criteria
                .iter()
                .zip(result.criterion_means)
                .map(|(c, mean)| RankingCriterionMean {
                    key: c.key.clone(),
                    mean,
                })
                .collect(),
        });
    }
    sort_items(&mut items, sort);

    let reviewers = ranking
        .reviewers
        .into_iter()
        .map(|r| {
            let (display_name, organisation) = names.get(&r.reviewer_id).cloned().unwrap_or_default();
            Ok(ReviewerStrictness {
                reviewer_id: r.reviewer_id,
                display_name,
                organisation: organisation
                    .as_deref()
                    .map(str::parse::<Organisation>)
                    .transpose()
                    .map_err(ApiError::internal)?,
                mean: r.mean,
                spread: r.spread,
                review_count: r.review_count,
                calibrated_alone: r.calibrated_alone,
            })
        })
        .collect::<ApiResult<Vec<_>>>()?;

    let count_of = |state: AssignmentState| -> u64 {
        inputs
            .assignments
            .iter()
            .filter(|(s, _)| s == state.as_str())
            .map(|(_, n)| u64::try_from(*n).unwrap_or(0))
            .sum()
    };
    let (submitted, pending) = (count_of(AssignmentState::Submitted), count_of(AssignmentState::Pending));
    let progress = RankingProgress {
        ideas: items.len(),
        assignments: submitted + pending,
        submitted,
        pending,
        reviews_to_rescore: to_rescore,
    };

    let agreement = RankingAgreement {
        alpha: ranking.agreement.alpha,
        units: ranking.agreement.units,
        pairable_values: ranking.agreement.pairable_values,
        by_criterion: criteria
            .iter()
            .zip(ranking.agreement.by_criterion)
            .map(|(c, alpha)| RankingCriterionAgreement {
                key: c.key.clone(),
                alpha,
            })
            .collect(),
    };
    let criteria = criteria
        .iter()
        .map(|c| RankingCriterion {
            key: c.key.clone(),
            label: ShortText::from_parts(c.label_fa.clone(), c.label_en.clone()),
            weight: c.weight,
            scale_min: c.scale_min,
            scale_max: c.scale_max,
        })
        .collect();
    Ok(FullRanking {
        items,
        agreement,
        reviewers,
        progress,
        criteria,
        rules: RankingRules {
            min_reviews_for_calibration: rules.min_reviews_for_calibration,
            disagreement_spread: rules.disagreement_spread,
        },
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

/// Orders the ranking: by the key asked for, ideas without it last, then by the other rank, then by title
/// and id so that the order is stable.
pub fn sort_items(items: &mut [RankedIdeaView], sort: RankingSort) {
    use RankingSort::*;
    items.sort_by(|a, b| {
        let title = || a.title.cmp(&b.title).then(a.idea_id.cmp(&b.idea_id));
        match sort {
            Calibrated | CalibratedDesc => {
                let desc = sort == CalibratedDesc;
                by(a.calibrated_rank, b.calibrated_rank, desc)
                    .then_with(|| by(a.raw_rank, b.raw_rank, desc))
                    .then_with(title)
            }
            Raw | RawDesc => {
                let desc = sort == RawDesc;
                by(a.raw_rank, b.raw_rank, desc)
                    .then_with(|| by(a.calibrated_rank, b.calibrated_rank, desc))
                    .then_with(title)
            }
            Spread | SpreadDesc => by(a.spread, b.spread, sort == SpreadDesc)
                .then_with(|| by(a.calibrated_rank, b.calibrated_rank, false))
                .then_with(title),
            Title => title(),
            TitleDesc => b.title.cmp(&a.title).then(a.idea_id.cmp(&b.idea_id)),
        }
    });
}
