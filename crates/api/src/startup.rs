//! Building and running the server: connect, migrate, assemble the app from the route list.

use std::net::TcpListener;
use std::sync::Arc;

use actix_cors::Cors;
use actix_files::{Files, NamedFile};
use actix_web::dev::{Server, ServiceRequest, ServiceResponse, fn_service};
use actix_web::http::{Method, header};
use actix_web::middleware::{Compress, Condition, ErrorHandlers, from_fn};
use actix_web::{App, HttpResponse, HttpServer, ResponseError, guard, web};
use anyhow::Context;
use mail::{MailSettings, Mailer};
use utoipa_actix_web::AppExt;
use utoipa_swagger_ui::{Config, SwaggerUi};

use crate::auth::api_keys::check_api_keys;
use crate::auth::password::PasswordHashing;
use crate::auth::tokens::Keys;
use crate::error::ApiError;
use crate::extract::BodyLimit;
use crate::fallback::{self, RouteTable};
use crate::middleware::{REQUEST_ID, ensure_problem, refuse_control_characters, trace_requests};
use crate::notify::{Dispatcher, Scheduler, WebhookDispatcher};
use crate::openapi;
use crate::routes;
use crate::security_headers::security_headers;
use crate::settings::ServeArgs;
use crate::state::AppState;

pub const OPENAPI_PATH: &str = "/api/openapi.json";
pub const DOCS_PATH: &str = "/api/docs";

pub struct Application {
    port: u16,
    server: Server,
    /// The dispatcher and the scheduler, started with the server (None: this process delivers nothing).
    background: Option<(Dispatcher, Scheduler, WebhookDispatcher)>,
}

