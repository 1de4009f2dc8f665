//! Atomic writes: every file rinse writes (outputs, fetched pages and their sidecars, the diff report) goes to a
//! temporary file in the target folder, then is renamed into place.

use std::io::Write;
use std::path::Path;

use crate::error::{Error, Result};

/// Writes `bytes` to `path` atomically: a temporary file in the same folder, then a rename. Returns `false` when
/// the file already held exactly these bytes (it is then left untouched).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<bool> {
    let wrap = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    if let Ok(existing) = std::fs::read(path) {
        if existing == bytes {
            return Ok(false);
        }
    }
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir).map_err(wrap)?;
    let mut file = tempfile::Builder::new()
        .prefix(".rinse-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(wrap)?;
    // No fsync: the rename is what makes the write atomic, and a batch of thousands of small files would spend
    // most of its time waiting for the disk.
    file.write_all(bytes).map_err(wrap)?;
    set_readable(file.as_file(), path).map_err(wrap)?;
    file.persist(path).map_err(|err| wrap(err.error))?;
    Ok(true)
}

/// Gives the new file the mode of the file it replaces, or `0644` less the umask's usual bits for a new one: the
/// temporary file is created `0600`, which would make outputs private to their owner.
#[cfg(unix)]
fn set_readable(file: &std::fs::File, path: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(path)
        .map(|m| m.permissions().mode() & 0o7777)
        .unwrap_or(0o644);
    file.set_permissions(std::fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn set_readable(_file: &std::fs::File, _path: &Path) -> std::io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_atomic_leaves_identical_files_untouched() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("a/b.md");
        assert!(write_atomic(&path, b"one\n").expect("first write"));
        assert!(!write_atomic(&path, b"one\n").expect("same bytes"));
        assert!(write_atomic(&path, b"two\n").expect("new bytes"));
        assert_eq!(std::fs::read(&path).expect("written"), b"two\n");
        let names: Vec<_> = std::fs::read_dir(path.parent().expect("a parent"))
            .expect("listed")
            .map(|e| e.expect("an entry").file_name())
            .collect();
        assert_eq!(names, ["b.md"], "no temporary file is left behind");
    }
}
