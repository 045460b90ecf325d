//! Reviews on the wire, and a reviewer's assignments.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use domain::idea::{Domain, IdeaState};
use domain::review::{AssignmentState, Recommendation, ReviewAction};
use domain::reviewer::Organisation;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

use crate::error::ApiResult;
use crate::routes::page::{Limit, Offset};
use crate::routes::text::ShortText;

/// A review as its reviewer writes it: a draft may leave scores out; a submission scores every criterion
/// and gives a recommendation.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReviewRequest {
    /// Each criterion's key with its integer score, within the criterion's scale.
    #[serde(default)]
    pub scores: BTreeMap<String, i32>,
    /// For staff and the jury only.
    #[validate(length(max = 5000, code = "too_long"))]
    #[schema(max_length = 5000)]
    pub comment_to_staff: Option<String>,
    /// Shown to the submitter, without your name, once the call's decisions are published.
    #[validate(length(max = 5000, code = "too_long"))]
    #[schema(max_length = 5000)]
    pub comment_to_submitter: Option<String>,
    /// Required to submit.
    pub recommendation: Option<Recommendation>,
}

impl ReviewRequest {
    /// The use case's input; it checks the scores under the call's rubric and trims the comments.
    pub fn into_input(self) -> app::reviews::ReviewInput {
        app::reviews::ReviewInput {
            scores: self.scores,
            comment_to_staff: self.comment_to_staff,
            comment_to_submitter: self.comment_to_submitter,
            recommendation: self.recommendation,
        }
    }
}

/// One reviewer's review of one idea.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ReviewView {
    pub id: Uuid,
    pub idea_id: Uuid,
    pub scores: BTreeMap<String, i32>,
    /// The weighted total on 0–100 under the call's rubric; null while a criterion is unscored (or, after staff
    /// changed the rubric, out of its scale).
    pub total: Option<f64>,
    pub comment_to_staff: Option<String>,
    pub comment_to_submitter: Option<String>,
    pub recommendation: Option<Recommendation>,
    /// Null while it is a draft.
    pub submitted_at: Option<DateTime<Utc>>,
    pub version: i32,
    pub updated_at: DateTime<Utc>,
    /// What the asking reviewer may do next with their own review: `save` a draft, `submit` it (again),
    /// `declare_conflict` with the idea, `read_others` (the other reviewers' submitted reviews). Empty for
    /// anyone else's review.
    pub allowed_actions: Vec<ReviewAction>,
}

impl ReviewView {
    pub fn new(
        review: app::reviews::Review,
        rubric: Option<&domain::rubric::Rubric>,
        allowed_actions: Vec<ReviewAction>,
    ) -> Self {
        let scores = review.scores.0;
        ReviewView {
            total: rubric.and_then(|r| r.total(&scores)),
            scores,
            id: review.id,
            idea_id: review.idea_id,
            comment_to_staff: review.comment_to_staff,
            comment_to_submitter: review.comment_to_submitter,
            recommendation: review.recommendation.map(|r| *r),
            submitted_at: review.submitted_at,
            version: review.version,
            updated_at: review.updated_at,
            allowed_actions,
        }
    }

    /// The reviewer's own review as they read it, with what they may do next.
    pub fn mine(mine: app::reviews::MyReview) -> Self {
        ReviewView::new(mine.review, mine.rubric.as_ref(), mine.allowed_actions)
    }
}

/// Who wrote a review, as much as the reader may know.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ReviewAuthorView {
    /// 1, 2, 3…: the order the reviews were first saved in; the only name a review has in a blind call.
    pub number: usize,
    /// Whether it is the reader's own review.
    pub mine: bool,
    /// Left out for other reviewers in a blind call.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<Uuid>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organisation: Option<Organisation>,
}

/// A submitted review with its author.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AuthoredReviewView {
    pub author: ReviewAuthorView,
    pub review: ReviewView,
}

/// The submitted reviews of an idea.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ReviewListView {
    pub items: Vec<AuthoredReviewView>,
}

#[derive(Debug, Deserialize, Validate, IntoParams)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct MyAssignmentsQuery {
    /// Only this call's assignments.
    pub call_id: Option<Uuid>,
    /// `pending` or `submitted`; default both.
    #[param(inline)]
    pub state: Option<AssignmentState>,
    /// Page size, 1 to 100; default 20.
    pub limit: Option<Limit>,
    /// How many items to skip; default 0.
    pub offset: Option<Offset>,
}

/// The call an assignment belongs to, as its reviewer needs it.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AssignmentCallView {
    pub id: Uuid,
    pub title: ShortText,
    /// Whether ideas are shown without their submitter's identity.
    pub blind_review: bool,
    pub review_opens_at: DateTime<Utc>,
    pub review_closes_at: DateTime<Utc>,
}

/// The idea of one of my assignments.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AssignmentIdeaView {
    pub id: Uuid,
    pub title: String,
    pub domain: Domain,
    pub state: IdeaState,
}

/// An idea I am to review.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct MyAssignmentView {
    pub id: Uuid,
    pub idea: AssignmentIdeaView,
    pub call: AssignmentCallView,
    pub state: AssignmentState,
    pub due_on: Option<NaiveDate>,
    /// When I last saved my review (a draft or submitted); null before.
    pub review_saved_at: Option<DateTime<Utc>>,
}

/// How far I am.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ReviewProgressView {
    /// Ideas I review (pending and submitted), in the call asked about or in all.
    pub assigned: u64,
    pub submitted: u64,
    pub pending: u64,
}

/// My assignments, one page, and my progress.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct MyAssignmentListView {
    pub items: Vec<MyAssignmentView>,
    pub total: u64,
    pub limit: u32,
    pub offset: u32,
    pub progress: ReviewProgressView,
}

impl MyAssignmentView {
    pub fn new(row: app::assignments::AssignmentRow) -> Self {
        let a = row.assignment;
        MyAssignmentView {
            id: a.id,
            idea: AssignmentIdeaView {
                id: a.idea_id,
                title: row.idea_title,
                domain: *row.idea_domain,
                state: *row.idea_state,
            },
            call: AssignmentCallView {
                id: a.call_id,
                title: ShortText::from_parts(row.call_title_fa, row.call_title_en),
                blind_review: row.call_blind_review,
                review_opens_at: row.review_opens_at,
                review_closes_at: row.review_closes_at,
            },
            state: *a.state,
            due_on: a.due_on,
            review_saved_at: row.review_saved_at,
        }
    }
}

impl AuthoredReviewView {
    pub fn new(read: app::reviews::ReadReview, rubric: Option<&domain::rubric::Rubric>) -> ApiResult<Self> {
        let named = read.named;
        let organisation = if named {
            read.row.reviewer_organisation.map(|o| *o)
        } else {
            None
        };
        Ok(AuthoredReviewView {
            author: ReviewAuthorView {
                number: read.number,
                mine: read.mine,
                id: named.then_some(read.row.review.reviewer_id),
                display_name: named.then_some(read.row.reviewer_name),
                organisation,
            },
            review: ReviewView::new(read.row.review, rubric, read.allowed_actions),
        })
    }
}
