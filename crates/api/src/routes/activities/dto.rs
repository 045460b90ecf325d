//! What the activity endpoints read and answer.

use chrono::{DateTime, NaiveDate, Utc};
use domain::activity::{ActivityDirection, ActivityKind, ActivityStatus};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

use crate::routes::cities::dto::{CityRef, canonical_country};
use crate::routes::day::{Day, day};
use crate::routes::page::{self, Limit, Offset};
use crate::routes::rules;
use crate::routes::text::{LongText, ShortText};

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreateActivityRequest {
    /// The day it took place, or will.
    pub occurred_on: Day,
    pub kind: ActivityKind,
    pub direction: ActivityDirection,
    /// Default: `done` for a day up to today, `planned` for a later one.
    pub status: Option<ActivityStatus>,
    #[validate(nested)]
    pub title: ShortText,
    #[validate(nested)]
    pub description: Option<LongText>,
    /// What came of it.
    #[validate(nested)]
    pub outcomes: Option<LongText>,
    /// The citizen's idea it grew from: a selected idea.
    pub idea_id: Option<Uuid>,
}

/// What staff may change of an activity; leave out what stays, send null to clear.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UpdateActivityRequest {
    /// Moves the activity to another city (an entry made under the wrong one).
    pub city_id: Option<Uuid>,
    pub occurred_on: Option<Day>,
    pub kind: Option<ActivityKind>,
    pub direction: Option<ActivityDirection>,
    pub status: Option<ActivityStatus>,
    #[validate(nested)]
    pub title: Option<ShortText>,
    #[serde(default, deserialize_with = "crate::routes::patch::present")]
    #[validate(nested)]
    #[schema(value_type = Option<LongText>)]
    pub description: Option<Option<LongText>>,
    #[serde(default, deserialize_with = "crate::routes::patch::present")]
    #[validate(nested)]
    #[schema(value_type = Option<LongText>)]
    pub outcomes: Option<Option<LongText>>,
    #[serde(default, deserialize_with = "crate::routes::patch::present")]
    #[schema(value_type = Option<Uuid>)]
    pub idea_id: Option<Option<Uuid>>,
}

impl UpdateActivityRequest {
    /// A stored activity's content and status with this change: what is left out stays, null clears.
    pub fn applied_to(
        self,
        before: app::activities::ActivityContent,
        status: ActivityStatus,
    ) -> (app::activities::ActivityContent, ActivityStatus) {
        let content = app::activities::ActivityContent {
            city_id: self.city_id.unwrap_or(before.city_id),
            occurred_on: self.occurred_on.map_or(before.occurred_on, NaiveDate::from),
            kind: self.kind.unwrap_or(before.kind),
            direction: self.direction.unwrap_or(before.direction),
            title: self.title.map_or(before.title, ShortText::normalized),
            description: self
                .description
                .map_or(before.description, |d| d.map(LongText::normalized)),
            outcomes: self.outcomes.map_or(before.outcomes, |o| o.map(LongText::normalized)),
            idea_id: self.idea_id.unwrap_or(before.idea_id),
        };
        (content, self.status.unwrap_or(status))
    }
}

/// The order of a list of activities.
#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
pub enum ActivitySort {
    #[serde(rename = "occurredOn")]
    OccurredOn,
    #[serde(rename = "-occurredOn")]
    OccurredOnDesc,
}

/// The filters of /activities; /cities/{id}/activities takes the same but `cityId` and `country`.
#[derive(Debug, Deserialize, Validate, IntoParams)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ListActivitiesQuery {
    /// Text search in titles, descriptions and outcomes; Persian and Arabic letter forms match alike.
    #[validate(length(max = 200))]
    #[param(max_length = 200)]
    pub q: Option<String>,
    /// Only the activities with this city (on /api/v1/activities).
    pub city_id: Option<Uuid>,
    /// Only the activities with cities of this country (ISO 3166-1 alpha-2; on /api/v1/activities).
    #[validate(custom(function = "rules::country"))]
    #[param(schema_with = crate::routes::schemas::country)]
    pub country: Option<String>,
    pub kind: Option<ActivityKind>,
    pub direction: Option<ActivityDirection>,
    pub status: Option<ActivityStatus>,
    /// Only the activities that grew from this idea.
    pub idea_id: Option<Uuid>,
    /// Only activities on or after this day (YYYY-MM-DD).
    pub from: Option<Day>,
    /// Only activities on or before this day (YYYY-MM-DD).
    pub to: Option<Day>,
    /// Default `-occurredOn`, the newest first.
    #[param(inline)]
    pub sort: Option<ActivitySort>,
    /// Page size, 1 to 100; default 20.
    pub limit: Option<Limit>,
    /// How many items to skip; default 0.
    pub offset: Option<Offset>,
}

impl ListActivitiesQuery {
    /// The filter the use case takes, and the page's limit and offset.
    pub fn into_filter(self) -> (app::activities::ActivityFilter, u32, u32) {
        let (limit, offset) = page::bounds(self.limit, self.offset);
        let filter = app::activities::ActivityFilter {
            city_id: self.city_id,
            country: self.country.as_deref().map(canonical_country),
            kind: self.kind,
            direction: self.direction,
            status: self.status,
            idea_id: self.idea_id,
            from: day(self.from),
            to: day(self.to),
            q: self.q,
            ascending: matches!(self.sort, Some(ActivitySort::OccurredOn)),
            limit: limit.into(),
            offset: offset.into(),
        };
        (filter, limit, offset)
    }
}

/// The idea an activity grew from.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct IdeaRefView {
    pub id: Uuid,
    pub title: String,
}

/// Something done with a foreign city.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ActivityView {
    pub id: Uuid,
    pub city: CityRef,
    pub occurred_on: NaiveDate,
    pub kind: ActivityKind,
    pub direction: ActivityDirection,
    pub status: ActivityStatus,
    pub title: ShortText,
    pub description: Option<LongText>,
    pub outcomes: Option<LongText>,
    /// The citizen's idea it grew from.
    pub idea: Option<IdeaRefView>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

fn text(fa: String, en: Option<String>) -> Option<LongText> {
    (!fa.is_empty()).then(|| LongText::from_parts(fa, en))
}

impl From<app::activities::Activity> for ActivityView {
    fn from(row: app::activities::Activity) -> Self {
        let a = row.activity;
        ActivityView {
            id: a.id,
            city: CityRef::new(
                a.city_id,
                row.city_name_fa,
                row.city_name_en,
                row.city_country,
                row.city_verified,
            ),
            occurred_on: a.occurred_on,
            kind: a.kind.0,
            direction: a.direction.0,
            status: a.status.0,
            title: ShortText::from_parts(a.title_fa, a.title_en),
            description: text(a.description_fa, a.description_en),
            outcomes: a.outcomes_fa.and_then(|fa| text(fa, a.outcomes_en)),
            idea: a
                .idea_id
                .zip(row.idea_title)
                .map(|(id, title)| IdeaRefView { id, title }),
            created_at: a.created_at,
            updated_at: a.updated_at,
        }
    }
}
