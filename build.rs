//! Fingerprints the sources, gazetteers and ontology, so that a store built
//! by another version of unkg rebuilds every speech instead of mixing the two.

use std::collections::hash_map::DefaultHasher;
use std::hash::Hasher;
use std::path::Path;

fn main() {
    let mut files = Vec::new();
    for dir in ["src", "data", "ontology"] {
        collect(Path::new(dir), &mut files);
        println!("cargo:rerun-if-changed={dir}");
    }
    files.sort();
    // DefaultHasher::new() uses fixed keys: the same files give the same id.
    let mut hasher = DefaultHasher::new();
    hasher.write(env!("CARGO_PKG_VERSION").as_bytes());
    for file in &files {
        hasher.write(file.to_string_lossy().as_bytes());
        hasher.write(&std::fs::read(file).unwrap_or_default());
    }
    println!("cargo:rustc-env=UNKG_BUILD_ID={}-{:016x}", env!("CARGO_PKG_VERSION"), hasher.finish());
}

fn collect(dir: &Path, files: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            // The bundled speeches are input, not part of the tool.
            if path.file_name().is_some_and(|n| n != "speeches") {
                collect(&path, files);
            }
        } else {
            files.push(path);
        }
    }
}
