//! A query's error: where the query came from and what its parser or
//! evaluator said.

/// A SPARQL query that failed to parse or evaluate.
#[derive(Debug, thiserror::Error)]
#[error("{origin}: {message}")]
pub struct QueryError {
    /// Where the query came from (a file name, `-e`, or the generator).
    pub origin: String,
    /// The parser's or evaluator's message, with the position.
    pub message: String,
}

impl QueryError {
    /// The error `e` of the query from `origin`.
    pub fn new(origin: &str, e: &dyn std::fmt::Display) -> Self {
        QueryError { origin: origin.to_owned(), message: e.to_string() }
    }

    /// The same error showing the query's text: for generated queries,
    /// which the user never saw.
    pub fn with_text(self, text: &str) -> Self {
        QueryError { message: format!("{}\n{text}", self.message), ..self }
    }
}
