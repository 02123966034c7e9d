//! Writing one response: its head, then its body with a length when the
//! body knows it, else in chunks as the body produces them, so that a dump
//! streams from the store with its first byte sent at once.

use oxhttp::model::header::{CONNECTION, CONTENT_LENGTH, SERVER, TRANSFER_ENCODING};
use oxhttp::model::{Body, HeaderValue, Response, StatusCode};
use std::io::{Read, Write};

/// Size of the chunks of a streamed body.
const CHUNK: usize = 64 * 1024;

/// How a response goes out.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Framing {
    /// The answer to a HEAD request: the head alone.
    pub(crate) head_only: bool,
    /// The client speaks HTTP/1.1 (chunked coding allowed).
    pub(crate) http11: bool,
    /// The connection closes after this response.
    pub(crate) close: bool,
}

/// Writes `response` to `out`. Returns whether the connection must close
/// after it: always when asked, and when a body of unknown length goes to
/// an HTTP/1.0 client, which learns its end from the close.
///
/// A body that fails half-way (the store could not be read) leaves the
/// response unfinished and fails here, so that the client sees a cut
/// answer rather than a complete-looking short one.
pub(crate) fn response(
    out: &mut impl Write,
    response: &mut Response<Body>,
    framing: Framing,
    server: &HeaderValue,
) -> std::io::Result<bool> {
    let status = response.status();
    let has_body = !(status.is_informational() || status == StatusCode::NO_CONTENT || status == StatusCode::NOT_MODIFIED);
    let length = response.body().len();
    let chunked = has_body && length.is_none() && framing.http11;
    let close = framing.close || (has_body && length.is_none() && !framing.http11);
    write!(out, "HTTP/1.1 {} {}\r\n", status.as_str(), status.canonical_reason().unwrap_or(""))?;
    let headers = response.headers();
    for (name, value) in headers {
        // Framing is this module's to set, not the handler's.
        if name == CONNECTION || name == CONTENT_LENGTH || name == TRANSFER_ENCODING || name.as_str() == "keep-alive" {
            continue;
        }
        write!(out, "{name}: ")?;
        out.write_all(value.as_bytes())?;
        out.write_all(b"\r\n")?;
    }
    if !headers.contains_key(SERVER) {
        out.write_all(b"server: ")?;
        out.write_all(server.as_bytes())?;
        out.write_all(b"\r\n")?;
    }
    if let (true, Some(n)) = (has_body, length) {
        write!(out, "content-length: {n}\r\n")?;
    }
    if chunked {
        out.write_all(b"transfer-encoding: chunked\r\n")?;
    }
    if close {
        out.write_all(b"connection: close\r\n")?;
    }
    out.write_all(b"\r\n")?;
    if has_body && !framing.head_only {
        let body = response.body_mut();
        if chunked {
            write_chunks(out, body)?;
        } else {
            std::io::copy(body, out)?;
        }
    }
    out.flush()?;
    Ok(close)
}

/// The body in chunked transfer coding, one chunk per [`CHUNK`] bytes read.
fn write_chunks(out: &mut impl Write, body: &mut Body) -> std::io::Result<()> {
    let mut buffer = vec![0; CHUNK];
    loop {
        let mut filled = 0;
        // Fill the buffer before writing: a serializer hands over a few
        // bytes at a time, which would make tiny chunks.
        while filled < CHUNK {
            let n = body.read(&mut buffer[filled..])?;
            if n == 0 {
                break;
            }
            filled += n;
        }
        if filled == 0 {
            return out.write_all(b"0\r\n\r\n");
        }
        write!(out, "{filled:X}\r\n")?;
        out.write_all(&buffer[..filled])?;
        out.write_all(b"\r\n")?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(mut r: Response<Body>, framing: Framing) -> (String, bool) {
        let mut out = Vec::new();
        let close = response(&mut out, &mut r, framing, &HeaderValue::from_static("test")).expect("written");
        (String::from_utf8(out).expect("text"), close)
    }

    const KEEP: Framing = Framing { head_only: false, http11: true, close: false };

    #[test]
    fn known_lengths_and_streamed_bodies() {
        let (text, close) = written(Response::new(Body::from("hello")), KEEP);
        assert_eq!(text, "HTTP/1.1 200 OK\r\nserver: test\r\ncontent-length: 5\r\n\r\nhello");
        assert!(!close);
        let (text, close) = written(Response::new(Body::from_read(&b"hello"[..])), KEEP);
        assert_eq!(text, "HTTP/1.1 200 OK\r\nserver: test\r\ntransfer-encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n");
        assert!(!close);
        // HTTP/1.0 has no chunks: the close ends the body.
        let (text, close) = written(Response::new(Body::from_read(&b"hello"[..])), Framing { http11: false, ..KEEP });
        assert_eq!(text, "HTTP/1.1 200 OK\r\nserver: test\r\nconnection: close\r\n\r\nhello");
        assert!(close);
    }

    #[test]
    fn head_answers_carry_the_length_but_no_body() {
        let (text, _) = written(Response::new(Body::from("hello")), Framing { head_only: true, ..KEEP });
        assert_eq!(text, "HTTP/1.1 200 OK\r\nserver: test\r\ncontent-length: 5\r\n\r\n");
    }

    #[test]
    fn a_failing_body_leaves_the_answer_unfinished() {
        struct Failing;
        impl Read for Failing {
            fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
                Err(std::io::Error::other("the store went away"))
            }
        }
        let mut out = Vec::new();
        let mut r = Response::new(Body::from_read(Failing));
        assert!(response(&mut out, &mut r, KEEP, &HeaderValue::from_static("test")).is_err());
        assert!(!String::from_utf8_lossy(&out).contains("0\r\n\r\n"));
    }
}
