//! Credentials for `unkg push`: HTTP Basic, from a user name given on the
//! command line and a password from the environment, so that neither the
//! password nor a URL holding it reaches a process list, a shell history or
//! an error message.

use std::fmt;

/// The environment variable `unkg push --user` reads the password from.
pub const PASSWORD_VAR: &str = "UNKG_PUSH_PASSWORD";

/// A user name and password. Its `Debug` form hides the password.
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials {
    /// The user name.
    pub user: String,
    password: String,
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Credentials {{ user: {:?}, password: <hidden> }}", self.user)
    }
}

impl Credentials {
    /// `user` with `password`.
    pub fn new(user: impl Into<String>, password: impl Into<String>) -> Self {
        Credentials { user: user.into(), password: password.into() }
    }

    /// The `Authorization` header's value for HTTP Basic (RFC 7617).
    pub fn basic(&self) -> String {
        format!("Basic {}", base64(format!("{}:{}", self.user, self.password).as_bytes()))
    }
}

/// Standard base64 with padding (RFC 4648 section 4).
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], chunk.get(1).copied().unwrap_or(0), chunk.get(2).copied().unwrap_or(0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// `url` with any user name and password in it replaced by `***`, for
/// messages; and whether it held any.
pub fn redact(url: &str) -> (String, bool) {
    let Some((scheme, rest)) = url.split_once("://") else { return (url.to_owned(), false) };
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    match rest[..authority_end].rfind('@') {
        Some(at) => (format!("{scheme}://***@{}", &rest[at + 1..]), true),
        None => (url.to_owned(), false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn basic_is_rfc_7617() {
        // The example of RFC 7617 section 2.
        assert_eq!(Credentials::new("Aladdin", "open sesame").basic(), "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
    }

    #[test]
    fn passwords_never_show() {
        let c = Credentials::new("dba", "s3cret");
        assert!(!format!("{c:?}").contains("s3cret"));
        let (shown, had) = redact("http://dba:s3cret@host:8890/sparql-graph-crud-auth?x=a@b");
        assert_eq!(shown, "http://***@host:8890/sparql-graph-crud-auth?x=a@b");
        assert!(had);
        assert_eq!(redact("http://host/store?g=a@b"), ("http://host/store?g=a@b".to_owned(), false));
    }
}
