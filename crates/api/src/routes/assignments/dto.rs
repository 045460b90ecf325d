//! Assignments on the wire.

use chrono::{DateTime, NaiveDate, Utc};
use domain::assignment::Rule;
use domain::idea::{Domain, IdeaState};
use domain::review::{AssignmentAction, AssignmentState};
use domain::reviewer::Organisation;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

use crate::routes::day::Day;
use crate::routes::page::{Limit, Offset};

/// Give one idea to one reviewer.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AssignRequest {
    /// A shortlisted idea of this call, or one in review.
    pub idea_id: Uuid,
    /// An active reviewer's account id.
    pub reviewer_id: Uuid,
    /// When the review is due; default the last day of the call's review window.
    pub due_on: Option<Day>,
}

/// Plan the call's assignments, and save the plan unless it is a dry run.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AutoAssignRequest {
    /// Only show the plan and its figures; save nothing. Default false.
    #[serde(default)]
    pub dry_run: bool,
}

#[derive(Debug, Deserialize, Validate, IntoParams)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ListAssignmentsQuery {
    /// Only this reviewer's assignments.
    pub reviewer_id: Option<Uuid>,
    /// Only this idea's assignments.
    pub idea_id: Option<Uuid>,
    /// Only assignments in this state.
    #[param(inline)]
    pub state: Option<AssignmentState>,
    /// Page size, 1 to 100; default 20.
    pub limit: Option<Limit>,
    /// How many items to skip; default 0.
    pub offset: Option<Offset>,
}

/// The idea an assignment is about.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AssignedIdeaView {
    pub id: Uuid,
    pub title: String,
    pub domain: Domain,
    pub state: IdeaState,
}

/// The reviewer an assignment is for.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AssignedReviewerView {
    pub id: Uuid,
    pub display_name: String,
    /// Null when the account has no reviewer profile any more.
    pub organisation: Option<Organisation>,
}

/// One reviewer given one idea.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AssignmentView {
    pub id: Uuid,
    pub call_id: Uuid,
    pub idea: AssignedIdeaView,
    pub reviewer: AssignedReviewerView,
    /// `declined` when a conflict of interest was recorded after assignment: it no longer counts.
    pub state: AssignmentState,
    pub due_on: Option<NaiveDate>,
    /// When the reviewer last saved their review (a draft or submitted); null before.
    pub review_saved_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    /// What staff may do next with it: `unassign` while the review is not submitted and the call undecided.
    pub allowed_actions: Vec<AssignmentAction>,
}

impl AssignmentView {
    pub fn new(assigned: app::assignments::Assigned) -> Self {
        let app::assignments::Assigned { row, allowed_actions } = assigned;
        let a = row.assignment;
        AssignmentView {
            id: a.id,
            call_id: a.call_id,
            idea: AssignedIdeaView {
                id: a.idea_id,
                title: row.idea_title,
                domain: *row.idea_domain,
                state: *row.idea_state,
            },
            reviewer: AssignedReviewerView {
                id: a.reviewer_id,
                display_name: row.reviewer_name,
                organisation: row.reviewer_organisation.map(|o| *o),
            },
            state: *a.state,
            due_on: a.due_on,
            review_saved_at: row.review_saved_at,
            created_at: a.created_at,
            allowed_actions,
        }
    }
}

/// One assignment of a plan.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PlannedAssignmentView {
    pub idea_id: Uuid,
    pub idea_title: String,
    pub reviewer_id: Uuid,
    pub reviewer_name: String,
    pub organisation: Organisation,
    /// Whether the reviewer's expertise includes the idea's domain.
    pub expertise_match: bool,
}

/// How good a plan is.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PlanFiguresView {
    /// Ideas the plan covered: the call's shortlisted ideas and those in review.
    pub ideas: usize,
    pub new_assignments: usize,
    /// The fewest and most ideas any active reviewer has in the call after the plan.
    pub min_load: u32,
    pub max_load: u32,
    /// The largest difference in load among reviewers of equal maximum load (the rule: at most 1).
    pub load_spread: u32,
    /// Share (0–1) of the ideas with two or more reviewers whose reviewers come from at least two organisations.
    pub organisation_diversity: f64,
    /// Share (0–1) of the ideas' reviewers whose expertise includes the idea's domain.
    pub expertise_match_rate: f64,
    /// Separate groups of reviewers after the plan, counted in the graph of the ideas and their reviewers (an
    /// edge per assignment, existing or new): 1 when every reviewer is linked to every other through shared
    /// ideas, as the ranking's calibration of reviewers needs to compare them all; 0 without any assignment.
    pub groups: usize,
    /// Distinct pairs of reviewers who share at least one of the ideas after the plan: the more pairs, the more
    /// directly the calibration compares reviewers.
    pub juror_pairs: usize,
}

/// A rule the plan could not meet, and where.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct UnmetRuleView {
    pub rule: Rule,
    pub idea_ids: Vec<Uuid>,
    pub reviewer_ids: Vec<Uuid>,
    pub message: String,
}

/// The automatic assignment's plan, saved or not.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AutoAssignView {
    /// False for a dry run: nothing was saved.
    pub applied: bool,
    /// The new assignments, by idea.
    pub assignments: Vec<PlannedAssignmentView>,
    pub figures: PlanFiguresView,
    /// Every rule the plan could not meet; empty when it met them all.
    pub unmet: Vec<UnmetRuleView>,
}

impl AutoAssignView {
    pub fn new(planned: app::assignments::Planned) -> Self {
        let app::assignments::Planned {
            plan,
            applied,
            titles,
            reviewers,
        } = planned;
        let assignments = plan
            .assignments
            .into_iter()
            .filter_map(|a| {
                let (name, organisation) = reviewers.get(&a.reviewer_id)?;
                Some(PlannedAssignmentView {
                    idea_id: a.idea_id,
                    idea_title: titles.get(&a.idea_id).cloned().unwrap_or_default(),
                    reviewer_id: a.reviewer_id,
                    reviewer_name: name.clone(),
                    organisation: *organisation,
                    expertise_match: a.expertise_match,
                })
            })
            .collect();
        let f = plan.figures;
        AutoAssignView {
            applied,
            assignments,
            figures: PlanFiguresView {
                ideas: f.ideas,
                new_assignments: f.new_assignments,
                min_load: f.min_load,
                max_load: f.max_load,
                load_spread: f.load_spread,
                organisation_diversity: f.organisation_diversity,
                expertise_match_rate: f.expertise_match_rate,
                groups: f.groups,
                juror_pairs: f.juror_pairs,
            },
            unmet: plan
                .unmet
                .into_iter()
                .map(|u| UnmetRuleView {
                    rule: u.rule,
                    idea_ids: u.idea_ids,
                    reviewer_ids: u.reviewer_ids,
                    message: u.message,
                })
                .collect(),
        }
    }
}
