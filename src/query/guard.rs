//! Keeps hostile queries from exhausting a stack.
//!
//! oxigraph's parser, optimizer and evaluator recurse once per level of a
//! query's tree, so `ASK {{{{...}}}}` with a few thousand braces, or
//! `1+1+1+...` a hundred thousand times long, overflows a thread's stack
//! and aborts the whole process: no panic handler sees it. Two guards
//! together make that impossible for queries of the sizes unkg accepts:
//! [`check_nesting`] refuses brackets nested deeper than any real query
//! needs before the parser sees them, and [`on_query_stack`] runs parsing
//! and evaluation on a thread whose stack is large enough for the longest
//! flat chains a query of [`MAX_QUERY_BYTES`] can hold.

/// Deepest nesting of `{`, `(` and `[` accepted. Hand-written and
/// generated queries stay far below it (unkg's own reach about 10).
pub const MAX_NESTING: usize = 128;

/// Longest query text parsed, in bytes: the stack of [`on_query_stack`] is
/// sized for it.
pub const MAX_QUERY_BYTES: usize = 4 << 20;

/// Stack of the thread that parses and evaluates a query. Only the pages
/// a query touches are ever committed, so the size costs address space,
/// not memory.
pub const QUERY_STACK: usize = 1 << 30;

/// Why a query was refused before parsing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GuardError {
    /// Brackets nested deeper than [`MAX_NESTING`].
    #[error("brackets nested {depth} deep at byte {at}; queries may nest {{, ( and [ at most {MAX_NESTING} deep")]
    TooDeep {
        /// The depth reached.
        depth: usize,
        /// Byte offset of the bracket that passed the limit.
        at: usize,
    },
    /// A query text longer than [`MAX_QUERY_BYTES`].
    #[error("the query is {0} bytes long; queries may be at most {MAX_QUERY_BYTES} bytes")]
    TooLong(usize),
    /// The thread for the query could not be started, or it panicked.
    #[error("the query's thread failed: {0}")]
    Thread(String),
}

/// Refuses `query` if it is too long or nests brackets too deep. Brackets
/// inside string literals, IRIs and comments do not count.
pub fn check_nesting(query: &str) -> Result<(), GuardError> {
    if query.len() > MAX_QUERY_BYTES {
        return Err(GuardError::TooLong(query.len()));
    }
    let bytes = query.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'{' | b'(' | b'[' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Err(GuardError::TooDeep { depth, at: i });
                }
            }
            b'}' | b')' | b']' => depth = depth.saturating_sub(1),
            b'#' => i = skip_line(bytes, i),
            b'"' | b'\'' => i = skip_string(bytes, i),
            b'<' => i = skip_iri(bytes, i),
            _ => {}
        }
        i += 1;
    }
    Ok(())
}

/// The index of the end of the comment starting at `i`.
fn skip_line(bytes: &[u8], i: usize) -> usize {
    bytes[i..].iter().position(|&b| b == b'\n' || b == b'\r').map_or(bytes.len(), |n| i + n)
}

/// The index of the closing quote of the string starting at `i` (short or
/// long form, with backslash escapes); the end of the text if it is open.
fn skip_string(bytes: &[u8], i: usize) -> usize {
    let quote = bytes[i];
    let long = bytes.get(i + 1) == Some(&quote) && bytes.get(i + 2) == Some(&quote);
    let mut j = if long { i + 3 } else { i + 1 };
    while j < bytes.len() {
        match bytes[j] {
            b'\\' => j += 1,
            b if b == quote && !long => return j,
            b if b == quote && bytes.get(j + 1) == Some(&quote) && bytes.get(j + 2) == Some(&quote) => return j + 2,
            b'\n' | b'\r' if !long => return j,
            _ => {}
        }
        j += 1;
    }
    bytes.len()
}

/// The index of the `>` closing an IRI starting at `i`, or `i` itself when
/// the `<` is the less-than operator (an IRI holds no spaces, quotes or
/// braces).
fn skip_iri(bytes: &[u8], i: usize) -> usize {
    for (n, &b) in bytes[i + 1..].iter().enumerate() {
        match b {
            b'>' => return i + 1 + n,
            b'<' | b'"' | b'{' | b'}' | b'|' | b'^' | b'`' | b'\\' => return i,
            b if b <= b' ' => return i,
            _ => {}
        }
    }
    i
}

/// Runs `job` (parsing or evaluating a query) on a thread with a stack
/// large enough for any query [`check_nesting`] lets through, and returns
/// its result.
pub fn on_query_stack<T: Send>(job: impl FnOnce() -> T + Send) -> Result<T, GuardError> {
    std::thread::scope(|scope| {
        let handle = std::thread::Builder::new()
            .name("unkg query".into())
            .stack_size(QUERY_STACK)
            .spawn_scoped(scope, job)
            .map_err(|e| GuardError::Thread(e.to_string()))?;
        handle.join().map_err(|panic| GuardError::Thread(panic_message(&panic)))
    })
}

/// The message of a panic, for the error that replaces it.
pub fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "it panicked".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(n: usize) -> String {
        format!("ASK {}{}", "{".repeat(n), "}".repeat(n))
    }

    #[test]
    fn refuses_deep_nesting_and_says_where() {
        assert_eq!(check_nesting(&nested(MAX_NESTING)), Ok(()));
        assert_eq!(check_nesting(&nested(900)), Err(GuardError::TooDeep { depth: MAX_NESTING + 1, at: 4 + MAX_NESTING }));
        let parens = format!("SELECT ({}1{} AS ?x) {{}}", "(".repeat(200), ")".repeat(200));
        assert!(matches!(check_nesting(&parens), Err(GuardError::TooDeep { .. })));
    }

    #[test]
    fn brackets_in_strings_iris_and_comments_do_not_count() {
        let open = "{".repeat(500);
        for q in [
            format!("SELECT * {{ ?s ?p \"{open}\" }}"),
            format!("SELECT * {{ ?s ?p '''{open}\n''' }}"),
            format!("SELECT * {{ ?s ?p 'a\\'{open}' }}"),
            format!("# {open}\nSELECT * {{}}"),
            format!("SELECT * {{ ?s <http://x/{}> ?o }}", "(".repeat(500)),
        ] {
            assert_eq!(check_nesting(&q), Ok(()), "{q}");
        }
        // A less-than is not an IRI: the brackets after it count.
        let q = format!("SELECT * {{ FILTER(?a < ?b) {} }}", "{".repeat(300));
        assert!(check_nesting(&q).is_err());
    }

    #[test]
    fn refuses_overlong_text() {
        let q = " ".repeat(MAX_QUERY_BYTES + 1);
        assert_eq!(check_nesting(&q), Err(GuardError::TooLong(MAX_QUERY_BYTES + 1)));
    }

    #[test]
    fn long_flat_chains_parse_on_the_query_stack() {
        // 200,000 additions: the main thread's stack could not parse them.
        let q = format!("SELECT (1{} AS ?x) {{}}", "+1".repeat(200_000));
        check_nesting(&q).expect("flat");
        let parsed = on_query_stack(|| oxigraph::sparql::SparqlEvaluator::new().parse_query(&q).is_ok()).expect("thread");
        assert!(parsed);
    }
}
