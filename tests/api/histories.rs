//! An idea's history, read through the API as staff see it, checked against the state machine
//! (`domain::history`): the same check for histories the API wrote and for the demo's.

use domain::event::EventKind;
use domain::history::{Recorded, check};
use domain::idea::IdeaState;
use serde_json::Value;

use crate::helpers::TestApp;

/// Panics, naming the idea and what is wrong, unless its history is one the state machine allows, in order
/// of time, and ends in the state the idea is in.
pub async fn assert_lawful_history(app: &TestApp, staff: &str, idea_id: &str) {
    let idea = app
        .json(app.get(&format!("/api/v1/ideas/{idea_id}"), Some(staff)).await)
        .await;
    let events = app
        .json(app.get(&format!("/api/v1/ideas/{idea_id}/events"), Some(staff)).await)
        .await;
    let items = events["items"].as_array().expect("events");
    let times: Vec<&str> = items.iter().map(|e| e["at"].as_str().expect("at")).collect();
    assert!(
        times.windows(2).all(|pair| pair[0] <= pair[1]),
        "idea {idea_id}: events out of time order: {times:?}"
    );
    let history: Vec<Recorded> = items.iter().map(recorded).collect();
    let current: IdeaState = serde_json::from_value(idea["state"].clone()).expect("the idea's state");
    if let Err(err) = check(&history, current) {
        panic!("idea {idea_id}: {err}\n{history:#?}");
    }
}

fn recorded(event: &Value) -> Recorded {
    let kind: EventKind = serde_json::from_value(event["kind"].clone()).expect("an event kind");
    // Only the events that move the idea carry states; the others name people (assigned) or outcomes.
    let state = |field: &str| {
        kind.moves_idea()
            .then(|| event[field].as_str().and_then(|s| s.parse().ok()))
            .flatten()
    };
    Recorded {
        kind,
        from: state("from"),
        to: state("to"),
    }
}
