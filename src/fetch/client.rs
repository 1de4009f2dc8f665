//! The HTTP client: one GET with its timeouts, redirect limit, body limit and content-type check, retried with
//! exponential backoff and jitter on connection errors, 408, 429 (honouring `Retry-After`) and 5xx.

use std::hash::{BuildHasher, Hasher};
use std::time::{Duration, SystemTime};

use reqwest::header::{self, HeaderMap};
use reqwest::StatusCode;
use url::Url;

use super::politeness::Limits;
use super::{Page, Settings};
use crate::read::Sidecar;

/// What a request is for: it decides the checks and whether to retry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Purpose {
    /// A page: retried, and refused unless HTML or PDF (or `--accept-any`).
    Page,
    /// A sitemap: retried, any content type.
    Sitemap,
    /// A robots.txt: one attempt, any content type.
    Robots,
}

/// The answer to a GET.
#[derive(Debug)]
pub(crate) enum Reply {
    /// A 2xx response with its body.
    Page(Page),
    /// 304: the copy on disk is current.
    NotModified,
}

/// Why a GET failed, and the status when the server answered.
#[derive(Debug)]
pub(crate) struct Failure {
    pub(crate) status: Option<StatusCode>,
    pub(crate) reason: String,
    retry: Retry,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Retry {
    No,
    /// Worth another attempt, after the server's `Retry-After` when it gave one.
    After(Option<Duration>),
}

/// Builds the client: rustls with the ring provider, decompression, timeouts, and a redirect policy that stops
/// at `max_redirects` and at the first loop.
pub(crate) fn build(settings: &Settings) -> Result<reqwest::Client, String> {
    // Fails only when a provider is already installed (a second Fetcher in one process), which is what we want.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let max = settings.max_redirects;
    let policy = reqwest::redirect::Policy::custom(move |attempt| {
        if attempt.previous().contains(attempt.url()) {
            attempt.error("redirect loop")
        } else if attempt.previous().len() > max {
            attempt.error(format!("more than {max} redirects"))
        } else {
            attempt.follow()
        }
    });
    reqwest::Client::builder()
        .user_agent(settings.user_agent.clone())
        .connect_timeout(settings.connect_timeout)
        .timeout(settings.timeout)
        .redirect(policy)
        .build()
        .map_err(|err| chain(&err))
}

/// GETs `url` under the limits, conditionally when `previous` holds validators, retrying as the settings allow.
pub(crate) async fn get(
    client: &reqwest::Client,
    limits: &Limits,
    settings: &Settings,
    url: &Url,
    previous: Option<&Sidecar>,
    purpose: Purpose,
) -> Result<Reply, Failure> {
    let host = limits.host(url);
    let retries = if purpose == Purpose::Robots {
        0
    } else {
        settings.retries
    };
    let mut attempt = 0;
    loop {
        let permit = limits.acquire(&host).await;
        let result = send(client, settings, url, previous, purpose).await;
        drop(permit);
        let failure = match result {
            Ok(reply) => return Ok(reply),
            Err(failure) => failure,
        };
        let Retry::After(asked) = failure.retry else {
            return Err(failure);
        };
        if attempt >= retries {
            return Err(failure);
        }
        if let Some(asked) = asked.filter(|&a| a > settings.max_retry_wait) {
            return Err(Failure {
                reason: format!(
                    "{} (the server asks to retry after {} s, longer than --max-retry-wait)",
                    failure.reason,
                    asked.as_secs()
                ),
                ..failure
            });
        }
        let wait = backoff(settings.backoff, attempt)
            .max(asked.unwrap_or_default())
            .min(settings.max_retry_wait);
        tokio::time::sleep(wait).await;
        attempt += 1;
    }
}

async fn send(
    client: &reqwest::Client,
    settings: &Settings,
    url: &Url,
    previous: Option<&Sidecar>,
    purpose: Purpose,
) -> Result<Reply, Failure> {
    let mut request = client.get(url.clone());
    let mut conditional = false;
    if let Some(previous) = previous {
        if let Some(etag) = &previous.etag {
            request = request.header(header::IF_NONE_MATCH, etag);
            conditional = true;
        }
        if let Some(modified) = &previous.last_modified {
            request = request.header(header::IF_MODIFIED_SINCE, modified);
            conditional = true;
        }
    }
    let mut response = request.send().await.map_err(transport)?;
    let status = response.status();
    if status == StatusCode::NOT_MODIFIED && conditional {
        return Ok(Reply::NotModified);
    }
    if !status.is_success() {
        let retry = if status == StatusCode::REQUEST_TIMEOUT
            || status == StatusCode::TOO_MANY_REQUESTS
            || status.is_server_error()
        {
            Retry::After(retry_after(response.headers()))
        } else {
            Retry::No
        };
        return Err(Failure {
            status: Some(status),
            reason: unfollowed_redirect(status, response.headers())
                .unwrap_or_else(|| format!("HTTP {status}")),
            retry,
        });
    }
    let headers = response.headers();
    let content_type = text_header(headers, header::CONTENT_TYPE);
    if purpose == Purpose::Page && !settings.accept_any && !is_cleanable(content_type.as_deref()) {
        return Err(Failure {
            status: Some(status),
            reason: format!(
                "not HTML or PDF but {}; --accept-any keeps it",
                content_type.as_deref().unwrap_or("no content type")
            ),
            retry: Retry::No,
        });
    }
    let too_large = || Failure {
        status: Some(status),
        reason: format!(
            "the body is larger than the limit of {} bytes (--max-size)",
            settings.max_size
        ),
        retry: Retry::No,
    };
    if response
        .content_length()
        .is_some_and(|len| len > settings.max_size)
    {
        return Err(too_large());
    }
    let mut page = Page {
        url: url.to_string(),
        final_url: response.url().to_string(),
        status: status.as_u16(),
        charset: content_type.as_deref().and_then(charset_of),
        content_type,
        etag: text_header(headers, header::ETAG),
        last_modified: text_header(headers, header::LAST_MODIFIED),
        fetched_at: SystemTime::now(),
        body: Vec::new(),
    };
    while let Some(chunk) = response.chunk().await.map_err(transport)? {
        if (page.body.len() + chunk.len()) as u64 > settings.max_size {
            return Err(too_large());
        }
        page.body.extend_from_slice(&chunk);
    }
    Ok(Reply::Page(page))
}

/// Why a redirect came back unfollowed: the client follows only http(s) locations, so a 3xx that reaches us
/// points elsewhere (`file:`, `ftp:`) or nowhere.
fn unfollowed_redirect(status: StatusCode, headers: &header::HeaderMap) -> Option<String> {
    if !status.is_redirection() || status == StatusCode::NOT_MODIFIED {
        return None;
    }
    let Some(location) = text_header(headers, header::LOCATION) else {
        return Some(format!("HTTP {status} without a Location header"));
    };
    let shown: String = location.chars().take(80).collect();
    Some(match location.split_once(':') {
        Some((scheme, _))
            if !scheme.contains('/')
                && !scheme.eq_ignore_ascii_case("http")
                && !scheme.eq_ignore_ascii_case("https") =>
        {
            format!(
                "HTTP {status} to `{shown}` refused: rinse follows http and https redirects only"
            )
        }
        _ => format!("HTTP {status} to `{shown}`, which could not be followed"),
    })
}

/// Whether a content type is one rinse cleans: HTML or PDF. A missing one is taken as HTML: many servers omit it
/// for static pages.
fn is_cleanable(content_type: Option<&str>) -> bool {
    let Some(content_type) = content_type else {
        return true;
    };
    let mime = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    mime.is_empty()
        || mime == "text/html"
        || mime == "application/xhtml+xml"
        || mime == "application/pdf"
}

/// The `charset` parameter of a content type, unquoted.
fn charset_of(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|param| {
        let (key, value) = param.split_once('=')?;
        key.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches('"').to_string())
            .filter(|v| !v.is_empty())
    })
}

