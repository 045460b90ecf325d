//! What answers when no route matched: 405 with Allow when the path exists with other methods
//! (route macros alone would answer 404, actix-web issue 2735), else a 404 problem.

use actix_web::http::{Method, header};
use actix_web::{HttpRequest, HttpResponse, ResponseError, web};
use utoipa::openapi::OpenApi as Document;

use crate::error::{ApiError, ErrorCode};

enum Segment {
    Literal(String),
    Parameter,
}

/// Path templates and their methods, read from the OpenAPI document so it cannot drift from the routes.
pub struct RouteTable {
    routes: Vec<(Vec<Segment>, Vec<Method>)>,
}

fn segments(template: &str) -> Vec<Segment> {
    template
        .trim_matches('/')
        .split('/')
        .map(|s| {
            if s.starts_with('{') && s.ends_with('}') {
                Segment::Parameter
            } else {
                Segment::Literal(s.to_owned())
            }
        })
        .collect()
}

impl RouteTable {
    pub fn from_document(doc: &Document, extra: &[(&str, Method)]) -> Self {
        let mut routes: Vec<(Vec<Segment>, Vec<Method>)> = doc
            .paths
            .paths
            .iter()
            .map(|(path, item)| {
                let methods = [
                    (Method::GET, item.get.is_some()),
                    (Method::POST, item.post.is_some()),
                    (Method::PUT, item.put.is_some()),
                    (Method::PATCH, item.patch.is_some()),
                    (Method::DELETE, item.delete.is_some()),
                ]
                .into_iter()
                .filter_map(|(method, present)| present.then_some(method))
                .collect();
                (segments(path), methods)
            })
            .collect();
        for (path, method) in extra {
            routes.push((segments(path), vec![method.clone()]));
        }
        RouteTable { routes }
    }

    /// The methods the path answers to, if any route matches it.
    pub fn allowed_methods(&self, path: &str) -> Vec<Method> {
        let parts: Vec<&str> = path.trim_matches('/').split('/').collect();
        let mut allowed: Vec<Method> = self
            .routes
            .iter()
            .filter(|(template, _)| {
                template.len() == parts.len()
                    && template.iter().zip(&parts).all(|(segment, part)| match segment {
                        Segment::Literal(literal) => literal == part,
                        // Every path parameter of this API is a UUID, so `/ideas/screening` is not `/ideas/{id}`.
                        Segment::Parameter => uuid::Uuid::parse_str(part).is_ok(),
                    })
            })
            .flat_map(|(_, methods)| methods.iter().cloned())
            .collect();
        allowed.sort_by(|a, b| a.as_str().cmp(b.as_str()));
        allowed.dedup();
        allowed
    }
}

pub async fn not_matched(req: HttpRequest, table: web::Data<RouteTable>) -> HttpResponse {
    unmatched(&req, &table).error_response()
}

/// 405 with Allow when the path answers other methods, else 404. Also the answer when a route matched
/// on its shape but its path parameter is not a UUID: GET /ideas/screening is not an idea, and that
/// path answers POST only.
pub fn unmatched(req: &HttpRequest, table: &RouteTable) -> ApiError {
    let allowed = table.allowed_methods(req.path());
    if allowed.is_empty() || allowed.contains(req.method()) {
        return ApiError::new(ErrorCode::NotFound, format!("There is no resource at {}.", req.path()));
    }
    let allow = allowed.iter().map(Method::as_str).collect::<Vec<_>>().join(", ");
    let detail = format!("{} does not answer {}; it answers {allow}.", req.path(), req.method());
    let error = ApiError::new(ErrorCode::MethodNotAllowed, detail);
    match header::HeaderValue::from_str(&allow) {
        Ok(value) => error.with_header(header::ALLOW, value),
        Err(_) => error,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> RouteTable {
        RouteTable {
            routes: vec![
                (segments("/api/v1/users"), vec![Method::GET]),
                (segments("/api/v1/users/{id}"), vec![Method::PATCH]),
                (segments("/api/v1/me"), vec![Method::GET]),
                (segments("/api/v1/me"), vec![Method::PATCH]),
            ],
        }
    }

    #[test]
    fn methods_of_a_templated_path_are_found() {
        let id = "01a21ce3-e4f1-73ca-ba14-1e70cfd66b1a";
        assert_eq!(
            table().allowed_methods(&format!("/api/v1/users/{id}")),
            vec![Method::PATCH]
        );
        // A parameter is a UUID: anything else in its place is another path.
        assert!(table().allowed_methods("/api/v1/users/123").is_empty());
    }

    #[test]
    fn methods_of_one_path_are_merged_and_sorted() {
        assert_eq!(table().allowed_methods("/api/v1/me"), vec![Method::GET, Method::PATCH]);
    }

    #[test]
    fn unknown_paths_have_no_methods() {
        assert!(table().allowed_methods("/api/v1/nothing").is_empty());
        assert!(table().allowed_methods("/api/v1/users/1/more").is_empty());
    }
}
