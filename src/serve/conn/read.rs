//! Reading one request off a connection, whole, within deadlines.
//!
//! A socket's read timeout restarts with every byte, so a client sending
//! one byte every few seconds would never time out; here every read is
//! given only what is left of a deadline for the whole head, and another
//! for the whole body. The body is read before the handler runs, bounded
//! by the size limit, so that no handler ever waits on a client.

use super::Limits;
use oxhttp::model::header::{CONTENT_LENGTH, EXPECT, HOST, TRANSFER_ENCODING};
use oxhttp::model::{Body, HeaderName, HeaderValue, Method, Request, Uri, Version};
use std::io::{BufRead, BufReader, ErrorKind, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

/// Longest request head (request line and headers) accepted.
pub(crate) const MAX_HEAD: usize = 16 * 1024;

/// Most header lines in a request.
const MAX_HEADERS: usize = 100;

/// Why no request could be read.
#[derive(Debug, thiserror::Error)]
pub(crate) enum ReadError {
    /// The client closed the connection between requests, or sent nothing
    /// before the deadline: nothing to answer.
    #[error("the connection closed")]
    Closed,
    /// A request that cannot be answered normally: the status to send and
    /// why. The connection closes after it.
    #[error("{status}: {message}")]
    Refused {
        /// The HTTP status.
        status: u16,
        /// The reason, for the client.
        message: String,
    },
    /// The socket failed.
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

fn refused(status: u16, message: impl Into<String>) -> ReadError {
    ReadError::Refused { status, message: message.into() }
}

/// A connection's reading side, kept for the life of the connection so that
/// bytes of a pipelined request read with the one before stay buffered.
pub(crate) struct Reader {
    inner: BufReader<TcpStream>,
}

impl Reader {
    /// Reads from `stream` (a clone of the connection's socket).
    pub(crate) fn new(stream: TcpStream) -> Self {
        // Small: every connection holds one while it waits, and the
        // allocator commits a larger page per thread for larger buffers.
        Reader { inner: BufReader::with_capacity(8 * 1024, stream) }
    }

    /// The buffered bytes, refilled from the socket if none are left, or
    /// `None` at the end of the stream. Fails with `TimedOut` at `deadline`.
    fn fill(&mut self, deadline: Instant) -> std::io::Result<Option<&[u8]>> {
        if self.inner.buffer().is_empty() {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Err(ErrorKind::TimedOut.into());
            }
            // Never zero, which would mean "no timeout".
            self.inner.get_ref().set_read_timeout(Some(left.max(Duration::from_millis(1))))?;
        }
        match self.inner.fill_buf() {
            Ok([]) => Ok(None),
            Ok(_) => Ok(Some(self.inner.buffer())),
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => Err(ErrorKind::TimedOut.into()),
            Err(e) => Err(e),
        }
    }

    /// Reads the next request: its head within `limits.head_timeout`, then
    /// its body within `limits.body_timeout`. `writer` gets the interim
    /// `100 Continue` a client may wait for before sending its body.
    pub(crate) fn request(&mut self, limits: &Limits, writer: &mut impl Write) -> Result<Request<Body>, ReadError> {
        let head = self.head(Instant::now() + limits.head_timeout)?;
        let mut request = parse_head(&head)?;
        let length = body_length(&request, limits.max_body)?;
        let expects_continue = request
            .headers()
            .get(EXPECT)
            .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"100-continue"));
        if expects_continue && request.version() >= Version::HTTP_11 && length != BodyLength::None {
            writer.write_all(b"HTTP/1.1 100 Continue\r\n\r\n").and_then(|()| writer.flush())?;
        }
        let deadline = Instant::now() + limits.body_timeout;
        let timed_out = |e: std::io::Error| {
            if e.kind() == ErrorKind::TimedOut {
                refused(408, format!("the request body did not arrive within {} s", limits.body_timeout.as_secs()))
            } else {
                ReadError::Io(e)
            }
        };
        let body = match length {
            BodyLength::None => Vec::new(),
            BodyLength::Fixed(n) => self.exact(n, deadline).map_err(timed_out)?,
            BodyLength::Chunked => self.chunked(limits.max_body, deadline).map_err(|e| match e {
                ReadError::Io(e) => timed_out(e),
                other => other,
            })?,
        };
        *request.body_mut() = Body::from(body);
        Ok(request)
    }

    /// The bytes of the head, up to and including its empty line.
    fn head(&mut self, deadline: Instant) -> Result<Vec<u8>, ReadError> {
        let mut head = Vec::new();
        loop {
            let available = match self.fill(deadline) {
                Ok(Some(bytes)) => bytes,
                // Nothing at all before the end or the deadline: an idle
                // connection, closed without a word.
                Ok(None) if head.is_empty() => return Err(ReadError::Closed),
                Err(e) if e.kind() == ErrorKind::TimedOut && head.iter().all(u8::is_ascii_whitespace) => {
                    return Err(ReadError::Closed)
                }
                Ok(None) => return Err(ReadError::Closed),
                Err(e) if e.kind() == ErrorKind::TimedOut => {
                    return Err(refused(408, "the request head did not arrive in time"))
                }
                Err(e) => return Err(e.into()),
            };
            let mut used = 0;
            let mut done = false;
            for &b in available {
                used += 1;
                head.push(b);
                if b == b'\n' && (head.ends_with(b"\r\n\r\n") || head.ends_with(b"\n\n")) {
                    // Blank lines before a request are allowed (RFC 9112 2.2).
                    if head.iter().all(u8::is_ascii_whitespace) {
                        head.clear();
                        continue;
                    }
                    done = true;
                    break;
                }
            }
            self.inner.consume(used);
            if done {
                return Ok(head);
            }
            if head.len() > MAX_HEAD {
                return Err(refused(431, format!("the request head is longer than {MAX_HEAD} bytes")));
            }
        }
    }

    /// Exactly `n` bytes of body.
    fn exact(&mut self, n: u64, deadline: Instant) -> std::io::Result<Vec<u8>> {
        let mut body = Vec::with_capacity(usize::try_from(n).unwrap_or(0).min(1 << 20));
        while (body.len() as u64) < n {
            let Some(available) = self.fill(deadline)? else {
                return Err(std::io::Error::new(ErrorKind::UnexpectedEof, "the client closed before sending the whole body"));
            };
            let take = available.len().min(usize::try_from(n - body.len() as u64).unwrap_or(usize::MAX));
            body.extend_from_slice(&available[..take]);
            self.inner.consume(take);
        }
        Ok(body)
    }

    /// One line (without its end), at most `max` bytes long.
    fn line(&mut self, max: usize, deadline: Instant) -> Result<Vec<u8>, ReadError> {
        let mut line = Vec::new();
        loop {
            let Some(available) = self.fill(deadline)? else {
                return Err(refused(400, "the client closed in the middle of a chunked body"));
            };
            match available.iter().position(|&b| b == b'\n') {
                Some(i) => {
                    line.extend_from_slice(&available[..i]);
                    self.inner.consume(i + 1);
                    if line.last() == Some(&b'\r') {
                        line.pop();
                    }
                    return Ok(line);
                }
                None => {
                    line.extend_from_slice(available);
                    let n = available.len();
                    self.inner.consume(n);
                }
            }
            if line.len() > max {
                return Err(refused(400, "a chunk-size line of the body is too long"));
            }
        }
    }

    /// A body in chunked transfer coding, at most `max` bytes once decoded.
    fn chunked(&mut self, max: u64, deadline: Instant) -> Result<Vec<u8>, ReadError> {
        let mut body = Vec::new();
        loop {
            let line = self.line(1024, deadline)?;
            let size = std::str::from_utf8(&line)
                .ok()
                .map(|l| l.split(';').next().unwrap_or("").trim())
                .and_then(|hex| u64::from_str_radix(hex, 16).ok())
                .ok_or_else(|| refused(400, "a chunk size of the body is not a hexadecimal number"))?;
            if size == 0 {
                // Trailers, which nothing here reads, up to the empty line.
                while !self.line(MAX_HEAD, deadline)?.is_empty() {}
                return Ok(body);
            }
            if body.len() as u64 + size > max {
                return Err(too_large(max));
            }
            body.extend(self.exact(size, deadline)?);
            if !self.line(2, deadline)?.is_empty() {
                return Err(refused(400, "a chunk of the body does not end where its size says"));
            }
        }
    }
}

