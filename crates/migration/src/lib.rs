//! The schema, one migration per file, written with the schema builder so one set serves SQLite and PostgreSQL.

pub use sea_orm_migration::prelude::*;

mod m20261127_000001_create_users;
mod m20261127_000002_create_sessions;
mod m20261127_000003_create_refresh_tokens;
mod m20261127_000004_create_password_tokens;
mod m20261127_000005_create_login_throttles;
mod m20261127_000006_create_citizen_profiles;
mod m20261127_000007_create_cities;
mod m20261127_000008_create_calls;
mod m20261127_000009_create_ideas;
mod m20261127_000010_create_events;
mod m20261127_000011_create_idea_search_and_sort_indexes;
mod m20261127_000012_create_partnerships;
mod m20261127_000013_create_partnership_state_changes;
mod m20261127_000014_create_activities;
mod m20261127_000015_create_networks;
mod m20261127_000016_create_reviewers;
mod m20261127_000017_create_rubrics;
mod m20261127_000018_create_conflicts;
mod m20261127_000019_create_assignments;
mod m20261127_000020_create_reviews;
mod m20261127_000021_create_decisions;
mod m20261206_000022_add_granted_roles_to_password_tokens;
mod m20261206_000023_generalise_events;
mod m20261206_000024_create_citizen_ties;
mod m20261207_000025_create_second_factor_and_audit;
mod m20261207_000026_create_notifications;
mod m20261207_000027_create_integrations;
mod m20261207_000028_create_files;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261127_000001_create_users::Migration),
            Box::new(m20261127_000002_create_sessions::Migration),
            Box::new(m20261127_000003_create_refresh_tokens::Migration),
            Box::new(m20261127_000004_create_password_tokens::Migration),
            Box::new(m20261127_000005_create_login_throttles::Migration),
            Box::new(m20261127_000006_create_citizen_profiles::Migration),
            Box::new(m20261127_000007_create_cities::Migration),
            Box::new(m20261127_000008_create_calls::Migration),
            Box::new(m20261127_000009_create_ideas::Migration),
            Box::new(m20261127_000010_create_events::Migration),
            Box::new(m20261127_000011_create_idea_search_and_sort_indexes::Migration),
            Box::new(m20261127_000012_create_partnerships::Migration),
            Box::new(m20261127_000013_create_partnership_state_changes::Migration),
            Box::new(m20261127_000014_create_activities::Migration),
            Box::new(m20261127_000015_create_networks::Migration),
            Box::new(m20261127_000016_create_reviewers::Migration),
            Box::new(m20261127_000017_create_rubrics::Migration),
            Box::new(m20261127_000018_create_conflicts::Migration),
            Box::new(m20261127_000019_create_assignments::Migration),
            Box::new(m20261127_000020_create_reviews::Migration),
            Box::new(m20261127_000021_create_decisions::Migration),
            Box::new(m20261206_000022_add_granted_roles_to_password_tokens::Migration),
            Box::new(m20261206_000023_generalise_events::Migration),
            Box::new(m20261206_000024_create_citizen_ties::Migration),
            Box::new(m20261207_000025_create_second_factor_and_audit::Migration),
            Box::new(m20261207_000026_create_notifications::Migration),
            Box::new(m20261207_000027_create_integrations::Migration),
            Box::new(m20261207_000028_create_files::Migration),
        ]
    }
}

/// A foreign key from (table, column) to (table, column), with what deleting the referenced row does.
fn references<T, C, U, D>(from: (T, C), to: (U, D), on_delete: ForeignKeyAction) -> ForeignKeyCreateStatement
where
    T: IntoIden,
    C: IntoIden,
    U: IntoIden,
    D: IntoIden,
{
    ForeignKey::create()
        .from(from.0, from.1)
        .to(to.0, to.1)
        .on_delete(on_delete)
        .to_owned()
}

/// Creates a plain index on `columns` of `table`.
async fn index<T, C>(manager: &SchemaManager<'_>, name: &str, table: T, columns: &[C]) -> Result<(), DbErr>
where
    T: IntoIden + 'static,
    C: IntoIden + Copy + 'static,
{
    let mut statement = Index::create();
    statement.name(name).table(table);
    for column in columns {
        statement.col(*column);
    }
    manager.create_index(statement.to_owned()).await
}
