//! Citizen profiles and their ties abroad.

use chrono::{DateTime, Utc};
use domain::profile::{OccupationCategory, Tie};
use sea_orm::sea_query::Order;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, Set};
use uuid::Uuid;

use crate::entities::citizen_profile::{ActiveModel, Entity as Profiles, Model as Profile};
use crate::entities::citizen_tie::{self, Entity as Ties};
use crate::stored::{Json, Named};

pub use crate::entities::citizen_profile::Model;
pub use crate::entities::citizen_tie::Model as StoredTie;

/// A citizen's profile as stored: its row (None until first filled in) and its ties in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProfileRecord {
    pub profile: Option<Profile>,
    pub ties: Vec<StoredTie>,
}

impl ProfileRecord {
    pub fn occupation_category(&self) -> Option<OccupationCategory> {
        self.profile.as_ref().and_then(|p| p.occupation_category.map(|c| c.0))
    }

    pub fn languages(&self) -> &[String] {
        self.profile.as_ref().map_or(&[], |p| p.languages.as_slice())
    }
}

/// What the profile holds besides its ties.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProfileFields {
    pub occupation_category: Option<OccupationCategory>,
    pub languages: Vec<String>,
}

pub async fn find(db: &impl ConnectionTrait, user_id: Uuid) -> Result<Option<Profile>, DbErr> {
    Profiles::find_by_id(user_id).one(db).await
}

/// One tie, whoever holds it.
pub async fn find_tie(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<StoredTie>, DbErr> {
    Ties::find_by_id(id).one(db).await
}

/// The profile with its ties, in their order.
pub async fn find_with_ties(db: &impl ConnectionTrait, user_id: Uuid) -> Result<ProfileRecord, DbErr> {
    let profile = find(db, user_id).await?;
    let ties = Ties::find()
        .filter(citizen_tie::Column::UserId.eq(user_id))
        .order_by(citizen_tie::Column::Position, Order::Asc)
        .all(db)
        .await?;
    Ok(ProfileRecord { profile, ties })
}

/// The citizen's occupation now (None without a profile).
pub async fn occupation(db: &impl ConnectionTrait, user_id: Uuid) -> Result<Option<OccupationCategory>, DbErr> {
    Ok(find(db, user_id)
        .await?
        .and_then(|p| p.occupation_category.map(|c| c.0)))
}

/// Writes the profile's own fields, creating the profile on first use.
pub async fn save(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    fields: ProfileFields,
    now: DateTime<Utc>,
) -> Result<Profile, DbErr> {
    let existing = find(db, user_id).await?;
    let model = ActiveModel {
        user_id: Set(user_id),
        occupation_category: Set(fields.occupation_category.map(Named)),
        languages: Set(Json(fields.languages)),
        updated_at: Set(now),
    };
    match existing {
        Some(_) => model.update(db).await,
        None => model.insert(db).await,
    }
}

/// Replaces the profile's ties (the profile must exist) with these, in this order: each keeps the id
/// given; ties left out are removed.
pub async fn replace_ties(db: &impl ConnectionTrait, user_id: Uuid, ties: Vec<(Uuid, Tie)>) -> Result<(), DbErr> {
    Ties::delete_many()
        .filter(citizen_tie::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    if ties.is_empty() {
        return Ok(());
    }
    let rows = ties
        .into_iter()
        .zip(0..)
        .map(|((id, tie), position)| citizen_tie::ActiveModel {
            id: Set(id),
            user_id: Set(user_id),
            position: Set(position),
            city: Set(tie.city),
            country: Set(tie.country),
            nature: Set(Named(tie.nature)),
            since: Set(tie.since),
        });
    Ties::insert_many(rows).exec_without_returning(db).await.map(|_| ())
}
