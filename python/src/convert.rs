//! Python values in and out: a document's content (`str` or `bytes`), the items of `clean_many`, JSON values as
//! Python objects, and command-line arguments.

use std::ffi::OsString;

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyDict, PyList, PyString};
use serde_json::Value;

use rinse::InputKind;

use crate::RinseError;

/// A document's content as given: text, or bytes to decode.
#[derive(Debug, Clone)]
pub struct Content {
    /// UTF-8 for text, the bytes as given otherwise.
    pub bytes: Vec<u8>,
    /// Whether it was given as text.
    pub is_text: bool,
}

/// The content of `clean(content)`: `str`, `bytes` or `bytearray`; anything else is a `TypeError`.
pub fn content(value: &Bound<'_, PyAny>) -> PyResult<Content> {
    content_or_reason(value).map_err(|reason| match reason {
        Reason::Type(message) => PyTypeError::new_err(message),
        Reason::Value(message) => RinseError::new_err(message),
    })
}

/// Why a value is no content: the wrong type, or a `str` that is not Unicode (lone surrogates).
enum Reason {
    Type(String),
    Value(String),
}

fn content_or_reason(value: &Bound<'_, PyAny>) -> Result<Content, Reason> {
    if let Ok(text) = value.cast::<PyString>() {
        let text = text
            .to_cow()
            .map_err(|err| Reason::Value(format!("the text is not valid Unicode ({err})")))?;
        return Ok(Content {
            bytes: text.as_bytes().to_vec(),
            is_text: true,
        });
    }
    if let Ok(bytes) = value.cast::<PyBytes>() {
        return Ok(Content {
            bytes: bytes.as_bytes().to_vec(),
            is_text: false,
        });
    }
    if let Ok(bytes) = value.cast::<PyByteArray>() {
        return Ok(Content {
            bytes: bytes.to_vec(),
            is_text: false,
        });
    }
    Err(Reason::Type(format!(
        "content must be str or bytes, not {}",
        type_name(value)
    )))
}

/// One item of `clean_many`, ready to clean.
pub struct Item {
    pub content: Content,
    pub kind: Option<InputKind>,
    pub url: Option<String>,
    pub source: Option<String>,
    pub extra: Option<Py<PyDict>>,
}

/// A `clean_many` item that cannot be cleaned: why, and the dict's other fields.
pub struct BadItem {
    pub reason: String,
    pub source: Option<String>,
    pub extra: Option<Py<PyDict>>,
}

/// The keys of an item dict that hold the document, with the kind each one forces.
const CONTENT_KEYS: [(&str, Option<InputKind>); 3] = [
    ("content", None),
    ("html", Some(InputKind::Html)),
    ("markdown", Some(InputKind::Markdown)),
];

/// Reads an item: `str`, `bytes`, or a dict with one of `content` (kind sniffed), `html`, `markdown`, and
/// optionally `url` and `source`; the dict's other keys are kept as they are.
pub fn item(value: &Bound<'_, PyAny>) -> Result<Item, BadItem> {
    let Ok(dict) = value.cast::<PyDict>() else {
        return match content_or_reason(value) {
            Ok(content) => Ok(Item {
                content,
                kind: None,
                url: None,
                source: None,
                extra: None,
            }),
            Err(Reason::Type(_)) => Err(BadItem {
                reason: format!(
                    "an item must be str, bytes or a dict, not {}",
                    type_name(value)
                ),
                source: None,
                extra: None,
            }),
            Err(Reason::Value(reason)) => Err(BadItem {
                reason,
                source: None,
                extra: None,
            }),
        };
    };
    let py = value.py();
    let extra = PyDict::new(py);
    let mut found: Vec<(&str, Option<InputKind>, Bound<'_, PyAny>)> = Vec::new();
    let mut url = None;
    let mut source = None;
    let mut problem = None;
    for (key, field) in dict.iter() {
        let name = key.cast::<PyString>().ok().and_then(|k| k.to_cow().ok());
        let name = name.as_deref();
        if let Some(&(content_key, kind)) = CONTENT_KEYS.iter().find(|(k, _)| Some(*k) == name) {
            found.push((content_key, kind, field));
            continue;
        }
        match name {
            Some("url") => match optional_string(&field) {
                Ok(value) => url = value,
                Err(()) => problem = Some("`url` is not a string".to_string()),
            },
            Some("source") => match optional_string(&field) {
                Ok(value) => source = value,
                Err(()) => problem = Some("`source` is not a string".to_string()),
            },
            _ => {
                // Setting an item on a new dict only fails for an unhashable key, which a dict cannot hold.
                let _ = extra.set_item(key, field);
            }
        }
    }
    let extra = (!extra.is_empty()).then(|| extra.unbind());
    let bad = |reason: String, source: Option<String>, extra: Option<Py<PyDict>>| BadItem {
        reason,
        source,
        extra,
    };
    if let Some(reason) = problem {
        return Err(bad(reason, source, extra));
    }
    let (name, kind, field) = match found.len() {
        1 => found.remove(0),
        0 => {
            return Err(bad(
                "the item has none of `content`, `html` and `markdown`".to_string(),
                source,
                extra,
            ))
        }
        _ => {
            let names: Vec<String> = found.iter().map(|(n, _, _)| format!("`{n}`")).collect();
            return Err(bad(
                format!("the item has both {}", names.join(" and ")),
                source,
                extra,
            ));
        }
    };
    match content_or_reason(&field) {
        Ok(content) => Ok(Item {
            content,
            kind,
            url,
            source,
            extra,
        }),
        Err(Reason::Type(_)) => Err(bad(
            format!("`{name}` must be str or bytes, not {}", type_name(&field)),
            source,
            extra,
        )),
        Err(Reason::Value(reason)) => Err(bad(format!("`{name}`: {reason}"), source, extra)),
    }
}

fn optional_string(value: &Bound<'_, PyAny>) -> Result<Option<String>, ()> {
    if value.is_none() {
        return Ok(None);
    }
    value.extract::<String>().map(Some).map_err(|_| ())
}

fn type_name(value: &Bound<'_, PyAny>) -> String {
    value
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "an unknown type".to_string())
}

/// A JSON value as the Python object `json.loads` would give.
pub fn json<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => b.into_pyobject(py)?.to_owned().into_any(),
        Value::Number(n) => match (n.as_i64(), n.as_u64()) {
            (Some(i), _) => i.into_pyobject(py)?.into_any(),
            (None, Some(u)) => u.into_pyobject(py)?.into_any(),
            _ => n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any(),
        },
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(json(py, item)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (key, item) in map {
                dict.set_item(key, json(py, item)?)?;
            }
            dict.into_any()
        }
    })
}

/// A command-line argument from its bytes (`os.fsencode`).
#[cfg(unix)]
pub fn os_string(bytes: &[u8]) -> OsString {
    use std::os::unix::ffi::OsStringExt;
    OsString::from_vec(bytes.to_vec())
}

/// A command-line argument from its bytes (`os.fsencode`, UTF-8 outside Unix).
#[cfg(not(unix))]
pub fn os_string(bytes: &[u8]) -> OsString {
    OsString::from(String::from_utf8_lossy(bytes).into_owned())
}
