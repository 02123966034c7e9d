//! Answers too large to hold: written by a thread of their own into a
//! pipe that the response body reads, so that the first bytes go out at
//! once and the server holds a pipe's worth of the answer, not all of it.

use super::http::HttpError;
use std::io::{BufWriter, PipeReader, Read, Write};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver};
use std::sync::Arc;

/// How many streamed answers are written at once; more get 503. Each one
/// keeps a core busy serializing, and a machine has few.
pub(crate) const MAX_STREAMS: usize = 2;

/// The number of streams running, shared by the server's handlers.
#[derive(Debug, Default)]
pub(crate) struct Streams(Arc<AtomicUsize>);

/// One running stream, counted until dropped.
struct Slot(Arc<AtomicUsize>);

impl Drop for Slot {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

impl Streams {
    fn take(&self) -> Option<Slot> {
        let taken = self.0.fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| (n < MAX_STREAMS).then_some(n + 1));
        taken.ok().map(|_| Slot(Arc::clone(&self.0)))
    }

    /// A response body that `produce` writes on its own thread. When the
    /// client goes away, the pipe closes and `produce` fails on its next
    /// write, which ends the thread. When `produce` fails, the body fails
    /// too, so that the answer is cut off rather than looking complete.
    pub(crate) fn body(
        &self,
        what: &str,
        produce: impl FnOnce(&mut dyn Write) -> crate::error::Result<()> + Send + 'static,
    ) -> Result<oxhttp::model::Body, HttpError> {
        let slot = self.take().ok_or_else(|| {
            HttpError::new(503, format!("{MAX_STREAMS} dumps are being sent already: try again when one is done"))
        })?;
        let (reader, writer) = std::io::pipe().map_err(|e| HttpError::new(500, format!("no pipe for the answer: {e}")))?;
        let (done, result) = mpsc::channel();
        std::thread::Builder::new()
            .name(format!("unkg {what}"))
            .spawn(move || {
                let mut out = BufWriter::with_capacity(64 * 1024, writer);
                let outcome = produce(&mut out).and_then(|()| out.flush().map_err(|e| crate::error::Error::output("<pipe>", e)));
                // The client that left is no failure worth a line.
                if let Err(e) = &outcome {
                    if !e.is_broken_pipe() {
                        eprintln!("unkg: {e}");
                    }
                }
                // Freed before the reader hears of the end, so that a client
                // that has its whole answer can start another.
                drop(slot);
                let _ = done.send(outcome.map_err(|e| e.to_string()));
            })
            .map_err(|e| HttpError::new(503, format!("no thread for the answer: {e}")))?;
        Ok(oxhttp::model::Body::from_read(Streamed { pipe: reader, result, ended: None }))
    }
}

/// The reading end, which turns the writer's failure into a read error.
struct Streamed {
    pipe: PipeReader,
    result: Receiver<Result<(), String>>,
    /// The writer's outcome, once heard: the end may be read again.
    ended: Option<Result<(), String>>,
}

impl Read for Streamed {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.pipe.read(buf)?;
        if n == 0 && !buf.is_empty() {
            // The writer closed its end: it finished or failed.
            let ended = self.ended.get_or_insert_with(|| {
                self.result.recv().unwrap_or_else(|_| Err("the writer of the answer stopped".to_owned()))
            });
            return ended.clone().map(|()| 0).map_err(std::io::Error::other);
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_stream_fail_visibly_and_are_bounded_in_number() {
        let streams = Streams::default();
        let mut body = streams.body("test", |out| out.write_all(b"hello").map_err(|e| crate::error::Error::output("<t>", e))).expect("a stream");
        let mut text = String::new();
        body.read_to_string(&mut text).expect("read");
        assert_eq!(text, "hello");
        // The end reads as the end again, as a chunk writer asks for it.
        assert_eq!(body.read(&mut [0; 8]).expect("the end again"), 0);
        let mut failing = streams
            .body("test", |out| {
                out.write_all(b"half").map_err(|e| crate::error::Error::output("<t>", e))?;
                Err(crate::error::Error::usage("the store went away"))
            })
            .expect("a stream");
        let mut got = Vec::new();
        assert!(failing.read_to_end(&mut got).is_err());
        drop((body, failing));
    }

    #[test]
    fn at_most_max_streams_run_at_once() {
        let streams = Streams::default();
        let mut releases = Vec::new();
        let mut running = Vec::new();
        for _ in 0..MAX_STREAMS {
            let (release, wait) = mpsc::channel::<()>();
            releases.push(release);
            running.push(streams.body("test", move |_| Ok(wait.recv().unwrap_or(()))).expect("a stream"));
        }
        let refused = streams.body("test", |_| Ok(())).err().expect("one too many");
        assert_eq!(refused.status(), 503);
        drop(releases);
        for mut body in running {
            body.read_to_end(&mut Vec::new()).expect("finished");
        }
        // A body ends after its thread freed its slot.
        assert!(streams.body("test", |_| Ok(())).is_ok());
    }
}
