//! The bundled sample: `clean/` is exactly what `rinse clean` makes of `raw/`, its front matter is valid YAML, and
//! cleaning the cleaned files changes nothing.

use std::path::{Path, PathBuf};

use crate::harness::{assert_code, repo, run, scratch, stderr};

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("folder is readable").flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn clean_folder_is_up_to_date() {
    let out_dir = scratch();
    let out = run(
        &repo(),
        &["clean", "-q", "-o", out_dir.path().to_str().unwrap(), "raw"],
    );
    assert_code(&out, 0);
    let committed = repo().join("clean");
    let made = files(out_dir.path());
    let have = files(&committed);
    let rel = |root: &Path, v: &[PathBuf]| -> Vec<PathBuf> {
        v.iter()
            .map(|p| p.strip_prefix(root).unwrap().to_path_buf())
            .collect()
    };
    assert_eq!(
        rel(out_dir.path(), &made),
        rel(&committed, &have),
        "clean/ has other files than raw/ makes: run `cargo run -- clean` and commit clean/"
    );
    for path in &made {
        let name = path.strip_prefix(out_dir.path()).unwrap();
        let expected = std::fs::read_to_string(committed.join(name)).unwrap();
        let actual = std::fs::read_to_string(path).unwrap();
        assert!(
            expected == actual,
            "clean/{} is stale: run `cargo run -- clean` and commit clean/",
            name.display()
        );
    }
}

#[test]
fn front_matter_of_every_clean_file_is_valid_yaml() {
    let committed = repo().join("clean");
    let all = files(&committed);
    assert!(!all.is_empty());
    for path in all
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
    {
        let text = std::fs::read_to_string(path).unwrap();
        let rest = text
            .strip_prefix("---\n")
            .unwrap_or_else(|| panic!("{} has no front matter", path.display()));
        let end = rest
            .find("\n---\n")
            .unwrap_or_else(|| panic!("{} front matter unterminated", path.display()));
        let docs = yaml_rust2::YamlLoader::load_from_str(&rest[..end + 1])
            .unwrap_or_else(|e| panic!("{}: invalid YAML front matter: {e}", path.display()));
        let map = docs[0]
            .as_hash()
            .unwrap_or_else(|| panic!("{}: front matter is not a mapping", path.display()));
        assert!(
            map.contains_key(&yaml_rust2::Yaml::String("source".into())),
            "{}",
            path.display()
        );
    }
}

#[test]
fn cleaning_clean_output_changes_nothing() {
    let out_dir = scratch();
    let out = run(
        &repo(),
        &[
            "clean",
            "-q",
            "-o",
            out_dir.path().to_str().unwrap(),
            "clean",
        ],
    );
    assert_code(&out, 0);
    for path in files(out_dir.path()) {
        let name = path.strip_prefix(out_dir.path()).unwrap();
        let again = std::fs::read_to_string(&path).unwrap();
        let before = std::fs::read_to_string(repo().join("clean").join(name)).unwrap();
        assert!(
            before == again,
            "cleaning clean/{} again changed it:\n{}",
            name.display(),
            stderr(&out)
        );
    }
}
