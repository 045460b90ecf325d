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
    /// `decide` while staff may record a decision on it: in review or reviewed, with at least one submitted
    /// review, and the call's decisions unpublished.
    pub allowed_actions: Vec<IdeaCommand>,
    /// The mean of its review totals, 0–100; null without reviews.
    pub raw_score: Option<f64>,
    /// Its competition rank ("1224") by raw score over the whole call; null without reviews.
    pub raw_rank: Option<u32>,
    /// Its estimated quality on the raw score's 0–100 scale: the mean of its review totals less each juror's
    /// offset (the additive model, offsets shrunk towards zero; held within 0–100); null without reviews.
    pub calibrated_score: Option<f64>,
    /// Its competition rank by calibrated score over the whole call; null without reviews.
    pub calibrated_rank: Option<u32>,
    /// The population standard deviation of its review totals; null with fewer than two reviews.
    pub spread: Option<f64>,
    /// How many reviews count in its scores.
    pub review_count: usize,
    /// Whether the spread is above the call's threshold: to discuss.
    pub disagreement: bool,
    /// Whether its raw and calibrated ranks lie far apart (at least `rules.rankShiftPlaces`): the jurors it drew
    /// moved it sharply, worth a look before deciding.
    pub rank_shift: bool,
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
    /// The same alpha over the calibrated totals (each total less its juror's offset): how far the jury agrees
    /// once strictness is taken out; null likewise.
    pub calibrated_alpha: Option<f64>,
    /// Kendall's tau-b between the raw and the calibrated scores of the ideas with reviews (1: calibration
    /// changes no order); null with fewer than two such ideas or a constant score.
    pub rank_correlation: Option<f64>,
    /// Ideas with at least two reviews.
    pub units: usize,
    /// The reviews of those ideas.
    pub pairable_values: usize,
    /// Alpha per criterion, in rubric order.
    pub by_criterion: Vec<RankingCriterionAgreement>,
}

/// How one reviewer scored across the call, and their estimated offset.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ReviewerStrictness {
    /// The reviewer's account id.
    pub reviewer_id: Uuid,
    /// The reviewer's name.
    pub display_name: String,
    /// The reviewer's organisation, if they are on the roster.
    pub organisation: Option<Organisation>,
    /// The mean of their review totals (0–100). Not their leniency: it also reflects the ideas they drew.
    pub mean: f64,
    /// The population standard deviation of their review totals.
    pub spread: f64,
    /// How many of their reviews count.
    pub review_count: usize,
    /// Their estimated offset in points of 0–100, from the ideas they share with other jurors: positive when
    /// lenient, negative when strict, shrunk towards 0 the fewer their reviews. Calibration subtracts it.
    pub offset: f64,
    /// The offset's standard error in points; null when the reviews leave nothing to measure it by (a juror
    /// whose ideas no other juror reviewed, or too few reviews in the call).
    pub offset_uncertainty: Option<f64>,
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

/// The graph of jurors and ideas linked by counted reviews.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RankingGraph {
    /// Separate groups of jurors and ideas (0 without reviews). More than one: jurors of different groups never
    /// met on an idea, so no calibration can compare them, and the calibrated scores of different groups are
    /// not comparable.
    pub groups: usize,
    /// Whether the graph is split (`groups` > 1): the ranking's warning.
    pub split: bool,
    /// Distinct pairs of jurors who reviewed at least one idea in common.
    pub juror_pairs: usize,
}

/// The settings the ranking was computed with.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RankingRules {
    /// λ: how strongly jurors' offsets are shrunk towards 0, as if each juror had also given this many reviews
    /// at exactly the idea's quality.
    pub offset_shrinkage: f64,
    /// How many places apart an idea's raw and calibrated ranks must be to flag it (`rankShift`): a share of
    /// the ranked ideas (10 % by default), never fewer than 3.
    pub rank_shift_places: u32,
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
    /// The jury graph: a split one is warned about.
    pub graph: RankingGraph,
    /// Each reviewer's figures and offset, by reviewer id.
    pub reviewers: Vec<ReviewerStrictness>,
    /// How far the review has come.
    pub progress: RankingProgress,
    /// The rubric's criteria, in order.
    pub criteria: Vec<RankingCriterion>,
    /// The settings used.
    pub rules: RankingRules,
}
