//! The ranking on the wire: each idea's raw and calibrated place, the reviewers' strictness, the jury's
//! agreement and the review's progress. Nothing is rounded here: the SPA formats.

use domain::idea::{IdeaCommand, IdeaState};
use domain::review::DecisionOutcome;
use domain::reviewer::Organisation;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

use crate::routes::page::{Limit, Offset};
use crate::routes::text::ShortText;

pub use app::ranking::RankingSort;

#[derive(Debug, Deserialize, Validate, IntoParams)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct RankingQuery {
    /// Default `calibrated`.
    #[param(inline)]
    pub sort: Option<RankingSort>,
    /// Page size, 1 to 100; default 20. Ranks are over the whole call, whatever the page.
    pub limit: Option<Limit>,
    /// How many items to skip; default 0.
    pub offset: Option<Offset>,
}

#[derive(Debug, Deserialize, Validate, IntoParams)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct RankingExportQuery {
    /// `csv` (default) or `xlsx`.
    #[param(inline)]
    pub format: Option<crate::routes::spreadsheet::ExportFormat>,
    /// Default `calibrated`.
    #[param(inline)]
    pub sort: Option<RankingSort>,
}

/// One criterion's mean score for an idea.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RankingCriterionMean {
    /// The criterion's key.
    pub key: String,
    /// The mean of the idea's scores on it, on the criterion's own scale; null without reviews.
    pub mean: Option<f64>,
}

/// One idea's place in the ranking.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RankedIdeaView {
    /// The idea's id.
    pub idea_id: Uuid,
    /// The idea's title.
    pub title: String,
    /// The idea's state.
    pub state: IdeaState,
    /// The outcome staff decided (pending until published, or published); null when undecided.
    pub decision: Option<DecisionOutcome>,
    /// `decide` while staff may still record a decision on it (in review or reviewed, decisions unpublished).
    pub allowed_actions: Vec<IdeaCommand>,
    /// The mean of its review totals, 0–100; null without reviews.
    pub raw_score: Option<f64>,
    /// Its competition rank ("1224") by raw score over the whole call; null without reviews.
    pub raw_rank: Option<u32>,
    /// The mean of its reviews' z-scores against their reviewers' strictness; null without reviews.
    pub calibrated_score: Option<f64>,
    /// Its competition rank by calibrated score over the whole call; null without reviews.
    pub calibrated_rank: Option<u32>,
    /// The population standard deviation of its review totals; null with fewer than two reviews.
    pub spread: Option<f64>,
    /// How many reviews count in its scores.
    pub review_count: usize,
    /// Whether the spread is above the call's threshold: to discuss.
    pub disagreement: bool,
    /// Each criterion's mean score, in rubric order.
    pub criterion_means: Vec<RankingCriterionMean>,
}

/// One criterion's agreement.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RankingCriterionAgreement {
    /// The criterion's key.
    pub key: String,
    /// Krippendorff's alpha (interval) over the criterion's scores; null when it cannot be computed.
    pub alpha: Option<f64>,
}

/// How far the jury agrees.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RankingAgreement {
    /// Krippendorff's alpha (interval metric) over the review totals; null when it cannot be computed (fewer
    /// than two pairable values, or all equal).
    pub alpha: Option<f64>,
    /// Ideas with at least two reviews.
    pub units: usize,
    /// The reviews of those ideas.
    pub pairable_values: usize,
    /// Alpha per criterion, in rubric order.
    pub by_criterion: Vec<RankingCriterionAgreement>,
}

/// How one reviewer scored across the call.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ReviewerStrictness {
    /// The reviewer's account id.
    pub reviewer_id: Uuid,
    /// The reviewer's name.
    pub display_name: String,
    /// The reviewer's organisation, if they are on the roster.
    pub organisation: Option<Organisation>,
    /// The mean of their review totals (0–100): their leniency.
    pub mean: f64,
    /// The population standard deviation of their review totals.
    pub spread: f64,
    /// How many of their reviews count.
    pub review_count: usize,
    /// Whether they have enough reviews to be calibrated against their own mean and spread (else the jury's).
    pub calibrated_alone: bool,
}

/// How far the review of the call has come.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RankingProgress {
    /// Ideas that reached the jury.
    pub ideas: usize,
    /// Assignments that count (not declined).
    pub assignments: u64,
    /// Assignments whose review is submitted.
    pub submitted: u64,
    /// Assignments whose review is still awaited.
    pub pending: u64,
    /// Submitted reviews that no longer fit the rubric (it was reopened and changed) and are left out until
    /// their reviewers score them again.
    pub reviews_to_rescore: usize,
}

/// A criterion of the rubric, as the ranking's columns show it.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RankingCriterion {
    /// The criterion's key.
    pub key: String,
    /// The criterion's label.
    pub label: ShortText,
    /// Its weight in the total.
    pub weight: f64,
    /// The lowest score.
    pub scale_min: i32,
    /// The highest score.
    pub scale_max: i32,
}

/// The settings the ranking was computed with.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RankingRules {
    /// The fewest reviews a reviewer needs to be calibrated against themselves.
    pub min_reviews_for_calibration: usize,
    /// The spread (on 0–100) above which an idea is flagged for discussion.
    pub disagreement_spread: f64,
}

/// A call's ranking: one page of ideas (ranked over the whole call) and the call-wide figures.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RankingView {
    /// One page of the ideas, in the order asked for.
    pub items: Vec<RankedIdeaView>,
    /// How many ideas are ranked, over all pages.
    pub total: u64,
    /// The page size.
    pub limit: u32,
    /// How many ideas were skipped.
    pub offset: u32,
    /// How far the jury agrees.
    pub agreement: RankingAgreement,
    /// Each reviewer's strictness, by reviewer id.
    pub reviewers: Vec<ReviewerStrictness>,
    /// How far the review has come.
    pub progress: RankingProgress,
    /// The rubric's criteria, in order.
    pub criteria: Vec<RankingCriterion>,
    /// The settings used.
    pub rules: RankingRules,
}
