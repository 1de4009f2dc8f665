//! Atomic writes: every file rinse writes (outputs, fetched pages and their sidecars, the diff report) goes to a
//! temporary file in the target folder, then is renamed into place; and the check that keeps every output inside
//! its output folder, and the removal of the temporary files a killed run left behind.

use std::io::Write;
use std::path::{Component, Path, PathBuf};
use std::time::{Duration, SystemTime};

use crate::error::{Error, Result};

/// Writes `bytes` to `path` atomically: a temporary file in the same folder, then a rename. Returns `false` when
/// the file already held exactly these bytes (it is then left untouched).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<bool> {
    let wrap = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    // Whether a file is there to replace (one that cannot be read is taken to be there).
    let replaces = match std::fs::read(path) {
        Ok(existing) if existing == bytes => return Ok(false),
        Ok(_) => true,
        Err(err) => err.kind() != std::io::ErrorKind::NotFound,
    };
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let temp = || {
        tempfile::Builder::new()
            .prefix(TEMP_PREFIX)
            .suffix(TEMP_SUFFIX)
            .rand_bytes(TEMP_RANDOM)
            .tempfile_in(dir)
    };
    // The folder is made when the temporary file finds none: a batch writes many files into each folder, and
    // making sure of the folder first took two system calls per file.
    let mut file = match temp() {
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            std::fs::create_dir_all(dir).map_err(wrap)?;
            temp()
        }
        made => made,
    }
    .map_err(wrap)?;
    // No fsync: the rename is what makes the write atomic, and a batch of thousands of small files would spend
    // most of its time waiting for the disk.
    file.write_all(bytes).map_err(wrap)?;
    set_readable(file.as_file(), path, replaces).map_err(wrap)?;
    file.persist(path).map_err(|err| wrap(err.error))?;
    Ok(true)
}

/// Writes `bytes` to `path` atomically, after [`check_inside`] made sure that `path` lies inside `root`.
pub fn write_inside(root: &Path, path: &Path, bytes: &[u8]) -> Result<bool> {
    check_inside(root, path)?;
    write_atomic(path, bytes)
}

/// Refuses an output path that could land outside the output folder `root`: one not under `root`, one with a `.`
/// or `..` component, or one whose folders below `root` include a symbolic link (which could point anywhere).
/// `root` itself may be a link: the user chose it. The file itself may be a link: the rename replaces the link.
pub fn check_inside(root: &Path, path: &Path) -> Result<()> {
    let refuse = |reason: String| Error::UnsafePath {
        path: path.to_path_buf(),
        reason,
    };
    let relative = path
        .strip_prefix(root)
        .map_err(|_| refuse(format!("not inside the output folder {}", root.display())))?;
    if relative.as_os_str().is_empty() {
        return Err(refuse("it is the output folder itself".to_string()));
    }
    if let Some(component) = relative
        .components()
        .find(|c| !matches!(c, Component::Normal(_)))
    {
        return Err(refuse(format!(
            "`{}` would leave the output folder {}",
            component.as_os_str().to_string_lossy(),
            root.display()
        )));
    }
    let mut folder = root.to_path_buf();
    for name in relative.parent().into_iter().flat_map(Path::components) {
        folder.push(name);
        match std::fs::symlink_metadata(&folder) {
            Ok(meta) if meta.file_type().is_symlink() => {
                return Err(refuse(format!(
                    "{} is a symbolic link inside the output folder",
                    folder.display()
                )))
            }
            Ok(_) => {}
            // What does not exist yet is made as a plain folder by the write.
            Err(_) => break,
        }
    }
    Ok(())
}

/// How long a temporary file of rinse's naming must have gone unmodified before [`remove_stale_temps`] takes it
/// for abandoned. A write fills its temporary file in one go, so a live one is seconds old at most; the margin
/// keeps a concurrent run on a slow disk safe.
pub const STALE_AFTER: Duration = Duration::from_secs(5 * 60);

