//! What the partnership endpoints read and answer. Focal points are staff-only: other views leave the
//! field out entirely.

use app::partnerships::PartnershipSortField;
use chrono::{DateTime, NaiveDate, Utc};
use domain::partnership::{
    DormancyRule, HealthBasis, PartnershipAction, PartnershipKind, PartnershipState, health_basis,
};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

use crate::routes::cities::dto::CityRef;
use crate::routes::day::Day;
use crate::routes::page::{Limit, Offset};
use crate::routes::rules;
use crate::routes::sort::{Sort, SortField};
use crate::routes::text::LongText;

/// Someone to talk to about the partnership, on either side. Seen by staff only.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FocalPoint {
    #[validate(custom(function = "rules::required_text"), length(max = 200, code = "too_long"))]
    #[schema(min_length = 1, max_length = 200, pattern = r"\S", example = "Dr. Marco Rossi")]
    pub name: String,
    /// Their role, such as "head of international relations, Florence".
    #[validate(length(max = 200, code = "too_long"))]
    #[schema(max_length = 200)]
    pub role: Option<String>,
    /// An e-mail address, a telephone number or both.
    #[validate(length(max = 500, code = "too_long"))]
    #[schema(max_length = 500)]
    pub contact: Option<String>,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreatePartnershipRequest {
    /// The foreign city; it may have one partnership at most.
    pub city_id: Uuid,
    pub kind: PartnershipKind,
    /// The state it is in now; the first entry of its history.
    pub state: PartnershipState,
    /// When it took that state; default the signing day, else today. Not in the future.
    pub state_since: Option<Day>,
    /// Why it is in that state (say, who signed it and where), the reason of the history's first entry.
    #[validate(length(max = 2000, code = "too_long"))]
    #[schema(max_length = 2000)]
    pub reason: Option<String>,
    pub signed_on: Option<Day>,
    pub next_review_on: Option<Day>,
    /// Up to 20.
    #[validate(length(max = 20, code = "too_many"), nested)]
    #[schema(max_items = 20)]
    #[serde(default)]
    pub focal_points: Vec<FocalPoint>,
    #[validate(nested)]
    pub notes: Option<LongText>,
}

/// What staff may change of a partnership other than its state (see its `/state` action); leave out
/// what stays, send null to clear.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UpdatePartnershipRequest {
    pub kind: Option<PartnershipKind>,
    #[serde(default, deserialize_with = "crate::routes::patch::present")]
    #[schema(value_type = Option<Day>)]
    pub signed_on: Option<Option<Day>>,
    #[serde(default, deserialize_with = "crate::routes::patch::present")]
    #[schema(value_type = Option<Day>)]
    pub next_review_on: Option<Option<Day>>,
    /// Replaces the list whole; up to 20.
    #[validate(length(max = 20, code = "too_many"), nested)]
    #[schema(max_items = 20)]
    pub focal_points: Option<Vec<FocalPoint>>,
    #[serde(default, deserialize_with = "crate::routes::patch::present")]
    #[validate(nested)]
    #[schema(value_type = Option<LongText>)]
    pub notes: Option<Option<LongText>>,
}

/// A change of state, recorded in the partnership's history.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ChangeStateRequest {
    pub state: PartnershipState,
    /// When it happened; default today. Not in the future, nor before the latest change.
    pub effective_on: Option<Day>,
    /// Why; required.
    #[validate(custom(function = "rules::required_text"), length(max = 2000, code = "too_long"))]
    #[schema(min_length = 1, max_length = 2000, pattern = r"\S")]
    pub reason: String,
}

/// The order of the list, by the store's sort fields.
pub type PartnershipSort = Sort<PartnershipSortField>;

impl SortField for PartnershipSortField {
    const NAMES: &'static [(&'static str, Self)] = &[
        ("cityName", PartnershipSortField::CityName),
        ("signedOn", PartnershipSortField::SignedOn),
        ("lastActivityOn", PartnershipSortField::LastActivityOn),
        ("recentActivities", PartnershipSortField::RecentActivities),
        ("nextReviewOn", PartnershipSortField::NextReviewOn),
    ];
    const DESCRIPTION: &'static str =
        "The order of a list of partnerships; `-` in front sorts descending. Missing dates come last.";
}

#[derive(Debug, Deserialize, Validate, IntoParams)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ListPartnershipsQuery {
    /// Text search in the city's names; Persian and Arabic letter forms match alike.
    #[validate(length(max = 200))]
    #[param(max_length = 200)]
    pub q: Option<String>,
    /// Only partnerships with cities of this country (ISO 3166-1 alpha-2).
    #[validate(custom(function = "rules::country"))]
    #[param(schema_with = crate::routes::schemas::country)]
    pub country: Option<String>,
    pub kind: Option<PartnershipKind>,
    /// The recorded state.
    pub state: Option<PartnershipState>,
    /// Only those flagged dormant (true) or not (false) by their activity, whatever their state.
    pub dormant: Option<bool>,
    /// Default `cityName`.
    #[param(inline)]
    pub sort: Option<PartnershipSort>,
    /// Page size, 1 to 100; default 20.
    pub limit: Option<Limit>,
    /// How many items to skip; default 0.
    pub offset: Option<Offset>,
}