fn text_header(headers: &HeaderMap, name: header::HeaderName) -> Option<String> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

/// `Retry-After` as a delay: seconds, or an HTTP date.
fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = text_header(headers, header::RETRY_AFTER)?;
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let at = httpdate::parse_http_date(&value).ok()?;
    Some(at.duration_since(SystemTime::now()).unwrap_or_default())
}

/// `base × 2^attempt`, scaled by a random factor in [0.5, 1.5) so that clients that failed together do not retry
/// together.
fn backoff(base: Duration, attempt: u32) -> Duration {
    let exponential = base.saturating_mul(1u32 << attempt.min(16));
    // A fresh RandomState is seeded differently each time: enough randomness for jitter, without a dependency.
    let random = std::collections::hash_map::RandomState::new()
        .build_hasher()
        .finish();
    let factor = 0.5 + (random % 1000) as f64 / 1000.0;
    exponential.mul_f64(factor)
}

/// A transport error as a failure: retried unless it is about redirects or the content itself.
fn transport(err: reqwest::Error) -> Failure {
    let retry = if err.is_redirect() || err.is_builder() || err.is_decode() {
        Retry::No
    } else {
        Retry::After(None)
    };
    let reason = if err.is_timeout() {
        "timed out (--timeout)".to_string()
    } else if err.is_redirect() {
        innermost(&err)
    } else if err.is_connect() {
        format!("connection failed: {}", innermost(&err))
    } else {
        chain(&err)
    };
    Failure {
        status: err.status(),
        reason,
        retry,
    }
}

/// The deepest cause of an error, lowercased, without the OS error number.
fn innermost(err: &(dyn std::error::Error + 'static)) -> String {
    let mut cause = err;
    while let Some(next) = cause.source() {
        cause = next;
    }
    crate::read::io_reason(&std::io::Error::other(cause.to_string()))
}

/// An error and its causes, joined with `: `, skipping causes whose text the previous one already holds.
fn chain(err: &(dyn std::error::Error + 'static)) -> String {
    let mut text = err.to_string();
    let mut cause = err.source();
    while let Some(next) = cause {
        let part = next.to_string();
        if !text.contains(&part) {
            text.push_str(": ");
            text.push_str(&part);
        }
        cause = next.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charset_comes_from_the_content_type() {
        assert_eq!(
            charset_of("text/html; charset=\"Shift_JIS\""),
            Some("Shift_JIS".to_string())
        );
        assert_eq!(charset_of("text/html"), None);
    }

    #[test]
    fn html_and_pdf_types_pass_and_others_do_not() {
        assert!(is_cleanable(Some("text/html; charset=utf-8")));
        assert!(is_cleanable(Some("application/xhtml+xml")));
        assert!(is_cleanable(None));
        assert!(is_cleanable(Some("application/pdf")));
        assert!(!is_cleanable(Some("image/png")));
    }

    #[test]
    fn backoff_doubles_within_the_jitter() {
        let base = Duration::from_millis(100);
        for attempt in 0..4 {
            let wait = backoff(base, attempt);
            let nominal = base * (1 << attempt);
            assert!(wait >= nominal / 2 && wait < nominal * 3 / 2, "{wait:?}");
        }
    }

    #[test]
    fn retry_after_reads_seconds() {
        let mut headers = HeaderMap::new();
        headers.insert(header::RETRY_AFTER, "7".parse().unwrap());
        assert_eq!(retry_after(&headers), Some(Duration::from_secs(7)));
    }
}
