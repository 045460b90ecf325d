//! What the schema builder cannot express for idea lists: the substring index behind `?q=` (pg_trgm on
//! PostgreSQL; on SQLite an FTS5 trigram table kept in step with `ideas.search_text` by triggers), and on
//! PostgreSQL the indexes for the default order, the latest submission first with drafts last (an
//! ascending index read backwards would put drafts first; SQLite's indexes already sort NULL lowest).

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DbBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

const POSTGRES_UP: &[&str] = &[
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX idx_ideas_search_text_trgm ON ideas USING gin (search_text gin_trgm_ops)",
    "CREATE INDEX idx_ideas_submitted_at_desc ON ideas (submitted_at DESC NULLS LAST, id)",
    "CREATE INDEX idx_ideas_call_submitted_at_desc ON ideas (call_id, submitted_at DESC NULLS LAST, id)",
];

const POSTGRES_DOWN: &[&str] = &[
    "DROP INDEX IF EXISTS idx_ideas_call_submitted_at_desc",
    "DROP INDEX IF EXISTS idx_ideas_submitted_at_desc",
    "DROP INDEX IF EXISTS idx_ideas_search_text_trgm",
];

// An external-content table: the text lives once, in ideas; ideas_search holds only the index, keyed
// by the ideas row's rowid. ("INSERT INTO ideas_search(ideas_search) VALUES ('rebuild')" rebuilds it.)
const SQLITE_UP: &[&str] = &[
    "CREATE VIRTUAL TABLE ideas_search USING fts5(search_text, content='ideas', content_rowid='rowid', tokenize='trigram')",
    "CREATE TRIGGER ideas_search_insert AFTER INSERT ON ideas BEGIN
        INSERT INTO ideas_search(rowid, search_text) VALUES (new.rowid, new.search_text);
     END",
    "CREATE TRIGGER ideas_search_delete AFTER DELETE ON ideas BEGIN
        INSERT INTO ideas_search(ideas_search, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
     END",
    "CREATE TRIGGER ideas_search_update AFTER UPDATE OF search_text ON ideas BEGIN
        INSERT INTO ideas_search(ideas_search, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
        INSERT INTO ideas_search(rowid, search_text) VALUES (new.rowid, new.search_text);
     END",
    "INSERT INTO ideas_search(ideas_search) VALUES ('rebuild')",
];

const SQLITE_DOWN: &[&str] = &[
    "DROP TRIGGER IF EXISTS ideas_search_update",
    "DROP TRIGGER IF EXISTS ideas_search_delete",
    "DROP TRIGGER IF EXISTS ideas_search_insert",
    "DROP TABLE IF EXISTS ideas_search",
];

async fn run(manager: &SchemaManager<'_>, postgres: &[&str], sqlite: &[&str]) -> Result<(), DbErr> {
    let statements = match manager.get_database_backend() {
        DbBackend::Postgres => postgres,
        DbBackend::Sqlite => sqlite,
        other => return Err(DbErr::Migration(format!("unsupported database backend {other:?}"))),
    };
    let db = manager.get_connection();
    for statement in statements {
        db.execute_unprepared(statement).await?;
    }
    Ok(())
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        run(manager, POSTGRES_UP, SQLITE_UP).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        run(manager, POSTGRES_DOWN, SQLITE_DOWN).await
    }
}
