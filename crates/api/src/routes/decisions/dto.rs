//! Decisions on the wire: what staff decide per idea, the call's tally, publication, and the result its
//! submitter reads afterwards.

use chrono::{DateTime, Utc};
use domain::review::DecisionOutcome;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DecisionRequest {
    /// Selected or not selected.
    pub outcome: DecisionOutcome,
    /// Why, for staff: never shown to the submitter. Up to 2000 characters; blank is none.
    #[validate(length(max = 2000, code = "too_long"))]
    #[schema(max_length = 2000)]
    pub note: Option<String>,
}

/// One decision of a bulk request.
#[derive(Debug, Serialize, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BulkDecisionItem {
    /// The idea, in this call, in review or reviewed, with at least one submitted review.
    pub idea_id: Uuid,
    /// Selected or not selected.
    pub outcome: DecisionOutcome,
    /// Why, for staff: never shown to the submitter. Up to 2000 characters; blank is none.
    #[validate(length(max = 2000, code = "too_long"))]
    #[schema(max_length = 2000)]
    pub note: Option<String>,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BulkDecisionRequest {
    /// 1 to 1000 decisions on different ideas: if any cannot be recorded, none is.
    #[validate(length(min = 1, max = 1000, code = "length"), nested)]
    #[schema(min_items = 1, max_items = 1000)]
    pub items: Vec<BulkDecisionItem>,
}

/// Who took a decision.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Decider {
    /// The staff member's account id.
    pub id: Uuid,
    /// Their name.
    pub display_name: String,
}

/// A decision on an idea, pending until the call's decisions are published.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct DecisionView {
    /// The idea decided on.
    pub idea_id: Uuid,
    /// The idea's title (as its submitter wrote it, in their language).
    pub idea_title: String,
    /// Its call.
    pub call_id: Uuid,
    /// Selected or not selected.
    pub outcome: DecisionOutcome,
    /// Staff's note; never shown to the submitter.
    pub note: Option<String>,
    /// Who decided; null if their account is gone.
    pub decided_by: Option<Decider>,
    /// When it was (last) decided.
    pub decided_at: DateTime<Utc>,
    /// Whether the call's decisions are published.
    pub published: bool,
}

impl DecisionView {
    pub fn new(row: db::decisions::DecisionRow, published: bool) -> Self {
        let decision = row.decision;
        DecisionView {
            idea_id: decision.idea_id,
            idea_title: row.idea_title,
            call_id: decision.call_id,
            outcome: *decision.outcome,
            note: decision.note,
            decided_by: decision.decided_by.map(|id| Decider {
                id,
                display_name: row.decider_name.unwrap_or_default(),
            }),
            decided_at: decision.decided_at,
            published,
        }
    }
}

/// Decisions recorded at once.
#[derive(Debug, Serialize, ToSchema)]
pub struct BulkDecisionView {
    /// Each decision, in the order of the request.
    pub items: Vec<DecisionView>,
}

/// How many ideas of the call are decided each way, and how many with the jury are not yet.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct DecisionCounts {
    /// Decided selected.
    pub selected: u64,
    /// Decided not selected.
    pub not_selected: u64,
    /// Shortlisted, in review or reviewed, without a decision: publication waits for them.
    pub undecided: u64,
}

/// A call's decisions.
#[derive(Debug, Serialize, ToSchema)]
pub struct DecisionListView {
    /// Every decision of the call, by idea id.
    pub items: Vec<DecisionView>,
    /// The tally.
    pub counts: DecisionCounts,
}

/// What publishing did.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PublishedDecisionsView {
    /// When the decisions were published.
    pub published_at: DateTime<Utc>,
    /// How many ideas are now selected.
    pub selected: u64,
    /// How many ideas are now not selected.
    pub not_selected: u64,
}

impl DecisionListView {
    pub fn new(decisions: app::decisions::CallDecisions) -> Self {
        let counts = DecisionCounts {
            selected: decisions.count(DecisionOutcome::Selected),
            not_selected: decisions.count(DecisionOutcome::NotSelected),
            undecided: decisions.undecided,
        };
        let published = decisions.call.decisions_published_at.is_some();
        let items = decisions
            .rows
            .into_iter()
            .map(|row| DecisionView::new(row, published))
            .collect();
        DecisionListView { items, counts }
    }
}

/// An idea's result: for its submitter after publication, for staff at any time.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct IdeaResultView {
    /// The idea.
    pub idea_id: Uuid,
    /// The decision (for staff, pending until published); null while undecided.
    pub outcome: Option<DecisionOutcome>,
    /// Whether the call's decisions are published.
    pub published: bool,
    /// When they were published.
    pub published_at: Option<DateTime<Utc>>,
    /// The reviewers' comments meant for the submitter, without their authors or scores, in the order the
    /// reviews were written.
    pub comments: Vec<String>,
}

impl From<app::decisions::IdeaResult> for IdeaResultView {
    fn from(result: app::decisions::IdeaResult) -> Self {
        IdeaResultView {
            idea_id: result.idea_id,
            outcome: result.outcome,
            published: result.published_at.is_some(),
            published_at: result.published_at,
            comments: result.comments,
        }
    }
}