/// Removes, under the output folder `root`, the temporary files that a run killed mid-write left behind: regular
/// files named exactly as [`write_atomic`] names them (`.rinse-XXXXXX.tmp`, six letters or digits) and unmodified
/// for [`STALE_AFTER`]. Symbolic links are neither followed nor removed, nor is any other file. Returns the
/// files removed; one that cannot be removed is left for the next run.
pub fn remove_stale_temps(root: &Path) -> Vec<PathBuf> {
    let now = SystemTime::now();
    walkdir::WalkDir::new(root)
        .follow_links(false)
        .into_iter()
        .filter_map(std::result::Result::ok)
        .filter(|entry| entry.file_type().is_file() && is_temp_name(entry.file_name()))
        .filter(|entry| {
            entry
                .metadata()
                .ok()
                .and_then(|meta| meta.modified().ok())
                .and_then(|modified| now.duration_since(modified).ok())
                .is_some_and(|age| age >= STALE_AFTER)
        })
        .filter(|entry| std::fs::remove_file(entry.path()).is_ok())
        .map(walkdir::DirEntry::into_path)
        .collect()
}

const TEMP_PREFIX: &str = ".rinse-";
const TEMP_SUFFIX: &str = ".tmp";
const TEMP_RANDOM: usize = 6;

/// Whether `name` is one [`write_atomic`] gives its temporary files.
fn is_temp_name(name: &std::ffi::OsStr) -> bool {
    name.to_str()
        .and_then(|name| name.strip_prefix(TEMP_PREFIX))
        .and_then(|rest| rest.strip_suffix(TEMP_SUFFIX))
        .is_some_and(|random| {
            random.len() == TEMP_RANDOM && random.bytes().all(|b| b.is_ascii_alphanumeric())
        })
}

/// Gives the new file the mode of the file it replaces (when `replaces`), or `0644` less the umask's usual bits for
/// a new one: the temporary file is created `0600`, which would make outputs private to their owner.
#[cfg(unix)]
fn set_readable(file: &std::fs::File, path: &Path, replaces: bool) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let mode = replaces
        .then(|| std::fs::metadata(path).ok())
        .flatten()
        .map_or(0o644, |m| m.permissions().mode() & 0o7777);
    file.set_permissions(std::fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn set_readable(_file: &std::fs::File, _path: &Path, _replaces: bool) -> std::io::Result<()> {
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

    #[test]
    fn is_temp_name_takes_only_rinse_naming() {
        assert!(is_temp_name(".rinse-Ab12Cd.tmp".as_ref()));
        assert!(!is_temp_name(".rinse-notes.tmp".as_ref()));
        assert!(!is_temp_name(".rinse-Ab12Cd.tmp.bak".as_ref()));
        assert!(!is_temp_name("rinse-Ab12Cd.tmp".as_ref()));
        assert!(!is_temp_name(".rinse-Ab-2Cd.tmp".as_ref()));
    }

    #[test]
    fn check_inside_refuses_parent_components_and_other_folders() {
        let root = Path::new("out");
        assert!(check_inside(root, Path::new("out/a/b.md")).is_ok());
        assert!(check_inside(root, Path::new("out/../b.md")).is_err());
        assert!(check_inside(root, Path::new("out/a/../../b.md")).is_err());
        assert!(check_inside(root, Path::new("elsewhere/b.md")).is_err());
        assert!(check_inside(root, Path::new("out")).is_err());
    }

    #[cfg(unix)]
    #[test]
    fn check_inside_refuses_a_symlinked_folder() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let root = dir.path().join("out");
        std::fs::create_dir_all(root.join("real")).expect("a folder");
        std::os::unix::fs::symlink(dir.path(), root.join("link")).expect("a link");
        assert!(check_inside(&root, &root.join("real/a.md")).is_ok());
        let err = check_inside(&root, &root.join("link/a.md")).expect_err("a link is refused");
        assert!(err.to_string().contains("symbolic link"), "{err}");
    }
}
