//! Ideas: writing them, their state changes, the lists (at most two statements per page), the
//! near-duplicate fingerprints, and the rows behind statistics and exports.

use chrono::{DateTime, SubsecRound, Utc};
use domain::idea::{Content, Domain, IdeaState};
use domain::profile::OccupationCategory;
use domain::similarity::{self, Fingerprint};
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Func, NullOrdering, Order, Query, SimpleExpr};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, FromQueryResult, JoinType,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, QueryTrait, RelationTrait, Set,
};
use uuid::Uuid;

use crate::entities::idea::{ActiveModel, Column, Entity as Ideas, Model as Idea, Relation};
use crate::entities::{assignment, call, city, review, user};
use crate::stored::{Json, Named};

/// What the idea's search and fingerprint read: every text a submitter wrote, folded.
fn search_text(content: &Content) -> String {
    let partners = content
        .partners
        .iter()
        .map(|p| format!("{} {}", p.name, p.organisation.as_deref().unwrap_or_default()))
        .collect::<Vec<_>>()
        .join(" ");
    let channel = content.channel.as_ref().map_or("", |c| c.description.as_str());
    domain::text::fold(&format!(
        "{}\n{}\n{}\n{}\n{}\n{}",
        content.title, content.summary, content.body, channel, partners, content.expected_outcomes
    ))
}

fn apply(model: &mut ActiveModel, content: &Content) {
    let search_text = search_text(content);
    model.fingerprint = Set(Fingerprint::of_folded(&search_text).to_bytes());
    model.search_text = Set(search_text);
    model.title = Set(content.title.clone());
    model.summary = Set(content.summary.clone());
    model.body = Set(content.body.clone());
    model.domain = Set(Named(content.domain));
    model.target_city_id = Set(content.target_city_id);
    model.channel_kind = Set(content.channel.as_ref().map(|c| Named(c.kind)));
    model.channel_description = Set(content
        .channel
        .as_ref()
        .map(|c| c.description.clone())
        .unwrap_or_default());
    model.channel_years = Set(content.channel.as_ref().map(|c| c.years));
    model.partners = Set(Json(content.partners.clone()));
    model.expected_outcomes = Set(content.expected_outcomes.clone());
    model.files_public = Set(content.files_public);
}

pub async fn insert(
    db: &impl ConnectionTrait,
    call_id: Uuid,
    submitter_id: Uuid,
    submitter_category: Option<OccupationCategory>,
    content: &Content,
    now: DateTime<Utc>,
) -> Result<Idea, DbErr> {
    let mut model = ActiveModel {
        id: Set(Uuid::now_v7()),
        call_id: Set(call_id),
        submitter_id: Set(submitter_id),
        state: Set(Named(IdeaState::Draft)),
        submitter_category: Set(submitter_category.map(Named)),
        best_match_id: Set(None),
        best_match_score: Set(None),
        version: Set(1),
        submitted_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    };
    apply(&mut model, content);
    // Before the row is written: see `lock_call_similarity`.
    lock_call_similarity(db, call_id).await?;
    let idea = model.insert(db).await?;
    refresh_similarity(db, &idea).await?;
    find_by_id(db, idea.id)
        .await?
        .ok_or(DbErr::RecordNotFound("idea just written".into()))
}

