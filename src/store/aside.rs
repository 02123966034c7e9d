//! A store built beside the one it replaces, then swapped in whole.
//!
//! When most of a store must be replaced (a new unkg, a changed gazetteer,
//! every file touched), removing every old graph quad by quad costs more
//! than building afresh. The build then writes a new store in a sibling
//! folder (`.NAME.unkg-aside`) while it holds the old one's writer lock,
//! closes it, and exchanges the two folders in one `renameat2` call
//! (`RENAME_EXCHANGE`): at every moment the store's path holds either the
//! old store or the whole new one. The old one, now in the sibling folder,
//! is then deleted; so is a sibling folder a killed build left behind, by
//! the next writer.
//!
//! Readers lock `unkg.lock` inside the folder; the new folder's lock is
//! held from its creation until after the exchange, so a reader arriving
//! at any moment finds the store it opens taken by the build, and one that
//! opened the old lock file just before the exchange notices that the file
//! is no longer the store's (see [`super::lock`]).

use super::lock::StoreLock;
use super::KgStore;
use crate::error::{Context, Error, Result};
use std::path::{Path, PathBuf};

/// The sibling folder a store is built aside in; `None` for a folder with
/// no name (`/`).
fn aside_path(store: &Path) -> Option<PathBuf> {
    let name = store.file_name()?.to_string_lossy().into_owned();
    Some(store.with_file_name(format!(".{name}.unkg-aside")))
}

/// The store's real folder: links resolved, so that its sibling is on the
/// same file system and the exchange moves the folder itself.
fn real(store: &Path) -> Result<PathBuf> {
    std::fs::canonicalize(store).at(store)
}

/// Removes what a killed aside build or swap left beside `store`: called
/// by a writer holding `store`'s lock, the only one that builds aside it.
pub(super) fn remove_leftover(store: &Path) -> Result<bool> {
    let Some(aside) = aside_path(&real(store)?) else { return Ok(false) };
    match std::fs::symlink_metadata(&aside) {
        Ok(meta) if meta.is_dir() => {
            std::fs::remove_dir_all(&aside).at(&aside)?;
            Ok(true)
        }
        _ => Ok(false),
    }
}

impl KgStore {
    /// Whether this store's folder can be swapped with one built aside
    /// (Linux's `renameat2`; elsewhere a build replaces graph by graph).
    pub fn can_build_aside(&self) -> bool {
        cfg!(target_os = "linux") && real(&self.path).is_ok_and(|p| aside_path(&p).is_some())
    }

    /// A fresh, empty store beside this one, to [`KgStore::swap_in`] once
    /// built. A folder left there by a killed build is removed first.
    pub fn open_aside(&self) -> Result<KgStore> {
        remove_leftover(&self.path)?;
        let store = real(&self.path)?;
        let aside = aside_path(&store).ok_or_else(|| Error::io(&store, std::io::Error::other("a store's folder needs a name to build beside it")))?;
        KgStore::open(&aside)
    }

    /// Whether the file system has room for a second copy of this store
    /// (its size and half again, for the load's sorted batches) beside it.
    pub fn has_room_aside(&self) -> bool {
        let (Ok(size), Some(free)) = (folder_size(&self.path), free_space(&self.path)) else { return false };
        free >= size + size / 2
    }

    /// Deletes `self`, a store from [`KgStore::open_aside`] whose build
    /// failed: the old store stays as it was.
    pub fn discard_aside(self) -> Result<()> {
        let path = real(&self.path)?;
        drop(self);
        std::fs::remove_dir_all(&path).at(&path)
    }

    /// Replaces this store with `aside` (from [`KgStore::open_aside`]):
    /// closes both, keeping their locks, exchanges the folders, and deletes
    /// the old store.
    pub fn swap_in(self, aside: KgStore) -> Result<()> {
        let path = real(&self.path)?;
        let new_path = real(&aside.path)?;
        let KgStore { store, _lock: lock, .. } = self;
        let KgStore { store: new, _lock: new_lock, .. } = aside;
        // RocksDB flushes and closes on drop; from then on nothing writes
        // either folder, and the locks keep everybody else out.
        drop(store);
        drop(new);
        sync_dir(&new_path)?;
        exchange(&new_path, &path)?;
        if let Some(parent) = path.parent() {
            sync_dir(parent)?;
        }
        // The old store is now in the aside folder: nobody can open it.
        std::fs::remove_dir_all(&new_path).at(&new_path)?;
        drop::<(StoreLock, StoreLock)>((lock, new_lock));
        Ok(())
    }
}

/// The bytes of the files under `dir`.
fn folder_size(dir: &Path) -> std::io::Result<u64> {
    let mut size = 0;
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let meta = entry.metadata()?;
        size += if meta.is_dir() { folder_size(&entry.path())? } else { meta.len() };
    }
    Ok(size)
}

/// The bytes an unprivileged writer may still write on `dir`'s file system.
#[cfg(target_os = "linux")]
fn free_space(dir: &Path) -> Option<u64> {
    rustix::fs::statvfs(dir).ok().map(|s| s.f_bavail.saturating_mul(s.f_frsize))
}

/// Elsewhere no build goes aside ([`KgStore::can_build_aside`]).
#[cfg(not(target_os = "linux"))]
fn free_space(_dir: &Path) -> Option<u64> {
    None
}

/// Flushes a folder's entries to disk: the files of a store renamed after
/// a crash must be there.
fn sync_dir(dir: &Path) -> Result<()> {
    std::fs::File::open(dir).and_then(|d| d.sync_all()).at(dir)
}

/// Exchanges the folders `a` and `b` atomically.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> Result<()> {
    use rustix::fs::{renameat_with, RenameFlags, CWD};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(|e| Error::io(b, std::io::Error::from(e)))
}

/// Elsewhere no build goes aside ([`KgStore::can_build_aside`]).
#[cfg(not(target_os = "linux"))]
fn exchange(_a: &Path, b: &Path) -> Result<()> {
    Err(Error::io(b, std::io::Error::other("exchanging two folders atomically needs Linux")))
}

#[cfg(test)]
mod tests {
    use super::aside_path;
    use std::path::Path;

    #[test]
    fn the_aside_folder_is_a_hidden_sibling() {
        assert_eq!(aside_path(Path::new("/data/kg")).as_deref(), Some(Path::new("/data/.kg.unkg-aside")));
        assert_eq!(aside_path(Path::new("/")), None);
    }
}