fn too_large(max: u64) -> ReadError {
    refused(413, format!("the request body is larger than the limit of {max} bytes (see --max-body)"))
}

/// How the body of a request is delimited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BodyLength {
    None,
    Fixed(u64),
    Chunked,
}

/// The request's body length from its headers; a declared length over
/// `max` is refused at once, before a byte of it is read.
fn body_length(request: &Request<Body>, max: u64) -> Result<BodyLength, ReadError> {
    let headers = request.headers();
    let lengths: Vec<&HeaderValue> = headers.get_all(CONTENT_LENGTH).iter().collect();
    let encoding = headers.get(TRANSFER_ENCODING);
    match (lengths.as_slice(), encoding) {
        ([], None) => Ok(BodyLength::None),
        (_, Some(_)) if !lengths.is_empty() => {
            Err(refused(400, "the request has both Content-Length and Transfer-Encoding"))
        }
        (_, Some(te)) if te.as_bytes().eq_ignore_ascii_case(b"chunked") => Ok(BodyLength::Chunked),
        (_, Some(te)) => Err(refused(
            501,
            format!("Transfer-Encoding {} is not supported: send chunked or a Content-Length", String::from_utf8_lossy(te.as_bytes())),
        )),
        ([one], None) => {
            let n = one
                .to_str()
                .ok()
                .and_then(|v| v.trim().parse::<u64>().ok())
                .ok_or_else(|| refused(400, "the Content-Length is not a number"))?;
            if n > max {
                return Err(too_large(max));
            }
            Ok(if n == 0 { BodyLength::None } else { BodyLength::Fixed(n) })
        }
        _ => Err(refused(400, "the request has more than one Content-Length")),
    }
}