pub async fn find_by_id(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<Idea>, DbErr> {
    Ideas::find_by_id(id).one(db).await
}

/// The ideas with these ids that exist, in no particular order: one query.
pub async fn find_many(db: &impl ConnectionTrait, ids: &[Uuid]) -> Result<Vec<Idea>, DbErr> {
    Ideas::find()
        .filter(Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await
}

/// How many of a submitter's ideas in a call count against its cap (all but the withdrawn).
pub async fn count_active_of_submitter(
    db: &impl ConnectionTrait,
    call_id: Uuid,
    submitter_id: Uuid,
) -> Result<u64, DbErr> {
    Ideas::find()
        .filter(Column::CallId.eq(call_id))
        .filter(Column::SubmitterId.eq(submitter_id))
        .filter(Column::State.ne(IdeaState::Withdrawn.as_str()))
        .count(db)
        .await
}

/// Saves new content if the idea is still at `expected_version` and in one of `states`; `None` otherwise.
pub async fn update_content(
    db: &impl ConnectionTrait,
    idea: &Idea,
    expected_version: i32,
    states: &[IdeaState],
    content: &Content,
    submitter_category: Option<OccupationCategory>,
    now: DateTime<Utc>,
) -> Result<Option<Idea>, DbErr> {
    let mut model = <ActiveModel as Default>::default();
    apply(&mut model, content);
    model.submitter_category = Set(submitter_category.map(Named));
    model.version = Set(expected_version + 1);
    model.updated_at = Set(now);
    // Before the row is written: see `lock_call_similarity`.
    lock_call_similarity(db, idea.call_id).await?;
    let result = Ideas::update_many()
        .set(model)
        .filter(Column::Id.eq(idea.id))
        .filter(Column::Version.eq(expected_version))
        .filter(Column::State.is_in(states.iter().map(|s| s.as_str())))
        .exec(db)
        .await?;
    if result.rows_affected == 0 {
        return Ok(None);
    }
    let Some(updated) = find_by_id(db, idea.id).await? else {
        return Ok(None);
    };
    refresh_similarity(db, &updated).await?;
    find_by_id(db, idea.id).await
}

/// Moves the idea from one of `from` to `to`, atomically and in one statement: of two concurrent
/// changes only one finds the idea still in `from` at the version read. Returns the idea as changed,
/// or `None` when it had moved on.
pub async fn transition(
    db: &impl ConnectionTrait,
    idea: &Idea,
    from: &[IdeaState],
    to: IdeaState,
    now: DateTime<Utc>,
) -> Result<Option<Idea>, DbErr> {
    // The idea is answered from memory: keep the times as the databases store them (PostgreSQL to the
    // microsecond), so that the answer and a later read agree.
    let now = now.trunc_subsecs(6);
    let submitted_at = match (to, *idea.state) {
        (IdeaState::Submitted, IdeaState::Draft) => Some(now),
        _ => idea.submitted_at,
    };
    let result = Ideas::update_many()
        .col_expr(Column::State, Expr::value(Named(to)))
        .col_expr(Column::Version, Expr::value(idea.version + 1))
        .col_expr(Column::UpdatedAt, Expr::value(now))
        .col_expr(Column::SubmittedAt, Expr::value(submitted_at))
        .filter(Column::Id.eq(idea.id))
        .filter(Column::Version.eq(idea.version))
        .filter(Column::State.is_in(from.iter().map(|s| Named(*s))))
        .exec(db)
        .await?;
    Ok((result.rows_affected == 1).then(|| Idea {
        state: Named(to),
        version: idea.version + 1,
        updated_at: now,
        submitted_at,
        ..idea.clone()
    }))
}

/// Who may see which ideas in a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// Staff: every idea.
    Staff,
    /// A signed-in account: its own ideas and the published selected ones.
    Account(Uuid),
    /// Nobody signed in: the published selected ideas.
    Public,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdeaSortField {
    SubmittedAt,
    CreatedAt,
    Title,
}

#[derive(Debug, Clone)]
pub struct IdeaFilter {
    pub audience: Audience,
    /// Only the caller's own ideas.
    pub mine_of: Option<Uuid>,
    pub call_id: Option<Uuid>,
    pub state: Option<IdeaState>,
    pub domain: Option<Domain>,
    pub target_city_id: Option<Uuid>,
    pub target_country: Option<String>,
    pub submitter_category: Option<OccupationCategory>,
    pub submitted_from: Option<DateTime<Utc>>,
    pub submitted_to: Option<DateTime<Utc>>,
    pub q: Option<String>,
    pub sort: (IdeaSortField, Order),
    pub limit: u64,
    pub offset: u64,
}

impl IdeaFilter {
    /// Every idea `audience` may see, newest submitted first, 20 at a time: set what narrows it on top.
    pub fn new(audience: Audience) -> IdeaFilter {
        IdeaFilter {
            audience,
            mine_of: None,
            call_id: None,
            state: None,
            domain: None,
            target_city_id: None,
            target_country: None,
            submitter_category: None,
            submitted_from: None,
            submitted_to: None,
            q: None,
            sort: (IdeaSortField::SubmittedAt, Order::Desc),
            limit: 20,
            offset: 0,
        }
    }
}

/// An idea with what its views show beside it: the target city, the submitter's name and the
/// title of its closest other idea.
#[derive(Debug, Clone, FromQueryResult)]
pub struct IdeaRow {
    #[sea_orm(nested)]
    pub idea: Idea,
    pub city_name_fa: String,
    pub city_name_en: Option<String>,
    pub city_country: String,
    pub city_verified: bool,
    pub submitter_name: String,
    pub submitter_email: String,
    pub best_match_title: Option<String>,
    pub call_opens_at: DateTime<Utc>,
    pub call_closes_at: DateTime<Utc>,
    pub call_review_opens_at: DateTime<Utc>,
    pub call_review_closes_at: DateTime<Utc>,
    pub call_decisions_published_at: Option<DateTime<Utc>>,
    pub call_blind_review: bool,
    /// How many of its reviews are submitted and count (their assignment submitted, not declined).
    pub submitted_reviews: i64,
}

impl IdeaRow {
    /// The call's window, for the rules that depend on its phase.
    pub fn call_window(&self) -> domain::call::CallWindow {
        domain::call::CallWindow {
            opens_at: self.call_opens_at,
            closes_at: self.call_closes_at,
            review_opens_at: self.call_review_opens_at,
            review_closes_at: self.call_review_closes_at,
        }
    }

    pub fn call_decided(&self) -> bool {
        self.call_decisions_published_at.is_some()
    }

    pub fn has_submitted_review(&self) -> bool {
        self.submitted_reviews > 0
    }
}

/// The idea's reviews that are submitted and count (as `reviews::of_idea` reads them), as a condition on the
/// reviews joined with their assignments, correlated with the outer query's idea.
fn counted_reviews_of_outer_idea() -> Condition {
    Condition::all()
        .add(Expr::col((review::Entity, review::Column::IdeaId)).equals((Ideas, Column::Id)))
        .add(Expr::col((review::Entity, review::Column::SubmittedAt)).is_not_null())
        .add(
            Expr::col((assignment::Entity, assignment::Column::State))
                .eq(domain::review::AssignmentState::Submitted.as_str()),
        )
}

/// How many submitted reviews that count each idea has, as a correlated subquery (one indexed look-up per idea).
fn submitted_review_count() -> SimpleExpr {
    crate::scalar(
        Query::select()
            .expr(Func::count(Expr::col((review::Entity, review::Column::Id))))
            .from(review::Entity)
            .inner_join(
                assignment::Entity,
                Expr::col((assignment::Entity, assignment::Column::Id))
                    .equals((review::Entity, review::Column::AssignmentId)),
            )
            .cond_where(counted_reviews_of_outer_idea())
            .to_owned(),
    )
}

/// Which of these ideas have at least one submitted review that counts: one statement.
pub async fn with_submitted_review(db: &impl ConnectionTrait, ids: &[Uuid]) -> Result<Vec<Uuid>, DbErr> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ideas::find()
        .select_only()
        .column(Column::Id)
        .filter(Column::Id.is_in(ids.iter().copied()))
        .filter(submitted_review_count().gt(0))
        .into_tuple::<Uuid>()
        .all(db)
        .await
}

fn visible_to(audience: Audience) -> Condition {
    let published = Column::State.eq(IdeaState::Selected.as_str());
    match audience {
        Audience::Staff => Condition::all(),
        Audience::Account(id) => Condition::any().add(Column::SubmitterId.eq(id)).add(published),
        Audience::Public => Condition::all().add(published),
    }
}

fn filter_condition(backend: sea_orm::DbBackend, filter: &IdeaFilter) -> Condition {
    let mut condition = Condition::all().add(visible_to(filter.audience));
    if let Some(id) = filter.mine_of {
        condition = condition.add(Column::SubmitterId.eq(id));
    }
    if let Some(call_id) = filter.call_id {
        condition = condition.add(Column::CallId.eq(call_id));
    }
    if let Some(state) = filter.state {
        condition = condition.add(Column::State.eq(state.as_str()));
    }
    if let Some(domain) = filter.domain {
        condition = condition.add(Column::Domain.eq(domain.as_str()));
    }
    if let Some(city) = filter.target_city_id {
        condition = condition.add(Column::TargetCityId.eq(city));
    }
    if let Some(country) = &filter.target_country {
        condition = condition.add(crate::cities::in_country(Column::TargetCityId, country));
    }
    if let Some(category) = filter.submitter_category {
        condition = condition.add(Column::SubmitterCategory.eq(category.as_str()));
    }
    if let Some(from) = filter.submitted_from {
        condition = condition.add(Column::SubmittedAt.gte(from));
    }
    if let Some(to) = filter.submitted_to {
        condition = condition.add(Column::SubmittedAt.lte(to));
    }
    let words = crate::search::words(filter.q.as_deref());
    if !words.is_empty() {
        condition = condition.add(crate::search::condition(
            backend,
            "ideas",
            "ideas_search",
            Column::SearchText,
            &words,
        ));
    }
    condition
}

fn with_labels(select: sea_orm::Select<Ideas>) -> sea_orm::Selector<sea_orm::SelectModel<IdeaRow>> {
    let best = Alias::new("best");
    // Left joins (the city and the submitter always exist) keep ideas the outer loop on SQLite, whose
    // planner would otherwise start from the small cities table and sort every idea.
    select
        .join(JoinType::LeftJoin, Relation::TargetCity.def())
        .join(JoinType::LeftJoin, Relation::Submitter.def())
        .join_as(JoinType::LeftJoin, Relation::BestMatch.def(), best.clone())
        .join(JoinType::LeftJoin, Relation::Call.def())
        .column_as(city::Column::NameFa, "city_name_fa")
        .column_as(city::Column::NameEn, "city_name_en")
        .column_as(city::Column::Country, "city_country")
        .column_as(city::Column::Verified, "city_verified")
        .column_as(user::Column::DisplayName, "submitter_name")
        .column_as(user::Column::Email, "submitter_email")
        .column_as(Expr::col((best, Column::Title)), "best_match_title")
        .column_as(call::Column::OpensAt, "call_opens_at")
        .column_as(call::Column::ClosesAt, "call_closes_at")
        .column_as(call::Column::ReviewOpensAt, "call_review_opens_at")
        .column_as(call::Column::ReviewClosesAt, "call_review_closes_at")
        .column_as(call::Column::DecisionsPublishedAt, "call_decisions_published_at")
        .column_as(call::Column::BlindReview, "call_blind_review")
        .column_as(submitted_review_count(), "submitted_reviews")
        .into_model::<IdeaRow>()
}

/// One page of the ideas the filter's audience may see, and how many match: two statements. The page
/// is chosen on narrow rows (ids and the sort key) in a subquery, and only its rows are read whole and
/// joined, so that a sort never carries the ideas' texts.
pub async fn list(db: &impl ConnectionTrait, filter: &IdeaFilter) -> Result<(Vec<IdeaRow>, u64), DbErr> {
    let condition = filter_condition(db.get_database_backend(), filter);
    let total = Ideas::find().filter(condition.clone()).count(db).await?;
    let (field, order) = filter.sort.clone();
    let column = match field {
        IdeaSortField::SubmittedAt => Column::SubmittedAt,
        IdeaSortField::CreatedAt => Column::CreatedAt,
        IdeaSortField::Title => Column::Title,
    };
    let page_ids = Ideas::find()
        .select_only()
        .column(Column::Id)
        .filter(condition)
        .order_by_with_nulls(column, order.clone(), NullOrdering::Last)
        .order_by(Column::Id, Order::Asc)
        .limit(filter.limit)
        .offset(filter.offset)
        .into_query();
    let page = Ideas::find()
        .filter(Column::Id.in_subquery(page_ids))
        .order_by_with_nulls(column, order, NullOrdering::Last)
        .order_by(Column::Id, Order::Asc);
    let items = with_labels(page).all(db).await?;
    Ok((items, total))
}

/// One idea with its labels.
pub async fn find_row(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<IdeaRow>, DbErr> {
    with_labels(Ideas::find().filter(Column::Id.eq(id))).one(db).await
}

/// Every idea of a call with its labels, in submission order: the rows of an export.
pub async fn all_of_call(db: &impl ConnectionTrait, call_id: Uuid) -> Result<Vec<IdeaRow>, DbErr> {
    let select = Ideas::find()
        .filter(Column::CallId.eq(call_id))
        .order_by_with_nulls(Column::SubmittedAt, Order::Asc, NullOrdering::Last)
        .order_by(Column::Id, Order::Asc);
    with_labels(select).all(db).await
}

#[derive(Debug, Clone, FromQueryResult)]
struct FingerprintRow {
    id: Uuid,
    fingerprint: Vec<u8>,
    best_match_id: Option<Uuid>,
    best_match_score: Option<f64>,
}

async fn fingerprints_of_call(db: &impl ConnectionTrait, call_id: Uuid) -> Result<Vec<FingerprintRow>, DbErr> {
    Ideas::find()
        .select_only()
        .column(Column::Id)
        .column(Column::Fingerprint)
        .column(Column::BestMatchId)
        .column(Column::BestMatchScore)
        .filter(Column::CallId.eq(call_id))
        .into_model::<FingerprintRow>()
        .all(db)
        .await
}

fn decoded(rows: &[FingerprintRow]) -> Vec<(Uuid, Fingerprint)> {
    rows.iter()
        .filter_map(|row| Fingerprint::from_bytes(&row.fingerprint).map(|f| (row.id, f)))
        .collect()
}

/// Scores are kept to three decimals: enough to rank, stable to compare.
fn rounded(score: f64) -> f64 {
    (score * 1000.0).round() / 1000.0
}

async fn set_best_match(db: &impl ConnectionTrait, id: Uuid, best: Option<(Uuid, f64)>) -> Result<(), DbErr> {
    Ideas::update_many()
        .col_expr(Column::BestMatchId, Expr::value(best.map(|b| b.0)))
        .col_expr(Column::BestMatchScore, Expr::value(best.map(|b| rounded(b.1))))
        .filter(Column::Id.eq(id))
        .exec(db)
        .await
        .map(|_| ())
}

/// On PostgreSQL, saves of ideas in one call refresh best matches one after the other (until the
/// transaction ends), so that each sees the others' committed fingerprints and none undoes another's
/// update. SQLite's write transactions are serialised already.
///
/// Saves take it before writing their own idea's row, not only when refreshing: a save that held its row
/// and then waited for the lock, while the holder of the lock waited to update that row's best match,
/// was a deadlock that PostgreSQL broke with a 500 (seen with concurrent edits in one call, in the crash
/// test). Taking it again in `refresh_similarity` is free: the lock is re-entrant within a transaction.
async fn lock_call_similarity(db: &impl ConnectionTrait, call_id: Uuid) -> Result<(), DbErr> {
    if db.get_database_backend() != sea_orm::DbBackend::Postgres {
        return Ok(());
    }
    // A key of its own for this lock: the call id's last 8 bytes, with a marker in the top byte.
    let bytes = call_id.as_bytes();
    let mut key = [0u8; 8];
    key.copy_from_slice(&bytes[8..]);
    key[0] = 0x5e;
    let statement = sea_orm::Statement::from_sql_and_values(
        sea_orm::DbBackend::Postgres,
        "SELECT pg_advisory_xact_lock($1)",
        [i64::from_be_bytes(key).into()],
    );
    db.execute_raw(statement).await.map(|_| ())
}

/// After an idea's text changed: its own best match, and that of every other idea of the call whose
/// best match it now beats or whose best match it was.
pub async fn refresh_similarity(db: &impl ConnectionTrait, idea: &Idea) -> Result<(), DbErr> {
    lock_call_similarity(db, idea.call_id).await?;
    let rows = fingerprints_of_call(db, idea.call_id).await?;
    let all = decoded(&rows);
    let Some(own) = Fingerprint::from_bytes(&idea.fingerprint) else {
        return Ok(());
    };
    let best = similarity::best_match(idea.id, &own, &all).filter(|(_, score)| *score > 0.0);
    set_best_match(db, idea.id, best).await?;
    for row in rows.iter().filter(|row| row.id != idea.id) {
        let Some(theirs) = Fingerprint::from_bytes(&row.fingerprint) else {
            continue;
        };
        let score = rounded(theirs.similarity(&own));
        let was_ours = row.best_match_id == Some(idea.id);
        // Scores are stored rounded, so a tie here may still be a win by the unrounded score or by the smaller
        // id (`similarity::best_match`'s order): a tie is worth recomputing, or the outcome would depend on
        // which of two ideas saved at once was saved first.
        let beaten = score > 0.0 && score >= row.best_match_score.unwrap_or(0.0);
        if was_ours || beaten {
            let best = similarity::best_match(row.id, &theirs, &all).filter(|(_, score)| *score > 0.0);
            let best = best.map(|(id, score)| (id, rounded(score)));
            if best.map(|b| b.0) != row.best_match_id || best.map(|b| b.1) != row.best_match_score {
                set_best_match(db, row.id, best).await?;
            }
        }
    }
    Ok(())
}

/// The ideas of the same call most like `idea`, best first, with their similarity.
pub async fn similar(db: &impl ConnectionTrait, idea: &Idea, limit: usize) -> Result<Vec<(IdeaRow, f64)>, DbErr> {
    const MIN_SCORE: f64 = 0.05;
    let rows = fingerprints_of_call(db, idea.call_id).await?;
    let all = decoded(&rows);
    let Some(own) = Fingerprint::from_bytes(&idea.fingerprint) else {
        return Ok(Vec::new());
    };
    let best = similarity::most_similar(idea.id, &own, &all, limit, MIN_SCORE);
    let ids: Vec<Uuid> = best.iter().map(|(id, _)| *id).collect();
    let mut found = with_labels(Ideas::find().filter(Column::Id.is_in(ids))).all(db).await?;
    Ok(best
        .into_iter()
        .filter_map(|(id, score)| {
            let at = found.iter().position(|row| row.idea.id == id)?;
            Some((found.swap_remove(at), rounded(score)))
        })
        .collect())
}

/// What a call's statistics count, one row per idea.
#[derive(Debug, Clone, FromQueryResult)]
pub struct StatsRow {
    pub state: Named<IdeaState>,
    pub domain: Named<Domain>,
    pub country: String,
    pub submitter_category: Option<Named<OccupationCategory>>,
    pub submitted_at: Option<DateTime<Utc>>,
}

pub async fn stats_rows(db: &impl ConnectionTrait, call_id: Uuid) -> Result<Vec<StatsRow>, DbErr> {
    Ideas::find()
        .select_only()
        .column(Column::State)
        .column(Column::Domain)
        .column_as(city::Column::Country, "country")
        .column(Column::SubmitterCategory)
        .column(Column::SubmittedAt)
        .join(JoinType::InnerJoin, Relation::TargetCity.def())
        .filter(Column::CallId.eq(call_id))
        .into_model::<StatsRow>()
        .all(db)
        .await
}

/// How many ideas targeting a city the audience may see, by state.
pub async fn count_by_state(
    db: &impl ConnectionTrait,
    audience: Audience,
    city_id: Uuid,
) -> Result<Vec<(IdeaState, i64)>, DbErr> {
    let of_city = Condition::all()
        .add(visible_to(audience))
        .add(Column::TargetCityId.eq(city_id));
    count_states(db, of_city).await
}

/// How many of a call's ideas are in each state, every idea counted (drafts and withdrawn ones too): one
/// statement. States without ideas are left out.
pub async fn count_by_state_in_call(db: &impl ConnectionTrait, call_id: Uuid) -> Result<Vec<(IdeaState, u64)>, DbErr> {
    let counts = count_states(db, Condition::all().add(Column::CallId.eq(call_id))).await?;
    Ok(counts
        .into_iter()
        .map(|(state, n)| (state, u64::try_from(n).unwrap_or(0)))
        .collect())
}

/// How many of the ideas matching `condition` are in each state: one statement.
async fn count_states(db: &impl ConnectionTrait, condition: Condition) -> Result<Vec<(IdeaState, i64)>, DbErr> {
    let counts = Ideas::find()
        .select_only()
        .column(Column::State)
        .column_as(Column::Id.count(), "count")
        .filter(condition)
        .group_by(Column::State)
        .into_tuple::<(Named<IdeaState>, i64)>()
        .all(db)
        .await?;
    Ok(counts.into_iter().map(|(state, n)| (*state, n)).collect())
}

pub use crate::entities::idea::Model;

/// Puts an idea straight into `state` with its historical times, bypassing the state machine: for demo
/// data and imports of past calls, whose ideas went through their lives before they reached this database.
/// The caller writes the matching events.
pub async fn backdate(
    db: &impl ConnectionTrait,
    id: Uuid,
    state: IdeaState,
    created_at: DateTime<Utc>,
    submitted_at: Option<DateTime<Utc>>,
) -> Result<(), DbErr> {
    Ideas::update_many()
        .col_expr(Column::State, Expr::value(state.as_str()))
        .col_expr(Column::CreatedAt, Expr::value(created_at))
        .col_expr(Column::UpdatedAt, Expr::value(submitted_at.unwrap_or(created_at)))
        .col_expr(Column::SubmittedAt, Expr::value(submitted_at))
        .filter(Column::Id.eq(id))
        .exec(db)
        .await
        .map(|_| ())
}

/// Moves every idea of `ids` that is in one of `from` to `to`, in one statement; how many moved.
pub async fn transition_many(
    db: &impl ConnectionTrait,
    ids: &[Uuid],
    from: &[IdeaState],
    to: IdeaState,
    now: DateTime<Utc>,
) -> Result<u64, DbErr> {
    if ids.is_empty() {
        return Ok(0);
    }
    let result = Ideas::update_many()
        .col_expr(Column::State, Expr::value(to.as_str()))
        .col_expr(Column::Version, Expr::col(Column::Version).add(1))
        .col_expr(Column::UpdatedAt, Expr::value(now))
        .filter(Column::Id.is_in(ids.iter().copied()))
        .filter(Column::State.is_in(from.iter().map(|s| s.as_str())))
        .exec(db)
        .await?;
    Ok(result.rows_affected)
}
