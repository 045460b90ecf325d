//! The persistence layer on a real SQLite file — and on PostgreSQL too when TEST_DATABASE_URL is set.

use chrono::Utc;
use domain::roles::{Role, Roles};
use domain::throttle::{FailureRecord, ThrottlePolicy};
use sea_orm::{ConnectionTrait, Database, DatabaseConnection};

use crate::users::{NewUser, UserFilter};

/// Fresh databases: always a temporary SQLite file, plus a fresh PostgreSQL database when configured.
pub(crate) async fn databases(dir: &tempfile::TempDir) -> Vec<(DatabaseConnection, Option<String>)> {
    let out = unmigrated(dir).await;
    for (db, _) in &out {
        crate::migrate(db).await.expect("migrations apply");
    }
    out
}

/// Fresh, empty databases, for tests of a migration itself.
async fn unmigrated(dir: &tempfile::TempDir) -> Vec<(DatabaseConnection, Option<String>)> {
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
    out
}

pub(crate) async fn drop_postgres(name: Option<String>) {
    let (Some(name), Ok(admin_url)) = (name, std::env::var("TEST_DATABASE_URL")) else {
        return;
    };
    if let Ok(admin) = Database::connect(&admin_url).await {
        let _ = admin
            .execute_unprepared(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
            .await;
    }
}

pub(crate) fn new_user(email: &str, name: &str) -> NewUser {
    NewUser {
        email: email.to_owned(),
        display_name: name.to_owned(),
        password_hash: None,
        roles: Roles::new([Role::Reviewer]),
        locale: domain::account::Locale::Fa,
        email_verified_at: None,
    }
}

#[tokio::test]
async fn migrations_are_idempotent_and_report_their_status() {
    let dir = tempfile::tempdir().expect("dir");
    for (db, name) in databases(&dir).await {
        crate::migrate(&db).await.expect("a second run changes nothing");
        let status = crate::migration_status(&db).await.expect("status");
        assert_eq!(
            status.len(),
            <migration::Migrator as migration::MigratorTrait>::migrations().len()
        );
        assert!(status.iter().all(|(_, applied)| *applied));
        drop(db);
        drop_postgres(name).await;
    }
}

/// Migration 23 generalises the history and keeps all of it: an event with an idea becomes the idea's, a
/// call's own event stays the call's.
#[tokio::test]
async fn the_generalised_history_keeps_every_earlier_event() {
    use migration::MigratorTrait;
    use sea_orm::sea_query::{Alias, Query};

    let dir = tempfile::tempdir().expect("dir");
    for (db, name) in unmigrated(&dir).await {
        migration::Migrator::up(&db, Some(22)).await.expect("the schema before");
        // The account as migration 22 knew it: the entity has columns added since.
        let submitter = uuid::Uuid::now_v7();
        let mut account = Query::insert();
        account
            .into_table(Alias::new("users"))
            .columns(
                [
                    "id",
                    "email",
                    "display_name",
                    "roles",
                    "active",
                    "locale",
                    "search_text",
                    "created_at",
                    "updated_at",
                ]
                .map(Alias::new),
            )
            .values_panic([
                submitter.into(),
                "c@example.org".into(),
                "C".into(),
                "".into(),
                true.into(),
                "fa".into(),
                "c@example.org c".into(),
                Utc::now().into(),
                Utc::now().into(),
            ]);
        db.execute_raw(db.get_database_backend().build(&account))
            .await
            .expect("an account of the old shape");
        let f = call_fixture_for(&db, submitter).await;
        let now = Utc::now();
        // Today's code writes the idea: the column it knows and this old shape lacks stands in for the insert,
        // on one connection (a transaction), so that the pool's other connections never see half of it.
        let idea = {
            use sea_orm::TransactionTrait;
            let txn = db.begin().await.expect("a transaction");
            txn.execute_unprepared("ALTER TABLE ideas ADD COLUMN files_public BOOLEAN NOT NULL DEFAULT FALSE")
                .await
                .expect("a stand-in column");
            let idea = crate::ideas::insert(&txn, f.call, f.submitter, None, &content(f.city, "ایده", "متن"), now)
                .await
                .expect("idea");
            txn.execute_unprepared("ALTER TABLE ideas DROP COLUMN files_public")
                .await
                .expect("the stand-in column dropped");
            txn.commit().await.expect("committed");
            idea
        };
        let (call_event, idea_event) = (uuid::Uuid::now_v7(), uuid::Uuid::now_v7());
        let mut insert = Query::insert();
        insert
            .into_table(Alias::new("events"))
            .columns(
                [
                    "id",
                    "call_id",
                    "idea_id",
                    "actor_id",
                    "kind",
                    "from_value",
                    "to_value",
                    "created_at",
                ]
                .map(Alias::new),
            )
            .values_panic([
                call_event.into(),
                f.call.into(),
                Option::<uuid::Uuid>::None.into(),
                Some(f.submitter).into(),
                "call_created".into(),
                Option::<String>::None.into(),
                Option::<String>::None.into(),
                now.into(),
            ])
            .values_panic([
                idea_event.into(),
                f.call.into(),
                Some(idea.id).into(),
                Some(f.submitter).into(),
                "submitted".into(),
                Some("draft").into(),
                Some("submitted").into(),
                now.into(),
            ]);
        db.execute_raw(db.get_database_backend().build(&insert))
            .await
            .expect("events of the old shape");

        crate::migrate(&db).await.expect("migration 23 applies");
        let of_call = crate::events::for_call(&db, f.call).await.expect("the call's history");
        assert_eq!(of_call.len(), 1);
        assert_eq!(
            (of_call[0].id, *of_call[0].kind),
            (call_event, domain::event::EventKind::CallCreated)
        );
        let of_idea = crate::events::for_idea(&db, idea.id).await.expect("the idea's history");
        assert_eq!(of_idea.len(), 1);
        assert_eq!(of_idea[0].id, idea_event);
        assert_eq!(*of_idea[0].subject_type, domain::event::SubjectKind::Idea);
        assert_eq!(of_idea[0].call_id, Some(f.call));
        assert_eq!(of_idea[0].actor_id, Some(f.submitter));
        assert_eq!(
            (of_idea[0].from_value.as_deref(), of_idea[0].to_value.as_deref()),
            (Some("draft"), Some("submitted"))
        );
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

pub(crate) struct CallFixture {
    pub submitter: uuid::Uuid,
    pub call: uuid::Uuid,
    pub city: uuid::Uuid,
}

pub(crate) async fn call_fixture(db: &DatabaseConnection) -> CallFixture {
    let user = crate::users::insert(db, new_user("c@example.org", "C"), Utc::now())
        .await
        .expect("user");
    call_fixture_for(db, user.id).await
}

/// A call and a city, for ideas of this submitter.
pub(crate) async fn call_fixture_for(db: &DatabaseConnection, submitter: uuid::Uuid) -> CallFixture {
    let now = Utc::now();
    let city = crate::cities::insert(
        db,
        crate::cities::NewCity {
            name_fa: "کوالالامپور".into(),
            name_en: Some("Kuala Lumpur".into()),
            country: "MY".into(),
            coordinates: None,
            verified: true,
            created_by: None,
        },
        now,
    )
    .await
    .expect("city");
    let fields = crate::calls::CallFields {
        title: ("فراخوان".into(), None),
        description: ("شرح".into(), None),
        window: domain::call::CallWindow {
            opens_at: now - chrono::TimeDelta::days(1),
            closes_at: now + chrono::TimeDelta::days(10),
            review_opens_at: now + chrono::TimeDelta::days(11),
            review_closes_at: now + chrono::TimeDelta::days(20),
        },
        domains: vec![domain::idea::Domain::Cultural],
        ideas_per_citizen: 100,
        blind_review: true,
        reviewers_per_idea: 3,
    };
    let call = crate::calls::insert(db, fields, None, now).await.expect("call");
    CallFixture {
        submitter,
        call: call.id,
        city: city.id,
    }
}

pub(crate) fn content(city: uuid::Uuid, title: &str, body: &str) -> domain::idea::Content {
    domain::idea::Content {
        title: title.into(),
        summary: String::new(),
        body: body.into(),
        domain: domain::idea::Domain::Cultural,
        target_city_id: city,
        channel: None,
        partners: Vec::new(),
        expected_outcomes: String::new(),
        files_public: false,
    }
}

fn idea_filter(q: Option<&str>, limit: u64) -> crate::ideas::IdeaFilter {
    crate::ideas::IdeaFilter {
        q: q.map(str::to_owned),
        limit,
        ..crate::ideas::IdeaFilter::new(crate::ideas::Audience::Staff)
    }
}

#[tokio::test]
async fn idea_search_folds_persian_and_arabic_forms_on_both_databases() {
    let dir = tempfile::tempdir().expect("dir");
    for (db, name) in databases(&dir).await {
        let f = call_fixture(&db).await;
        let texts = [
            ("همکاری سفارت‌ها", "دیدار با سفارت‌های دو کشور"),
            ("نمایشگاه ايران", "نمایشگاه صنایع دستی"),
            ("هفته فرهنگی در كوالالامپور", "برنامه‌ای یک‌هفته‌ای"),
            ("Tram know-how 100%", "from Florence_city"),
        ];
        for (title, body) in texts {
            crate::ideas::insert(
                &db,
                f.call,
                f.submitter,
                None,
                &content(f.city, title, body),
                Utc::now(),
            )
            .await
            .expect("idea");
        }
        let titles = |q: &'static str| {
            let db = db.clone();
            async move {
                let (rows, total) = crate::ideas::list(&db, &idea_filter(Some(q), 10)).await.expect("list");
                assert_eq!(total as usize, rows.len());
                rows.into_iter().map(|r| r.idea.title).collect::<Vec<_>>()
            }
        };
        assert_eq!(titles("سفارت").await, vec!["همکاری سفارت‌ها"]);
        assert_eq!(titles("ایران").await, vec!["نمایشگاه ايران"]);
        assert_eq!(titles("کوالالامپور").await, vec!["هفته فرهنگی در كوالالامپور"]);
        assert_eq!(titles("فرهنگی کوالالامپور").await, vec!["هفته فرهنگی در كوالالامپور"]);
        assert_eq!(titles("TRAM").await, vec!["Tram know-how 100%"]);
        // LIKE's wildcards are literal, and two-letter words work without the trigram index.
        assert_eq!(titles("0%").await, vec!["Tram know-how 100%"]);
        assert_eq!(titles("e_c").await, vec!["Tram know-how 100%"]);
        assert!(titles("%").await.len() == 1);
        assert!(titles("\"").await.is_empty());
        assert!(titles("سفارت ایران").await.is_empty());
        drop(db);
        drop_postgres(name).await;
    }
}

/// A list page is two statements (count and page, with the labels joined) whatever its size.
#[tokio::test]
async fn an_idea_list_runs_two_statements_whatever_the_page_size() {
    let dir = tempfile::tempdir().expect("dir");
    for (mut db, name) in databases(&dir).await {
        let f = call_fixture(&db).await;
        for i in 0..30 {
            let title = format!("ایده شماره {i}");
            crate::ideas::insert(
                &db,
                f.call,
                f.submitter,
                None,
                &content(f.city, &title, "متن"),
                Utc::now(),
            )
            .await
            .expect("idea");
        }
        let count = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let counter = count.clone();
        db.set_metric_callback(move |_| {
            counter.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        });
        for limit in [1, 100] {
            count.store(0, std::sync::atomic::Ordering::SeqCst);
            let mut filter = idea_filter(Some("ایده"), limit);
            filter.call_id = Some(f.call);
            filter.target_country = Some("MY".into());
            filter.domain = Some(domain::idea::Domain::Cultural);
            let (rows, total) = crate::ideas::list(&db, &filter).await.expect("list");
            assert_eq!(total, 30);
            assert_eq!(rows.len() as u64, limit.min(30));
            assert_eq!(count.load(std::sync::atomic::Ordering::SeqCst), 2, "limit {limit}");
        }
        drop(db);
        drop_postgres(name).await;
    }
}

#[tokio::test]
async fn a_near_duplicate_becomes_each_others_best_match() {
    let dir = tempfile::tempdir().expect("dir");
    for (db, name) in databases(&dir).await {
        let f = call_fixture(&db).await;
        let body = "برگزاری هفته فرهنگی اصفهان در کوالالامپور با نمایش صنایع دستی، موسیقی سنتی و غذاهای محلی";
        let first = crate::ideas::insert(
            &db,
            f.call,
            f.submitter,
            None,
            &content(f.city, "هفته فرهنگی", body),
            Utc::now(),
        )
        .await
        .expect("first");
        let other = crate::ideas::insert(
            &db,
            f.call,
            f.submitter,
            None,
            &content(f.city, "تبادل دانشجو", "دانشگاه"),
            Utc::now(),
        )
        .await
        .expect("other");
        let copy = crate::ideas::insert(
            &db,
            f.call,
            f.submitter,
            None,
            &content(f.city, "هفته فرهنگي", &body.replace('ی', "ي")),
            Utc::now(),
        )
        .await
        .expect("copy");
        assert_eq!(copy.best_match_id, Some(first.id));
        let first = crate::ideas::find_by_id(&db, first.id)
            .await
            .expect("find")
            .expect("first");
        assert_eq!(first.best_match_id, Some(copy.id));
        assert!(first.best_match_score.unwrap_or(0.0) > 0.9);
        let similar = crate::ideas::similar(&db, &first, 10).await.expect("similar");
        assert_eq!(similar.first().map(|(row, _)| row.idea.id), Some(copy.id));
        assert!(similar.iter().all(|(row, _)| row.idea.id != first.id));
        let _ = other;
        drop(db);
        drop_postgres(name).await;
    }
}

fn day(y: i32, m: u32, d: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(y, m, d).expect("a real day")
}

fn activity(city: uuid::Uuid, on: chrono::NaiveDate) -> crate::activities::ActivityContent {
    crate::activities::ActivityContent {
        city_id: city,
        occurred_on: on,
        kind: domain::activity::ActivityKind::Webinar,
        direction: domain::activity::ActivityDirection::Joint,
        title: ("وبینار شهرداران".into(), Some("Mayors' webinar".into())),
        description: None,
        outcomes: None,
        idea_id: None,
    }
}

/// The register's lists are two statements whatever the page size, and the health read beside each
/// partnership (the last activity that counts, the recent ones, the dormancy filter) is the same on
/// both databases.
#[tokio::test]
async fn register_lists_run_two_statements_and_derive_health_in_sql_on_both_databases() {
    use domain::activity::ActivityStatus;
    use domain::partnership::{PartnershipKind, PartnershipState};
    let dir = tempfile::tempdir().expect("dir");
    let today = day(2026, 11, 27);
    let dates = crate::partnerships::HealthDates {
        today,
        recent_since: day(2025, 11, 27),
        dormant_before: day(2025, 11, 27),
    };
    for (mut db, name) in databases(&dir).await {
        let now = Utc::now();
        let mut cities = Vec::new();
        for i in 0..30 {
            let city = crate::cities::insert(
                &db,
                crate::cities::NewCity {
                    name_fa: format!("شهر {i:02}"),
                    name_en: Some(format!("City {i:02}")),
                    country: if i % 2 == 0 { "IT".into() } else { "DE".into() },
                    coordinates: None,
                    verified: true,
                    created_by: None,
                },
                now,
            )
            .await
            .expect("city");
            let fields = crate::partnerships::PartnershipFields {
                kind: PartnershipKind::SisterCity,
                signed_on: Some(day(2000, 1, 1)),
                next_review_on: None,
                focal_points: vec![],
                notes: None,
            };
            let initial = crate::partnerships::NewStateChange {
                to: PartnershipState::Active,
                effective_on: day(2000, 1, 1),
                reason: None,
                actor_id: None,
            };
            crate::partnerships::insert(&db, city.id, fields, initial, day(2026, 1, 1), now)
                .await
                .expect("partnership");
            cities.push(city.id);
        }
        // City 00: held exactly at the threshold, a plan after it and one in the future: not dormant.
        for (on, status) in [
            (day(2025, 11, 27), ActivityStatus::Done),
            (day(2026, 3, 1), ActivityStatus::Planned),
            (day(2026, 12, 1), ActivityStatus::Done),
        ] {
            crate::activities::insert(&db, activity(cities[0], on), status, None, now)
                .await
                .expect("activity");
        }
        // City 01: the day before the threshold, and a cancelled one since: dormant.
        for (on, status) in [
            (day(2025, 11, 26), ActivityStatus::Done),
            (day(2026, 5, 1), ActivityStatus::Cancelled),
        ] {
            crate::activities::insert(&db, activity(cities[1], on), status, None, now)
                .await
                .expect("activity");
        }
        // City 02: two recent ones, one under way.
        for (on, status) in [
            (day(2026, 1, 5), ActivityStatus::Done),
            (day(2026, 11, 27), ActivityStatus::UnderWay),
        ] {
            crate::activities::insert(&db, activity(cities[2], on), status, None, now)
                .await
                .expect("activity");
        }

        for i in 0..30 {
            let network = crate::networks::NewNetwork {
                // The Arabic yeh in half of them: a search with the Persian one finds all.
                name: (
                    format!("شبکه {} {i:02}", if i % 2 == 0 { "جهانی" } else { "جهاني" }),
                    Some(format!("Network {i:02}")),
                ),
                website: None,
                joined_on: (i % 3 != 0).then(|| day(2000, 1, 1 + i)),
                left_on: None,
                role: None,
                notes: None,
            };
            crate::networks::insert(&db, network, now).await.expect("network");
        }

        let count = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let counter = count.clone();
        db.set_metric_callback(move |_| {
            counter.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        });
        let filter = |dormant: Option<bool>, limit: u64| crate::partnerships::PartnershipFilter {
            q: None,
            country: None,
            kind: Some(PartnershipKind::SisterCity),
            state: Some(PartnershipState::Active),
            dormant,
            sort: (
                crate::partnerships::PartnershipSortField::LastActivityOn,
                sea_orm::sea_query::Order::Desc,
            ),
            limit,
            offset: 0,
        };
        for limit in [1, 100] {
            count.store(0, std::sync::atomic::Ordering::SeqCst);
            let (rows, total) = crate::partnerships::list(&db, &filter(None, limit), dates)
                .await
                .expect("list");
            assert_eq!(total, 30);
            assert_eq!(rows.len() as u64, limit.min(30));
            assert_eq!(
                count.load(std::sync::atomic::Ordering::SeqCst),
                2,
                "partnerships, limit {limit}"
            );

            count.store(0, std::sync::atomic::Ordering::SeqCst);
            let activity_filter = crate::activities::ActivityFilter {
                country: Some("IT".into()),
                q: Some("وبینار".into()),
                limit,
                ..Default::default()
            };
            let (rows, total) = crate::activities::list(&db, &activity_filter).await.expect("list");
            assert_eq!(total, 5, "cities 00 and 02 are Italian");
            assert_eq!(rows.len() as u64, limit.min(5));
            assert_eq!(
                count.load(std::sync::atomic::Ordering::SeqCst),
                2,
                "activities, limit {limit}"
            );

            count.store(0, std::sync::atomic::Ordering::SeqCst);
            let network_filter = crate::networks::NetworkFilter {
                q: Some("جهانی".into()),
                current: Some(true),
                sort: Some((
                    crate::networks::NetworkSortField::JoinedOn,
                    sea_orm::sea_query::Order::Desc,
                )),
                limit,
                offset: 0,
            };
            let (rows, total) = crate::networks::list(&db, &network_filter).await.expect("list");
            assert_eq!(total, 30);
            assert_eq!(rows.len() as u64, limit.min(30));
            assert_eq!(
                rows[0].name_en.as_deref(),
                Some("Network 29"),
                "the latest to join first"
            );
            if limit == 100 {
                assert!(rows[20..].iter().all(|r| r.joined_on.is_none()), "undated last");
            }
            assert_eq!(
                count.load(std::sync::atomic::Ordering::SeqCst),
                2,
                "networks, limit {limit}"
            );
        }

        let (rows, _) = crate::partnerships::list(&db, &filter(None, 3), dates)
            .await
            .expect("list");
        let health: Vec<_> = rows
            .iter()
            .map(|r| {
                (
                    r.city_name_en.as_deref().unwrap_or_default(),
                    r.last_activity_on,
                    r.recent_activities,
                )
            })
            .collect();
        assert_eq!(
            health,
            [
                ("City 02", Some(day(2026, 11, 27)), 2),
                ("City 00", Some(day(2025, 11, 27)), 1),
                ("City 01", Some(day(2025, 11, 26)), 0),
            ],
            "newest last activity first; plans, cancellations and future days do not count"
        );
        let names = |rows: Vec<crate::partnerships::PartnershipRow>| {
            rows.into_iter().filter_map(|r| r.city_name_en).collect::<Vec<_>>()
        };
        let (awake, total) = crate::partnerships::list(&db, &filter(Some(false), 100), dates)
            .await
            .expect("list");
        assert_eq!(total, 2);
        assert_eq!(names(awake), ["City 02", "City 00"]);
        let (dormant, total) = crate::partnerships::list(&db, &filter(Some(true), 100), dates)
            .await
            .expect("list");
        assert_eq!(total, 28, "City 01 and the 27 without activity, signed in 2000");
        assert!(names(dormant).contains(&"City 01".to_owned()));
        drop(db);
        drop_postgres(name).await;
    }
}

#[tokio::test]
async fn ties_move_from_the_profile_json_into_rows_with_ids_in_their_order() {
    use migration::{Migrator, MigratorTrait};
    use sea_orm::ColumnTrait;
    use sea_orm::sea_query::{Alias, Query};

    let dir = tempfile::tempdir().expect("dir");
    for (db, name) in databases(&dir).await {
        let user = crate::users::insert(&db, new_user("sara@example.org", "Sara"), Utc::now())
            .await
            .expect("user");
        // The schema as it was before the ties had ids (migration 24, and every one after it): a JSON array in
        // the profile.
        let since_ties = u32::try_from(Migrator::migrations().len() - 23).expect("a few");
        Migrator::down(&db, Some(since_ties)).await.expect("down");
        let fields = crate::profiles::ProfileFields {
            occupation_category: Some(domain::profile::OccupationCategory::Student),
            languages: vec!["fa".to_owned()],
        };
        crate::profiles::save(&db, user.id, fields, Utc::now())
            .await
            .expect("profile");
        let ties = r#"[{"city":"Kazan","country":"RU","nature":"study","since":2015},
            {"city":"Firenze","country":"IT","nature":"work","since":2019}]"#;
        let update = Query::update()
            .table(Alias::new("citizen_profiles"))
            .value(Alias::new("ties"), ties)
            .and_where(crate::entities::citizen_profile::Column::UserId.eq(user.id))
            .to_owned();
        db.execute(&update).await.expect("old ties");

        Migrator::up(&db, None).await.expect("up");
        let record = crate::profiles::find_with_ties(&db, user.id).await.expect("read");
        let cities: Vec<&str> = record.ties.iter().map(|t| t.city.as_str()).collect();
        assert_eq!(cities, ["Kazan", "Firenze"]);
        assert_eq!(*record.ties[1].nature, domain::profile::TieKind::Work);
        assert_ne!(record.ties[0].id, record.ties[1].id);
        assert_eq!(record.languages(), ["fa"]);
        drop_postgres(name).await;
    }
}