/// The request line and headers of `head`, as a request without a body.
fn parse_head(head: &[u8]) -> Result<Request<Body>, ReadError> {
    let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut parsed = httparse::Request::new(&mut headers);
    match parsed.parse(head) {
        Ok(httparse::Status::Complete(_)) => {}
        Ok(httparse::Status::Partial) => return Err(refused(400, "the request head is incomplete")),
        Err(httparse::Error::TooManyHeaders) => {
            return Err(refused(431, format!("the request has more than {MAX_HEADERS} header lines")))
        }
        Err(httparse::Error::Version) => return Err(refused(505, "only HTTP/1.0 and HTTP/1.1 are spoken here")),
        Err(e) => return Err(refused(400, format!("not an HTTP request: {e}"))),
    }
    let version = match parsed.version {
        Some(0) => Version::HTTP_10,
        _ => Version::HTTP_11,
    };
    let method = parsed
        .method
        .and_then(|m| Method::from_bytes(m.as_bytes()).ok())
        .ok_or_else(|| refused(400, "the request has no valid method"))?;
    let target = parsed.path.ok_or_else(|| refused(400, "the request has no target"))?;
    let uri: Uri = target.parse().map_err(|e| refused(400, format!("the request target is not a URI: {e}")))?;
    let mut request = Request::builder().method(method).uri(uri).version(version);
    for h in parsed.headers.iter() {
        let name = HeaderName::from_bytes(h.name.as_bytes()).map_err(|e| refused(400, format!("bad header name: {e}")))?;
        let value = HeaderValue::from_bytes(h.value).map_err(|e| refused(400, format!("bad value of {name}: {e}")))?;
        request = request.header(name, value);
    }
    let request = request.body(Body::empty()).map_err(|e| refused(400, format!("not a valid request: {e}")))?;
    if version >= Version::HTTP_11 && request.headers().get_all(HOST).iter().count() != 1 {
        return Err(refused(400, "an HTTP/1.1 request needs one Host header"));
    }
    Ok(request)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn head(text: &str) -> Result<Request<Body>, ReadError> {
        parse_head(text.as_bytes())
    }

    fn status(r: Result<impl std::fmt::Debug, ReadError>) -> u16 {
        match r {
            Err(ReadError::Refused { status, .. }) => status,
            other => panic!("expected a refusal, got {other:?}"),
        }
    }

    #[test]
    fn heads_parse_and_bad_ones_are_refused() {
        let r = head("GET /sparql?query=x HTTP/1.1\r\nHost: a\r\nAccept: text/csv\r\n\r\n").expect("valid");
        assert_eq!(r.uri().path(), "/sparql");
        assert_eq!(r.uri().query(), Some("query=x"));
        assert_eq!(r.headers()["accept"], "text/csv");
        assert_eq!(status(head("GET / HTTP/1.1\r\n\r\n")), 400, "no Host");
        assert_eq!(status(head("GARBAGE\r\n\r\n")), 400);
        assert_eq!(status(head("GET / HTTP/9.9\r\nHost: a\r\n\r\n")), 505);
        assert_eq!(status(head(&format!("GET / HTTP/1.1\r\nHost: a\r\n{}\r\n", "X: y\r\n".repeat(200)))), 431);
        assert!(head("GET / HTTP/1.0\r\n\r\n").is_ok(), "HTTP/1.0 needs no Host");
    }

    #[test]
    fn body_lengths_are_checked_before_reading() {
        let with = |h: &str| head(&format!("POST / HTTP/1.1\r\nHost: a\r\n{h}\r\n")).expect("valid");
        assert_eq!(body_length(&with(""), 10).ok(), Some(BodyLength::None));
        assert_eq!(body_length(&with("Content-Length: 10\r\n"), 10).ok(), Some(BodyLength::Fixed(10)));
        assert_eq!(status(body_length(&with("Content-Length: 10000000000\r\n"), 10)), 413);
        assert_eq!(status(body_length(&with("Content-Length: 99999999999999999999999\r\n"), 10)), 400);
        assert_eq!(status(body_length(&with("Content-Length: 1\r\nContent-Length: 2\r\n"), 10)), 400);
        assert_eq!(status(body_length(&with("Content-Length: 1\r\nTransfer-Encoding: chunked\r\n"), 10)), 400);
        assert_eq!(body_length(&with("Transfer-Encoding: chunked\r\n"), 10).ok(), Some(BodyLength::Chunked));
        assert_eq!(status(body_length(&with("Transfer-Encoding: gzip\r\n"), 10)), 501);
    }
}