impl Application {
    /// Connects, migrates (unless told not to) and binds; the server runs on `run_until_stopped`.
    pub async fn build(args: ServeArgs) -> anyhow::Result<Self> {
        let secret = args.jwt_secret()?;
        let url = args.database.prepare_url()?;
        let db = db::connect(&url).await.context("connecting to the database")?;
        if !args.no_migrate {
            db::migrate(&db).await.context("applying migrations")?;
        }
        let notices = &args.notices;
        let mailer = Arc::new(
            Mailer::new(MailSettings {
                url: notices.mail_url.clone().filter(|url| !url.trim().is_empty()),
                from: notices.mail_from.clone(),
                public_url: notices.public_url.0.clone(),
                drop_dir: args.database.data_dir.join("mail"),
                time_zone: args.time_zone,
            })
            .context("setting up e-mail (MAIL_URL, MAIL_FROM, PUBLIC_URL)")?,
        );
        let listener = TcpListener::bind(&args.listen).with_context(|| format!("listening on {}", args.listen))?;
        let port = listener.local_addr()?.port();

        let state = web::Data::new(AppState {
            db,
            keys: Keys::new(&secret),
            passwords: PasswordHashing::new(
                args.password_hashing_threads,
                std::time::Duration::from_millis(args.password_hashing_max_wait_ms),
            ),
            throttles: app::accounts::Throttles {
                account: args.throttle_policy(args.login_max_failures_per_account),
                client: args.throttle_policy(args.login_max_failures_per_client),
            },
            require_second_factor: args.require_second_factor,
            mail_delivers: mailer.delivers(),
            require_email_verification: args.require_email_verification,
            trusted_proxies: args.trusted_proxies.0.iter().map(|p| p.0).collect(),
            time_zone: args.time_zone,
            dormancy: domain::partnership::DormancyRule {
                months: args.dormancy_months,
            },
            ranking: domain::ranking::RankingRules {
                disagreement_spread: args.disagreement_spread,
                offset_shrinkage: args.offset_shrinkage,
                ..Default::default()
            },
            webhook_policy: webhook::TargetPolicy {
                allow_loopback: args.webhooks.webhook_allow_loopback,
            },
            files: args.files.store(&args.database.data_dir, &secret)?,
        });
        let background = (!notices.no_dispatch).then(|| {
            let dispatcher = Dispatcher {
                state: state.clone(),
                mailer: mailer.clone(),
                batch: notices.outbox_batch,
                lease: chrono::TimeDelta::seconds(notices.outbox_lease_seconds),
                poll: std::time::Duration::from_millis(notices.outbox_poll_ms.max(10)),
                concurrency: usize::try_from(notices.outbox_concurrency).unwrap_or(8),
            };
            let scheduler = Scheduler {
                state: state.clone(),
                schedule: app::reminders::Schedule {
                    time_zone: args.time_zone,
                    review_reminder_days: notices.review_reminder_days.0.iter().map(|d| d.0).collect(),
                    digest_hour: notices.digest_hour,
                },
                interval: std::time::Duration::from_secs(notices.scheduler_interval_seconds),
                sweep_grace: args.files.sweep_grace(),
            };
            let hooks = WebhookDispatcher {
                state: state.clone(),
                sender: Arc::new(webhook::Sender::new(
                    state.webhook_policy,
                    std::time::Duration::from_secs(args.webhooks.webhook_timeout_seconds),
                )),
                batch: notices.outbox_batch,
                lease: chrono::TimeDelta::seconds(notices.outbox_lease_seconds),
                poll: std::time::Duration::from_millis(notices.outbox_poll_ms.max(10)),
                concurrency: usize::try_from(notices.outbox_concurrency).unwrap_or(8),
                disable: app::webhooks::DisableRule {
                    after_failures: args.webhooks.webhook_disable_after_failures,
                    after: chrono::TimeDelta::hours(args.webhooks.webhook_disable_after_hours),
                },
            };
            (dispatcher, scheduler, hooks)
        });
        let document = openapi::document();
        let route_table = web::Data::new(RouteTable::from_document(
            &document,
            &[(OPENAPI_PATH, Method::GET), (DOCS_PATH, Method::GET)],
        ));
        let body_limit = web::Data::new(BodyLimit(args.body_limit_bytes));
        let static_dir = args.static_dir.is_dir().then(|| args.static_dir.clone());
        let cors_origins: Vec<String> = args.cors_allowed_origins.0.iter().map(|o| o.0.clone()).collect();
        let time_zone = args.time_zone;
        tracing::info!(port, %time_zone, spa = ?static_dir, "starting");

        let mut server = HttpServer::new(move || {
            let mut app = App::new()
                .wrap(Compress::default())
                .wrap(Condition::new(!cors_origins.is_empty(), cors(&cors_origins)))
                // Inside the problem handler, so that a refused key is answered like any other error.
                .wrap(from_fn(check_api_keys))
                .wrap(from_fn(refuse_control_characters))
                .wrap(ErrorHandlers::new().default_handler(ensure_problem))
                .wrap(from_fn(trace_requests))
                // Outermost, so that every answer gets them, whichever layer made it.
                .wrap(from_fn(security_headers))
                .app_data(state.clone())
                .app_data(route_table.clone())
                .app_data(body_limit.clone())
                .app_data(web::PathConfig::default().error_handler(|_, req| {
                    match req.app_data::<web::Data<RouteTable>>() {
                        Some(table) => crate::fallback::unmatched(req, table).into(),
                        None => ApiError::not_found().into(),
                    }
                }))
                .into_utoipa_app()
                .configure(routes::configure)
                .into_app()
                .service(
                    SwaggerUi::new(format!("{DOCS_PATH}/{{_:.*}}"))
                        .url(OPENAPI_PATH, document.clone())
                        // Within the docs' Content-Security-Policy: no badge image from validator.swagger.io
                        // (which would also learn the contract's address), and no top bar, whose Swagger logo
                        // is an SVG with an inline <style> and whose box loads other documents we do not have.
                        .config(Config::default().validator_url("none").use_base_layout()),
                )
                .route(DOCS_PATH, web::get().to(|| redirect("/api/docs/")));
            app = match &static_dir {
                Some(dir) => app.service(spa(dir)),
                // Without a built SPA, the API documentation is the front page.
                None => app.route("/", web::get().to(|| redirect("/api/docs/"))),
            };
            app.default_service(web::to(fallback::not_matched))
        })
        .listen(listener)?
        .shutdown_timeout(10);
        if let Some(workers) = args.workers {
            server = server.workers(workers.max(1));
        }
        Ok(Application {
            port,
            server: server.run(),
            background,
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// Runs until SIGINT or SIGTERM, then finishes the requests in flight (up to 10 seconds).
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let tasks: Vec<_> = self
            .background
            .into_iter()
            .flat_map(|(dispatcher, scheduler, hooks)| {
                [
                    tokio::spawn(dispatcher.run()),
                    tokio::spawn(scheduler.run()),
                    tokio::spawn(hooks.run()),
                ]
            })
            .collect();
        let stopped = self.server.await;
        for task in tasks {
            task.abort();
        }
        stopped
    }
}

async fn redirect(to: &'static str) -> HttpResponse {
    HttpResponse::TemporaryRedirect()
        .insert_header((header::LOCATION, to))
        .finish()
}

fn cors(origins: &[String]) -> Cors {
    origins
        .iter()
        .fold(Cors::default(), |cors, origin| cors.allowed_origin(origin))
        .allowed_methods(["GET", "POST", "PUT", "PATCH", "DELETE"])
        .allowed_headers([
            header::AUTHORIZATION,
            header::CONTENT_TYPE,
            header::IF_MATCH,
            header::ACCEPT_LANGUAGE,
        ])
        .expose_headers([header::ETAG, header::LOCATION, header::RETRY_AFTER, REQUEST_ID])
        .max_age(3600)
}

/// The built SPA: its files, and index.html for every other GET outside /api (client-side routes).
fn spa(dir: &std::path::Path) -> Files {
    let index = dir.join("index.html");
    Files::new("/", dir)
        .index_file("index.html")
        .guard(guard::Any(guard::Get()).or(guard::Head()))
        .guard(guard::fn_guard(|ctx| !ctx.head().uri.path().starts_with("/api")))
        .default_handler(fn_service(move |req: ServiceRequest| {
            let index = index.clone();
            async move {
                let (req, _) = req.into_parts();
                let response = match NamedFile::open(&index) {
                    Ok(file) => file.into_response(&req),
                    Err(_) => ApiError::not_found().error_response(),
                };
                Ok(ServiceResponse::new(req, response))
            }
        }))
}
