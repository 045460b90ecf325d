//! Argon2id password hashing on a pool of its own: a few threads (about one per core), each hash
//! taking tens of MiB and tens of milliseconds of CPU. More hashes at once than threads would only
//! make every sign-in slower; requests beyond the pool wait their turn for at most `max_wait`, then get
//! 503 with Retry-After. A burst of logins costs time, never unbounded memory.
//!
//! The memory goes back to the system after each hash. Argon2's default of 19 MiB (two passes) did not:
//! glibc's malloc serves a block that size from the arena of the thread that freed one before, and
//! keeps it there, so every thread that ever hashed held 19 MiB for good (1 / 4 / 16 / 64 concurrent
//! logins left 89 / 166 / 472 / 1,691 MiB resident). OWASP's equivalent setting of 46 MiB and one
//! pass is above the largest block glibc ever keeps in an arena (32 MiB): it is mapped for the hash and
//! unmapped after it, by any allocator. Hashes made with other settings still verify, and are
//! replaced at the next successful sign-in (`is_current`).

use std::sync::mpsc;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use actix_web::http::header::{HeaderValue, RETRY_AFTER};
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::{Algorithm, Argon2, Params, Version};
use tokio::sync::{Semaphore, oneshot};

use crate::error::{ApiError, ErrorCode, Problem};

type Job = Box<dyn FnOnce() + Send>;

/// The answer of every operation that hashes a password when the pool is taken, for the OpenAPI document.
#[derive(utoipa::IntoResponses)]
#[response(
    status = 503,
    description = "`busy`: every password hashing thread is taken and the wait ran out; retry after Retry-After.",
    content_type = "application/problem+json",
    headers(("Retry-After" = u64, description = "Seconds to wait"))
)]
pub struct Busy(#[allow(dead_code)] Problem);

/// The pool. Cheap to share: handlers reach it through the app state.
pub struct PasswordHashing {
    /// One permit per thread: a request holds one from the moment its hash is queued until it is done,
    /// so the queue of the threads never holds more than they can start at once.
    permits: Arc<Semaphore>,
    jobs: mpsc::Sender<Job>,
    max_wait: Duration,
}

impl PasswordHashing {
    /// `threads` hashing threads (one per core when `None`); a request waits at most `max_wait` for one.
    pub fn new(threads: Option<usize>, max_wait: Duration) -> Self {
        let cores = || std::thread::available_parallelism().map_or(2, usize::from);
        let threads = threads.unwrap_or_else(cores).max(1);
        let (sender, receiver) = mpsc::channel::<Job>();
        let receiver = Arc::new(Mutex::new(receiver));
        for index in 0..threads {
            let receiver = Arc::clone(&receiver);
            let spawned = std::thread::Builder::new()
                .name(format!("password-hashing-{index}"))
                .spawn(move || {
                    loop {
                        // The lock is held only while waiting for the next job, never while hashing.
                        let job = match receiver.lock() {
                            Ok(jobs) => jobs.recv(),
                            Err(_) => return,
                        };
                        match job {
                            Ok(job) => job(),
                            Err(_) => return, // the pool was dropped
                        }
                    }
                });
            if let Err(err) = spawned {
                tracing::error!(%err, "a password hashing thread could not start");
            }
        }
        PasswordHashing {
            permits: Arc::new(Semaphore::new(threads)),
            jobs: sender,
            max_wait,
        }
    }

    /// The argon2id hash of `password`, in PHC string form with its own salt.
    pub async fn hash(&self, password: String) -> Result<String, ApiError> {
        self.run(move || hash_now(&password)).await?
    }

    /// Checks `password` against `stored`. Without a stored hash (unknown account, or no password set
    /// yet) it checks against a dummy hash, so the answer takes as long either way.
    pub async fn verify(&self, password: String, stored: Option<String>) -> Result<bool, ApiError> {
        self.run(move || {
            let (hash, real) = match stored.as_deref() {
                Some(hash) => (hash, true),
                None => (dummy_hash(), false),
            };
            // The stored hash names its own settings; verifying follows them.
            let matches =
                PasswordHash::new(hash).is_ok_and(|hash| argon2().verify_password(password.as_bytes(), &hash).is_ok());
            matches && real
        })
        .await
    }

    async fn run<T: Send + 'static>(&self, work: impl FnOnce() -> T + Send + 'static) -> Result<T, ApiError> {
        let permit = tokio::time::timeout(self.max_wait, Arc::clone(&self.permits).acquire_owned())
            .await
            .map_err(|_| self.busy())?
            .map_err(ApiError::internal)?;
        let (answer, answered) = oneshot::channel();
        let job: Job = Box::new(move || {
            let _ = answer.send(work());
            drop(permit);
        });
        self.jobs
            .send(job)
            .map_err(|_| ApiError::internal("the password hashing threads have stopped"))?;
        answered
            .await
            .map_err(|_| ApiError::internal("a password hashing thread stopped mid-hash"))
    }

    fn busy(&self) -> ApiError {
        let retry_after = self.max_wait.as_secs().max(1);
        ApiError::new(
            ErrorCode::Busy,
            "Too many sign-ins and password changes at once; try again in a moment.",
        )
        .with_header(RETRY_AFTER, HeaderValue::from(retry_after))
    }
}

