//! Citizen profiles.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr, EntityTrait, Set};
use uuid::Uuid;

use crate::entities::citizen_profile::{ActiveModel, Entity as Profiles, Model as Profile};

pub async fn find(db: &impl ConnectionTrait, user_id: Uuid) -> Result<Option<Profile>, DbErr> {
    Profiles::find_by_id(user_id).one(db).await
}

/// Writes the whole profile, creating it on first use.
pub async fn save(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    occupation_category: Option<String>,
    ties_json: String,
    languages_json: String,
    now: DateTime<Utc>,
) -> Result<Profile, DbErr> {
    let existing = find(db, user_id).await?;
    let model = ActiveModel {
        user_id: Set(user_id),
        occupation_category: Set(occupation_category),
        ties: Set(ties_json),
        languages: Set(languages_json),
        updated_at: Set(now),
    };
    match existing {
        Some(_) => model.update(db).await,
        None => model.insert(db).await,
    }
}

pub use crate::entities::citizen_profile::Model;
