//! Readers and writers of one store keep out of each other's way.
//!
//! RocksDB lets one writer in (its `LOCK` file) but lets read-only openers
//! in beside it, and they see a store a build is half-way through: some
//! speeches new, a replaced one missing, and, later, table files the
//! writer's compaction deleted. So every opener also takes a lock on
//! `unkg.lock` in the store's folder: shared for readers (`unkg query`,
//! `serve`, `export`, ...), exclusive for writers (`unkg build`, a server
//! that accepts updates). The operating system drops it when the process
//! ends, killed or not.

use super::StoreError;
use crate::error::{Context, Error, Result};
use std::fs::{File, OpenOptions, TryLockError};
use std::path::Path;

const LOCK_FILE: &str = "unkg.lock";

/// A held lock on a store; released when dropped.
#[derive(Debug)]
pub(crate) struct StoreLock {
    // `None` where the folder is read-only and holds no lock file: nothing
    // can write such a store, so there is nobody to keep out.
    _file: Option<File>,
}

impl StoreLock {
    /// The lock of a writer; fails at once, naming the store, while anybody
    /// reads or writes it. Taken before RocksDB opens the store: a build
    /// refused now must not have opened it, which rewrites its MANIFEST,
    /// WAL and OPTIONS and rotates its LOG.
    pub(crate) fn exclusive(store: &Path) -> Result<StoreLock> {
        let path = store.join(LOCK_FILE);
        let mut file = open_lock_file(&path)?;
        let mut locked = file.try_lock();
        // A build that swapped a store in (see `aside`) released the lock
        // of the folder it replaced, which this file may be: lock the
        // store's own.
        if locked.is_ok() && !is_at(&file, &path) {
            file = open_lock_file(&path)?;
            locked = file.try_lock();
        }
        match locked {
            Ok(()) => Ok(StoreLock { _file: Some(file) }),
            Err(TryLockError::WouldBlock) => Err(busy_for_a_writer(store, &path)),
            Err(TryLockError::Error(e)) => Err(Error::io(&path, e)),
        }
    }

    /// The lock of a reader; fails at once, naming the store, while a build
    /// (or a server accepting updates) writes it.
    pub(crate) fn shared(store: &Path) -> Result<StoreLock> {
        let path = store.join(LOCK_FILE);
        let file = match File::open(&path) {
            Ok(file) => file,
            // A store built before this lock existed, or copied without it.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                match OpenOptions::new().create(true).truncate(false).write(true).open(&path) {
                    Ok(file) => file,
                    Err(_) => return Ok(StoreLock { _file: None }),
                }
            }
            Err(e) => return Err(Error::io(&path, e)),
        };
        match file.try_lock_shared() {
            // The folder was swapped for one built aside since the file was
            // opened (see `aside`): this lock guards a store that is gone.
            Ok(()) if !is_at(&file, &path) => StoreLock::shared(store),
            Ok(()) => Ok(StoreLock { _file: Some(file) }),
            Err(TryLockError::WouldBlock) => Err(StoreError::busy(store, "the store is being written (`unkg build`, or `unkg serve --allow-update`): until that \
                          ends it holds part of the build only; wait for it to finish").into()),
            Err(TryLockError::Error(e)) => Err(Error::io(&path, e)),
        }
    }
}

/// Whether `file` is the file at `path` (and not one a swap moved away).
#[cfg(unix)]
fn is_at(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), std::fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        // Cannot tell: no file to lock in its place either.
        _ => true,
    }
}

/// Elsewhere no store is swapped in (see `aside`).
#[cfg(not(unix))]
fn is_at(_file: &File, _path: &Path) -> bool {
    true
}

/// The lock file, opened for locking only: a writer refused must leave the
/// store's folder as it found it, so an existing lock file is only read.
fn open_lock_file(path: &Path) -> Result<File> {
    match File::open(path) {
        Ok(file) => Ok(file),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            OpenOptions::new().create(true).truncate(false).write(true).open(path).at(path)
        }
        Err(e) => Err(Error::io(path, e)),
    }
}

/// Why a writer cannot have the store: another writer holds the lock
/// (a shared lock is refused too), or readers do (a shared one is granted).
fn busy_for_a_writer(store: &Path, path: &Path) -> Error {
    let writing = match File::open(path).map(|probe| probe.try_lock_shared()) {
        Ok(Ok(())) => false,
        Ok(Err(TryLockError::WouldBlock)) => true,
        // Cannot tell: the readers' message names both ways out.
        _ => false,
    };
    if writing {
        StoreError::busy(store, "another `unkg build` is writing to this store (or `unkg serve --allow-update` serves it): \
                         wait for it to finish").into()
    } else {
        StoreError::busy(store, "the store is open for reading (`unkg serve`, `query`, `export` or another reader): a \
                         build would change its files under the reader; stop the readers first, or build into \
                         another folder and move it in place").into()
    }
}
