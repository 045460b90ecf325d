//! A call's ranking for staff: raw and calibrated scores and ranks from the submitted reviews, the jury's
//! agreement, graph and offsets, and the whole ranking as CSV or XLSX. The use case is `app::ranking`.

pub mod dto;
mod export;
mod show;

use utoipa_actix_web::service_config::ServiceConfig;

use crate::routes::text::ShortText;
use dto::{
    RankedIdeaView, RankingAgreement, RankingCriterion, RankingCriterionAgreement, RankingCriterionMean, RankingGraph,
    RankingProgress, RankingRules, ReviewerStrictness,
};

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(show::show_ranking).service(export::export_ranking);
}

/// The whole ranking of a call, every idea in it, before paging, as the views show it.
pub struct FullRanking {
    pub items: Vec<RankedIdeaView>,
    pub agreement: RankingAgreement,
    pub graph: RankingGraph,
    pub reviewers: Vec<ReviewerStrictness>,
    pub progress: RankingProgress,
    pub criteria: Vec<RankingCriterion>,
    pub rules: RankingRules,
}

impl From<app::ranking::Ranking> for FullRanking {
    fn from(ranking: app::ranking::Ranking) -> Self {
        let keys: Vec<&str> = ranking.criteria.iter().map(|c| c.key.as_str()).collect();
        let ranked = ranking
            .items
            .iter()
            .filter(|item| item.result.raw_rank.is_some())
            .count();
        let items = ranking
            .items
            .into_iter()
            .map(|item| RankedIdeaView {
                idea_id: item.result.idea_id,
                title: item.title,
                state: item.state,
                decision: item.decision,
                allowed_actions: item.allowed_actions,
                raw_score: item.result.raw_score,
                raw_rank: item.result.raw_rank,
                calibrated_score: item.result.calibrated_score,
                calibrated_rank: item.result.calibrated_rank,
                spread: item.result.spread,
                review_count: item.result.review_count,
                disagreement: item.result.disagreement,
                rank_shift: item.result.rank_shift,
                criterion_means: keys
                    .iter()
                    .zip(item.result.criterion_means)
                    .map(|(key, mean)| RankingCriterionMean {
                        key: (*key).to_owned(),
                        mean,
                    })
                    .collect(),
            })
            .collect();
        let reviewers = ranking
            .reviewers
            .into_iter()
            .map(|r| ReviewerStrictness {
                reviewer_id: r.result.reviewer_id,
                display_name: r.display_name,
                organisation: r.organisation,
                mean: r.result.mean,
                spread: r.result.spread,
                review_count: r.result.review_count,
                offset: r.result.offset,
                offset_uncertainty: r.result.offset_uncertainty,
            })
            .collect();
        let progress = ranking.progress;
        let agreement = RankingAgreement {
            alpha: ranking.agreement.alpha,
            calibrated_alpha: ranking.agreement.calibrated_alpha,
            rank_correlation: ranking.agreement.rank_correlation,
            units: ranking.agreement.units,
            pairable_values: ranking.agreement.pairable_values,
            by_criterion: keys
                .iter()
                .zip(ranking.agreement.by_criterion)
                .map(|(key, alpha)| RankingCriterionAgreement {
                    key: (*key).to_owned(),
                    alpha,
                })
                .collect(),
        };
        let criteria = ranking
            .criteria
            .iter()
            .map(|c| RankingCriterion {
                key: c.key.clone(),
                label: ShortText::from_parts(c.label_fa.clone(), c.label_en.clone()),
                weight: c.weight,
                scale_min: c.scale_min,
                scale_max: c.scale_max,
            })
            .collect();
        let graph = RankingGraph {
            groups: ranking.graph.groups,
            split: ranking.graph.groups > 1,
            juror_pairs: ranking.graph.juror_pairs,
        };
        FullRanking {
            items,
            agreement,
            graph,
            reviewers,
            progress: RankingProgress {
                ideas: progress.ideas,
                assignments: progress.assignments,
                submitted: progress.submitted,
                pending: progress.pending,
                reviews_to_rescore: progress.reviews_to_rescore,
            },
            criteria,
            rules: RankingRules {
                offset_shrinkage: ranking.rules.offset_shrinkage,
                rank_shift_places: ranking.rules.rank_shift_places(ranked),
                disagreement_spread: ranking.rules.disagreement_spread,
            },
        }
    }
}
