//! Small HTTP helpers: errors as responses, parameters, bounded bodies.

use oxhttp::model::header::{CONTENT_LENGTH, CONTENT_TYPE, VARY};
use oxhttp::model::{Body, HeaderValue, Request, Response, StatusCode};
use std::io::Read;

/// A failed request: the status and a message for the client.
#[derive(Debug)]
pub(crate) struct HttpError {
    status: StatusCode,
    message: String,
}

impl HttpError {
    /// An error with the status `code` (a valid HTTP status).
    pub(crate) fn new(code: u16, message: impl Into<String>) -> Self {
        HttpError { status: StatusCode::from_u16(code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR), message: message.into() }
    }

    /// The HTTP status code.
    pub(crate) fn status(&self) -> u16 {
        self.status.as_u16()
    }

    /// What went wrong.
    pub(crate) fn message(&self) -> &str {
        &self.message
    }

    /// The error as a plain-text response.
    pub(crate) fn into_response(self) -> Response<Body> {
        let mut r = ok("text/plain; charset=utf-8", format!("{}\n", self.message).into_bytes());
        *r.status_mut() = self.status;
        r
    }
}

/// The result of a handler.
pub(crate) type HttpResult = Result<Response<Body>, HttpError>;

/// A 200 response with `body` of type `media`.
pub(crate) fn ok(media: &str, body: Vec<u8>) -> Response<Body> {
    let mut r = Response::new(Body::from(body));
    if let Ok(v) = HeaderValue::from_str(media) {
        r.headers_mut().insert(CONTENT_TYPE, v);
    }
    r
}

/// A 200 response whose type was chosen from the Accept header, so caches
/// must keep one copy per Accept value.
pub(crate) fn negotiated(media: &str, body: Vec<u8>) -> Response<Body> {
    let mut r = ok(media, body);
    r.headers_mut().insert(VARY, HeaderValue::from_static("Accept"));
    r
}

/// A response without a body.
pub(crate) fn empty(status: StatusCode) -> Response<Body> {
    let mut r = Response::new(Body::empty());
    *r.status_mut() = status;
    r
}

/// The answer to every write on a read-only server.
pub(crate) fn read_only() -> HttpError {
    HttpError::new(403, "this server is read-only: updates are refused (start it with --allow-update to accept them)")
}

/// The media type of the request body, lowercased, without parameters.
pub(crate) fn content_type(request: &Request<Body>) -> Option<String> {
    let value = request.headers().get(CONTENT_TYPE)?.to_str().ok()?;
    Some(value.split(';').next().unwrap_or("").trim().to_ascii_lowercase())
}

/// The Accept header, if any and readable.
pub(crate) fn accept(request: &Request<Body>) -> Option<String> {
    request.headers().get(oxhttp::model::header::ACCEPT).and_then(|v| v.to_str().ok()).map(str::to_owned)
}

/// Reads the request body, refusing more than `max` bytes with 413.
pub(crate) fn body(request: &mut Request<Body>, max: u64) -> Result<Vec<u8>, HttpError> {
    let too_large = || HttpError::new(413, format!("request body larger than the limit of {max} bytes (see --max-body)"));
    let declared = request.headers().get(CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > max) {
        return Err(too_large());
    }
    let mut buf = Vec::new();
    request
        .body_mut()
        .take(max + 1)
        .read_to_end(&mut buf)
        .map_err(|e| HttpError::new(400, format!("could not read the request body: {e}")))?;
    if buf.len() as u64 > max {
        return Err(too_large());
    }
    Ok(buf)
}

/// Form or query-string parameters, in order, repeated names kept.
#[derive(Debug, Default)]
pub(crate) struct Params(Vec<(String, String)>);

impl Params {
    /// Parses `application/x-www-form-urlencoded` bytes.
    pub(crate) fn parse(bytes: &[u8]) -> Self {
        Params(form_urlencoded::parse(bytes).map(|(k, v)| (k.into_owned(), v.into_owned())).collect())
    }

    /// Adds the parameters of `other`.
    pub(crate) fn extend(&mut self, other: Params) {
        self.0.extend(other.0);
    }

    /// Every value of `name`.
    pub(crate) fn all(&self, name: &str) -> Vec<String> {
        self.0.iter().filter(|(k, _)| k == name).map(|(_, v)| v.clone()).collect()
    }

    /// The value of `name`; 400 if it is given more than once.
    pub(crate) fn one(&self, name: &str) -> Result<Option<String>, HttpError> {
        let mut values = self.all(name);
        match values.len() {
            0 => Ok(None),
            1 => Ok(values.pop()),
            n => Err(HttpError::new(400, format!("the parameter {name} is given {n} times; give it once"))),
        }
    }

    /// Whether `name` is present (with or without a value).
    pub(crate) fn has(&self, name: &str) -> bool {
        self.0.iter().any(|(k, _)| k == name)
    }
}
