//! The portal's CSS and JavaScript, compiled into the binary so that the
//! portal works offline and from one file. `assets/vendor/` holds the
//! third-party bundles made by `assets/build.sh`; `assets/portal/` the
//! portal's own scripts.

use crate::serve::http::{self, HttpError, HttpResult};
use oxhttp::model::HeaderValue;

/// Every asset: path under `/assets/`, content type, bytes.
const ASSETS: &[(&str, &str, &[u8])] = &[
    ("portal.css", "text/css; charset=utf-8", include_bytes!("../../../assets/portal/portal.css")),
    ("portal/network.js", "text/javascript; charset=utf-8", include_bytes!("../../../assets/portal/network.js")),
    ("portal/editor.js", "text/javascript; charset=utf-8", include_bytes!("../../../assets/portal/editor.js")),
    ("vendor/cytoscape.min.js", "text/javascript; charset=utf-8", include_bytes!("../../../assets/vendor/cytoscape.min.js")),
    ("vendor/codemirror.js", "text/javascript; charset=utf-8", include_bytes!("../../../assets/vendor/codemirror.js")),
    ("vendor/LICENSES.txt", "text/plain; charset=utf-8", include_bytes!("../../../assets/vendor/LICENSES.txt")),
];

/// `GET /assets/NAME`.
pub(crate) fn respond(name: &str) -> HttpResult {
    let Some((_, media, bytes)) = ASSETS.iter().find(|(n, _, _)| *n == name) else {
        return Err(HttpError::new(404, format!("no asset {name}")));
    };
    let mut r = http::ok(media, bytes.to_vec());
    // The files change only with the binary; a day's caching is safe enough
    // and spares every page view the editor's half megabyte.
    r.headers_mut().insert("cache-control", HeaderValue::from_static("public, max-age=86400"));
    super::secure(&mut r);
    Ok(r)
}
