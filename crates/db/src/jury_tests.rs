//! The jury's lists and the ranking's inputs run a fixed number of statements, whatever their size, on both
//! databases; one review per assignment however it is saved.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::Utc;
use domain::review::{AssignmentState, ConflictSource};
use domain::reviewer::Organisation;

use crate::tests::{call_fixture, content, databases, drop_postgres, new_user};

#[tokio::test]
async fn jury_lists_and_ranking_inputs_run_a_fixed_number_of_statements() {
    let dir = tempfile::tempdir().expect("dir");
    for (mut db, name) in databases(&dir).await {
        let f = call_fixture(&db).await;
        let now = Utc::now();
        let mut reviewers = Vec::new();
        for n in 0..8 {
            let user = crate::users::insert(&db, new_user(&format!("r{n}@example.org"), &format!("داور {n}")), now)
                .await
                .expect("user");
            let fields = crate::reviewers::ReviewerFields {
                organisation: Organisation::ALL[n % 4],
                expertise: vec![domain::idea::Domain::Cultural],
                max_load: 50,
                active: true,
            };
            crate::reviewers::insert(&db, user.id, fields, now)
                .await
                .expect("reviewer");
            reviewers.push(user.id);
        }
        for i in 0..12 {
            let idea = crate::ideas::insert(
                &db,
                f.call,
                f.submitter,
                None,
                &content(f.city, &format!("ایده {i}"), "متن"),
                now,
            )
            .await
            .expect("idea");
            for k in 0..2 {
                let reviewer_id = reviewers[(i + k) % reviewers.len()];
                let assignment = crate::assignments::insert(
                    &db,
                    crate::assignments::NewAssignment {
                        call_id: f.call,
                        idea_id: idea.id,
                        reviewer_id,
                        due_on: None,
                        assigned_by: None,
                    },
                    now,
                )
                .await
                .expect("assignment");
                let content = crate::reviews::ReviewContent {
                    scores: BTreeMap::from([("impact".to_owned(), 5)]),
                    ..Default::default()
                };
                crate::reviews::save(&db, &assignment, content.clone(), false, now)
                    .await
                    .expect("draft");
                let saved = crate::reviews::save(&db, &assignment, content, true, now)
                    .await
                    .expect("submitted");
                assert_eq!(
                    saved.map(|r| r.version),
                    Some(2),
                    "the draft was submitted, not duplicated"
                );
                crate::assignments::set_state(
                    &db,
                    assignment.id,
                    &[AssignmentState::Pending],
                    AssignmentState::Submitted,
                    now,
                )
                .await
                .expect("state");
            }
            let conflict = crate::conflicts::NewConflict {
                reviewer_id: reviewers[(i + 5) % reviewers.len()],
                idea_id: idea.id,
                call_id: f.call,
                source: ConflictSource::Staff,
                reason: "خویشاوند".into(),
                entered_by: f.submitter,
            };
            crate::conflicts::insert(&db, conflict, now).await.expect("conflict");
        }

        let count = Arc::new(AtomicUsize::new(0));
        let counter = count.clone();
        db.set_metric_callback(move |_| {
            counter.fetch_add(1, Ordering::SeqCst);
        });
        let counted = |expected: usize, what: &str| {
            assert_eq!(count.swap(0, Ordering::SeqCst), expected, "{what}");
        };
        for limit in [1, 100] {
            count.store(0, Ordering::SeqCst);
            let filter = crate::reviewers::ReviewerFilter {
                call_id: Some(f.call),
                limit,
                ..Default::default()
            };
            let (rows, total) = crate::reviewers::list(&db, &filter).await.expect("reviewers");
            assert_eq!((total, rows.len() as u64), (8, limit.min(8)));
            if limit == 100 {
                let assigned: i64 = rows.iter().map(|r| r.assigned).sum();
                let submitted: i64 = rows.iter().map(|r| r.submitted).sum();
                assert_eq!((assigned, submitted), (24, 24), "loads counted");
            }
            counted(2, "reviewers");

            let filter = crate::conflicts::ConflictFilter {
                call_id: Some(f.call),
                limit,
                ..Default::default()
            };
            let (rows, total) = crate::conflicts::list(&db, &filter).await.expect("conflicts");
            assert_eq!((total, rows.len() as u64), (12, limit.min(12)));
            counted(2, "conflicts");

            let filter = crate::assignments::AssignmentFilter {
                call_id: Some(f.call),
                limit,
                ..Default::default()
            };
            let (rows, total) = crate::assignments::list(&db, &filter).await.expect("assignments");
            assert_eq!((total, rows.len() as u64), (24, limit.min(24)));
            counted(2, "assignments");
        }
        let reviews = crate::reviews::of_call(&db, f.call).await.expect("reviews");
        assert_eq!(reviews.len(), 24);
        counted(1, "the call's reviews");
        assert_eq!(
            crate::assignments::of_call(&db, f.call)
                .await
                .expect("assignments")
                .len(),
            24
        );
        counted(1, "the call's assignments");
        assert_eq!(
            crate::conflicts::pairs_of_call(&db, f.call).await.expect("pairs").len(),
            12
        );
        counted(1, "the call's conflicts");
        assert_eq!(crate::reviewers::roster(&db, f.call).await.expect("roster").len(), 8);
        counted(1, "the roster");
        drop(db);
        drop_postgres(name).await;
    }
}
