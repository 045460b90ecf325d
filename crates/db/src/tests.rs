//! The persistence layer on a real SQLite file — and on PostgreSQL too when TEST_DATABASE_URL is set.

use chrono::Utc;
use domain::roles::{Role, Roles};
use domain::throttle::{FailureRecord, ThrottlePolicy};
use sea_orm::{ConnectionTrait, Database, DatabaseConnection};

use crate::users::{NewUser, UserFilter};

/// Fresh databases: always a temporary SQLite file, plus a fresh PostgreSQL database when configured.
async fn databases(dir: &tempfile::TempDir) -> Vec<(DatabaseConnection, Option<String>)> {
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("db.sqlite3").display());
    let mut out = vec![(crate::connect(&url).await.expect("sqlite"), None)];
    if let Some(admin_url) = std::env::var("TEST_DATABASE_URL").ok().filter(|u| !u.is_empty()) {
        let name = format!("cd_dbtest_{}", uuid::Uuid::new_v4().simple());
        let admin = Database::connect(&admin_url).await.expect("postgres");
        admin
            .execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
            .await
            .expect("create");
        let base = admin_url.rsplit_once('/').map_or(admin_url.as_str(), |(b, _)| b);
        out.push((
            crate::connect(&format!("{base}/{name}")).await.expect("connect"),
            Some(name),
        ));
    }
    for (db, _) in &out {
        crate::migrate(db).await.expect("migrations apply");
    }
    out
}

async fn drop_postgres(name: Option<String>) {
    let (Some(name), Ok(admin_url)) = (name, std::env::var("TEST_DATABASE_URL")) else {
        return;
    };
    if let Ok(admin) = Database::connect(&admin_url).await {
        let _ = admin
            .execute_unprepared(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
            .await;
    }
}

fn new_user(email: &str, name: &str) -> NewUser {
    NewUser {
        email: email.to_owned(),
        display_name: name.to_owned(),
        password_hash: None,
        roles: Roles::new([Role::Reviewer]),
        locale: "fa".to_owned(),
    }
}

#[tokio::test]
async fn migrations_are_idempotent_and_report_their_status() {
    let dir = tempfile::tempdir().expect("dir");
    for (db, name) in databases(&dir).await {
        crate::migrate(&db).await.expect("a second run changes nothing");
        let status = crate::migration_status(&db).await.expect("status");
        assert_eq!(status.len(), 11);
        assert!(status.iter().all(|(_, applied)| *applied));
        drop(db);
        drop_postgres(name).await;
    }
}

#[tokio::test]
async fn a_duplicate_email_is_a_unique_violation() {
    let dir = tempfile::tempdir().expect("dir");
    for (db, name) in databases(&dir).await {
        crate::users::insert(&db, new_user("a@example.org", "A"), Utc::now())
            .await
            .expect("first");
        let err = crate::users::insert(&db, new_user("a@example.org", "B"), Utc::now())
            .await
            .err();
        assert!(err.as_ref().is_some_and(crate::is_unique_violation), "{err:?}");
        drop(db);
        drop_postgres(name).await;
    }
}

#[tokio::test]
async fn user_search_folds_persian_and_arabic_forms() {
    let dir = tempfile::tempdir().expect("dir");
    for (db, name) in databases(&dir).await {
        crate::users::insert(&db, new_user("k@example.org", "كاظم عليزاده"), Utc::now())
            .await
            .expect("insert");
        crate::users::insert(&db, new_user("m@example.org", "مریم"), Utc::now())
            .await
            .expect("insert");
        let filter = UserFilter {
            q: Some("کاظم علی".into()),
            limit: 10,
            ..Default::default()
        };
        let (found, total) = crate::users::list(&db, &filter).await.expect("list");
        assert_eq!(total, 1);
        assert_eq!(found[0].email, "k@example.org");
        let filter = UserFilter {
            role: Some(Role::Staff),
            limit: 10,
            ..Default::default()
        };
        assert_eq!(crate::users::list(&db, &filter).await.expect("list").1, 0);
        drop(db);
        drop_postgres(name).await;
    }
}

/// Many writers that read and then write at once: none fails with "database is locked" and no
/// increment is lost.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_read_then_write_transactions_all_succeed() {
    let dir = tempfile::tempdir().expect("dir");
    let policy = ThrottlePolicy {
        max_failures: 1000,
        window: chrono::TimeDelta::hours(1),
        lockout: chrono::TimeDelta::hours(1),
    };
    for (db, name) in databases(&dir).await {
        let tasks: Vec<_> = (0..40)
            .map(|_| {
                let db = db.clone();
                tokio::spawn(async move {
                    let txn = crate::begin_write(&db).await?;
                    let now = Utc::now();
                    // A read first: a deferred SQLite transaction would now hold only a read snapshot.
                    crate::users::count(&txn).await?;
                    let record = crate::throttle::lock_for_update(&txn, "client:192.0.2.1", now).await?;
                    crate::throttle::save(
                        &txn,
                        "client:192.0.2.1",
                        FailureRecord::after_failure(Some(record), now, policy),
                    )
                    .await?;
                    txn.commit().await
                })
            })
            .collect();
        for task in tasks {
            task.await.expect("task ran").expect("no transaction failed");
        }
        let record = crate::throttle::find(&db, "client:192.0.2.1").await.expect("find");
        assert_eq!(record.map(|r| r.failures), Some(40));
        drop(db);
        drop_postgres(name).await;
    }
}
