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
                        Segment::Parameter => !part.is_empty(),
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
    let allowed = table.allowed_methods(req.path());
    if allowed.is_empty() {
        return ApiError::new(ErrorCode::NotFound, format!("There is no resource at {}.", req.path())).error_response();
    }
    let allow = allowed.iter().map(Method::as_str).collect::<Vec<_>>().join(", ");
    let detail = format!("{} does not answer {}; it answers {allow}.", req.path(), req.method());
    let mut response = ApiError::new(ErrorCode::MethodNotAllowed, detail).error_response();
    if let Ok(value) = header::HeaderValue::from_str(&allow) {
        response.headers_mut().insert(header::ALLOW, value);
    }
    response
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
        assert_eq!(table().allowed_methods("/api/v1/users/123"), vec![Method::PATCH]);
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