impl Default for PasswordHashing {
    /// One thread per core, and at most 10 seconds in the queue.
    fn default() -> Self {
        PasswordHashing::new(None, Duration::from_secs(10))
    }
}

/// Memory per hash in KiB (46 MiB) and passes: OWASP's first argon2id setting, equal in cost to
/// 19 MiB with two passes.
const MEMORY_KIB: u32 = 47_104;
const PASSES: u32 = 1;

fn argon2() -> Argon2<'static> {
    let params = Params::new(MEMORY_KIB, PASSES, 1, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Whether a stored hash was made with today's settings; one that was not is replaced when its owner
/// next signs in.
pub fn is_current(stored: &str) -> bool {
    PasswordHash::new(stored).ok().is_some_and(|hash| {
        let made_with = Params::try_from(&hash).ok();
        hash.algorithm == Algorithm::Argon2id.ident()
            && made_with.is_some_and(|p| p.m_cost() == MEMORY_KIB && p.t_cost() == PASSES && p.p_cost() == 1)
    })
}

fn hash_now(password: &str) -> Result<String, ApiError> {
    argon2()
        .hash_password(password.as_bytes())
        .map(|hash| hash.to_string())
        .map_err(|err| ApiError::internal(format!("password hashing: {err}")))
}

fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| hash_now("a password nobody has, to spend the same time").unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::PasswordHashing;
    use crate::error::ErrorCode;

    #[tokio::test]
    async fn hashes_verify_and_a_missing_hash_never_matches() {
        let pool = PasswordHashing::new(Some(1), Duration::from_secs(30));
        let hash = pool.hash("a river through isfahan".into()).await.expect("hashed");
        assert!(hash.starts_with("$argon2id$v=19$m=47104,t=1,p=1$"));
        assert!(super::is_current(&hash));
        assert!(
            pool.verify("a river through isfahan".into(), Some(hash.clone()))
                .await
                .expect("checked")
        );
        assert!(
            !pool
                .verify("another password".into(), Some(hash))
                .await
                .expect("checked")
        );
        assert!(!pool.verify("".into(), None).await.expect("checked"));
    }

    #[tokio::test]
    async fn hashes_of_the_old_settings_verify_and_are_not_current() {
        use argon2::password_hash::PasswordHasher;
        let old = argon2::Argon2::default()
            .hash_password(b"an older password")
            .expect("hashed")
            .to_string();
        assert!(old.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(!super::is_current(&old));
        let pool = PasswordHashing::new(Some(1), Duration::from_secs(30));
        assert!(
            pool.verify("an older password".into(), Some(old))
                .await
                .expect("checked")
        );
        assert!(!super::is_current("not a hash"));
    }

    #[tokio::test]
    async fn beyond_the_threads_requests_wait_and_past_the_wait_are_told_to_retry() {
        let pool = std::sync::Arc::new(PasswordHashing::new(Some(1), Duration::from_millis(1)));
        let burst = (0..4).map(|i| {
            let pool = std::sync::Arc::clone(&pool);
            tokio::spawn(async move { pool.hash(format!("password number {i}")).await })
        });
        let mut busy = 0;
        for outcome in futures_util::future::join_all(burst).await {
            match outcome.expect("joined") {
                Ok(_) => {}
                Err(err) => {
                    let problem = err.problem();
                    assert_eq!((problem.status, problem.code), (503, ErrorCode::Busy));
                    busy += 1;
                }
            }
        }
        assert!(busy >= 1, "one thread and a 1 ms wait cannot take four hashes at once");
    }
}
