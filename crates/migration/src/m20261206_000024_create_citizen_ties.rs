use sea_orm_migration::sea_orm::prelude::Uuid;
use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261127_000006_create_citizen_profiles::CitizenProfiles;
use crate::{index, references};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Ties abroad get ids of their own (issue 14; a later issue attaches evidence to each): they move from
/// the profile's JSON array into rows, in their order, each with a new id; the array column goes.
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(CitizenTies::Table)
                    .col(pk_uuid(CitizenTies::Id))
                    .col(uuid(CitizenTies::UserId))
                    .col(integer(CitizenTies::Position))
                    .col(string_len(CitizenTies::City, 200))
                    .col(string_len(CitizenTies::Country, 2))
                    .col(string_len(CitizenTies::Nature, 32))
                    .col(integer(CitizenTies::Since))
                    .foreign_key(&mut references(
                        (CitizenTies::Table, CitizenTies::UserId),
                        (CitizenProfiles::Table, CitizenProfiles::UserId),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_citizen_ties_user_position",
            CitizenTies::Table,
            &[CitizenTies::UserId, CitizenTies::Position],
        )
        .await?;
        copy_ties(manager).await?;
        manager
            .alter_table(
                Table::alter()
                    .table(CitizenProfiles::Table)
                    .drop_column(CitizenProfiles::Ties)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(CitizenProfiles::Table)
                    .add_column(text(CitizenProfiles::Ties).default("[]"))
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(Table::drop().table(CitizenTies::Table).to_owned())
            .await
    }
}

/// Each profile's JSON ties become rows; read and written here in Rust so one code serves both databases.
async fn copy_ties(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    let db = manager.get_connection();
    let rows = db
        .query_all(
            Query::select()
                .columns([CitizenProfiles::UserId, CitizenProfiles::Ties])
                .from(CitizenProfiles::Table),
        )
        .await?;
    for row in rows {
        let user_id: Uuid = row.try_get("", "user_id")?;
        let ties: String = row.try_get("", "ties")?;
        let ties: Vec<StoredTie> =
            serde_json::from_str(&ties).map_err(|err| DbErr::Custom(format!("the ties of {user_id}: {err}")))?;
        if ties.is_empty() {
            continue;
        }
        let mut insert = Query::insert();
        insert.into_table(CitizenTies::Table).columns([
            CitizenTies::Id,
            CitizenTies::UserId,
            CitizenTies::Position,
            CitizenTies::City,
            CitizenTies::Country,
            CitizenTies::Nature,
            CitizenTies::Since,
        ]);
        for (position, tie) in (0i32..).zip(ties) {
            insert
                .values([
                    Uuid::now_v7().into(),
                    user_id.into(),
                    position.into(),
                    tie.city.into(),
                    tie.country.into(),
                    tie.nature.into(),
                    tie.since.into(),
                ])
                .map_err(|err| DbErr::Custom(err.to_string()))?;
        }
        db.execute(&insert).await?;
    }
    Ok(())
}

/// A tie as the profile's JSON array held it.
#[derive(serde::Deserialize)]
struct StoredTie {
    city: String,
    country: String,
    nature: String,
    since: i32,
}

#[derive(DeriveIden, Clone, Copy)]
enum CitizenTies {
    Table,
    Id,
    UserId,
    Position,
    City,
    Country,
    Nature,
    Since,
}