/// How alive the tie is, derived from its activities whatever its recorded state.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PartnershipHealthView {
    /// The day of the last activity with the city that was held or under way (not planned or cancelled).
    pub last_activity_on: Option<NaiveDate>,
    /// How many such activities fell in the last 12 months.
    pub recent_activities: i64,
    /// True when the last activity — or, with none, the signing, or with neither the day the
    /// partnership was entered — lies more than `dormancyMonths` back.
    pub dormant: bool,
    pub basis: HealthBasis,
    /// The day dormancy is reckoned from.
    pub basis_on: NaiveDate,
    /// The configured period (12 months by default).
    pub dormancy_months: u32,
}

impl PartnershipHealthView {
    pub fn of(row: &app::partnerships::PartnershipRow, rule: DormancyRule, today: NaiveDate) -> Self {
        let p = &row.partnership;
        let (basis, basis_on) = health_basis(row.last_activity_on, p.signed_on, p.recorded_on);
        PartnershipHealthView {
            last_activity_on: row.last_activity_on,
            recent_activities: row.recent_activities,
            dormant: rule.is_dormant(basis_on, today),
            basis,
            basis_on,
            dormancy_months: rule.months,
        }
    }
}

/// One entry of a partnership's history.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct StateChangeView {
    /// Null for the state it was entered with.
    pub from: Option<PartnershipState>,
    pub to: PartnershipState,
    /// When it happened.
    pub effective_on: NaiveDate,
    pub reason: Option<String>,
    /// Who recorded it (staff only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recorded_by: Option<String>,
    pub recorded_at: DateTime<Utc>,
}

impl StateChangeView {
    pub fn new(row: app::partnerships::StateChangeRow, confidential: bool) -> Self {
        let change = row.change;
        StateChangeView {
            from: change.from_state.map(|s| s.0),
            to: change.to_state.0,
            effective_on: change.effective_on,
            reason: change.reason,
            recorded_by: if confidential { row.actor_name } else { None },
            recorded_at: change.recorded_at,
        }
    }
}

/// A partnership with a foreign city.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PartnershipView {
    pub id: Uuid,
    pub city: CityRef,
    pub kind: PartnershipKind,
    /// The recorded state; see `health.dormant` for what its activity says.
    pub state: PartnershipState,
    pub signed_on: Option<NaiveDate>,
    pub next_review_on: Option<NaiveDate>,
    pub notes: Option<LongText>,
    /// Staff only: the field is absent from other callers' views.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub focal_points: Option<Vec<FocalPoint>>,
    pub health: PartnershipHealthView,
    /// Its history, oldest first (on a single partnership, not in lists).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub history: Option<Vec<StateChangeView>>,
    /// What you may do next with it: `edit`, `change_state` and `add_activity` for staff, nothing for
    /// others.
    pub allowed_actions: Vec<PartnershipAction>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl PartnershipView {
    pub fn new(partnership: app::partnerships::Partnership, rule: DormancyRule, today: NaiveDate) -> Self {
        let app::partnerships::Partnership {
            row,
            history,
            confidential,
            allowed_actions,
        } = partnership;
        let health = PartnershipHealthView::of(&row, rule, today);
        let p = row.partnership;
        PartnershipView {
            id: p.id,
            city: CityRef::new(
                p.city_id,
                row.city_name_fa,
                row.city_name_en,
                row.city_country,
                row.city_verified,
            ),
            kind: p.kind.0,
            state: p.state.0,
            signed_on: p.signed_on,
            next_review_on: p.next_review_on,
            notes: p.notes_fa.map(|fa| LongText::from_parts(fa, p.notes_en)),
            focal_points: confidential.then(|| p.focal_points.0.into_iter().map(FocalPoint::from).collect()),
            health,
            history: history.map(|h| h.into_iter().map(|c| StateChangeView::new(c, confidential)).collect()),
            allowed_actions,
            version: p.version,
            created_at: p.created_at,
            updated_at: p.updated_at,
        }
    }
}

impl From<domain::partnership::FocalPoint> for FocalPoint {
    fn from(point: domain::partnership::FocalPoint) -> Self {
        FocalPoint {
            name: point.name,
            role: point.role,
            contact: point.contact,
        }
    }
}

impl From<FocalPoint> for domain::partnership::FocalPoint {
    fn from(point: FocalPoint) -> Self {
        domain::partnership::FocalPoint {
            name: point.name,
            role: point.role,
            contact: point.contact,
        }
    }
}

/// Focal points as the use cases take them (they trim them).
pub fn focal_points(points: Vec<FocalPoint>) -> Vec<domain::partnership::FocalPoint> {
    points.into_iter().map(Into::into).collect()
}
