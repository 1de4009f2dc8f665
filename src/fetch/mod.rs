//! Fetching pages over HTTP into raw/ (`DIR/<host>/<name>.html` plus a `<name>.json` sidecar) or into memory:
//! politely (robots.txt, global and per-host limits, a delay per host), robustly (timeouts, retries, size limit)
//! and incrementally (conditional GETs from the sidecar's validators).

mod client;
mod politeness;
pub mod robots;
pub mod sitemap;
pub mod storage;

use std::cell::Cell;
use std::collections::{HashSet, VecDeque};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use url::Url;

use crate::error::{Error, Result};
use crate::read::kind::{kind_from_name, InputKind};
use crate::read::{self, RawDocument, Sidecar};
use client::{Purpose, Reply};
use politeness::Limits;
use robots::Robots;
use sitemap::Sitemap;

/// robots.txt is read up to this many bytes (RFC 9309 asks for at least 500 KiB).
const ROBOTS_MAX: usize = 512 * 1024;

/// A sitemap index may lead to at most this many sitemaps in all.
const MAX_SITEMAPS: usize = 1000;

/// The settings of a fetch run.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Requests in flight at most.
    pub jobs: usize,
    /// Requests in flight per host at most; 0 for no per-host limit.
    pub per_host: usize,
    /// The minimum time between the starts of two requests to one host.
    pub delay: Duration,
    /// The time allowed to connect.
    pub connect_timeout: Duration,
    /// The time allowed for one request, body included.
    pub timeout: Duration,
    /// The largest body accepted, in bytes (after decompression).
    pub max_size: u64,
    /// The most redirects followed for one request.
    pub max_redirects: usize,
    /// Further attempts after a retryable failure.
    pub retries: u32,
    /// The wait before the first retry; it doubles with each further one.
    pub backoff: Duration,
    /// The longest wait before a retry; a `Retry-After` longer than this fails the URL at once.
    pub max_retry_wait: Duration,
    /// The `User-Agent` header; its product token (before the first `/`) is the name matched in robots.txt.
    pub user_agent: String,
    /// Obey robots.txt.
    pub robots: bool,
    /// Keep responses whatever their content type.
    pub accept_any: bool,
    /// Ignore the validators and age of copies on disk: fetch everything in full.
    pub refresh: bool,
    /// Skip pages whose copy on disk was fetched less than this long ago.
    pub max_age: Option<Duration>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            jobs: 8,
            per_host: 2,
            delay: Duration::from_millis(500),
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(30),
            max_size: 50_000_000,
            max_redirects: 10,
            retries: 3,
            backoff: Duration::from_secs(1),
            max_retry_wait: Duration::from_secs(120),
            user_agent: default_user_agent(),
            robots: true,
            accept_any: false,
            refresh: false,
            max_age: None,
        }
    }
}

/// `rinse/<version> (+<repository>)`.
pub fn default_user_agent() -> String {
    format!(
        "rinse/{} (+{})",
        env!("CARGO_PKG_VERSION"),
        env!("CARGO_PKG_REPOSITORY")
    )
}

/// A fetched response.
#[derive(Debug, Clone)]
pub struct Page {
    /// The URL asked for.
    pub url: String,
    /// The URL after redirects.
    pub final_url: String,
    /// The HTTP status.
    pub status: u16,
    /// The `Content-Type` header.
    pub content_type: Option<String>,
    /// Its `charset` parameter.
    pub charset: Option<String>,
    /// The `ETag` header.
    pub etag: Option<String>,
    /// The `Last-Modified` header.
    pub last_modified: Option<String>,
    /// When the response arrived.
    pub fetched_at: SystemTime,
    /// The body, decompressed. Empty in the outcome of a folder run that did not ask to keep bodies.
    pub body: Vec<u8>,
}

impl Page {
    /// The sidecar that describes this page.
    pub fn sidecar(&self) -> Sidecar {
        Sidecar {
            url: Some(self.url.clone()),
            final_url: Some(self.final_url.clone()),
            status: Some(self.status),
            content_type: self.content_type.clone(),
            charset: self.charset.clone(),
            etag: self.etag.clone(),
            last_modified: self.last_modified.clone(),
            fetched_at: Some(storage::format_rfc3339(self.fetched_at)),
            sha256: Some(storage::sha256_hex(&self.body)),
            size: Some(self.body.len() as u64),
        }
    }
}

/// Where fetched pages go.
#[derive(Debug, Clone, Copy)]
pub enum Target<'a> {
    /// Into this folder, with sidecars; copies already there are re-fetched conditionally.
    Folder {
        /// The output folder.
        dir: &'a Path,
        /// Keep each body in the outcome too (for cleaning right away).
        keep_bodies: bool,
    },
    /// Only into memory.
    Memory,
}

/// What happened to one URL.
#[derive(Debug)]
pub enum Outcome {
    /// Fetched. `path` is where it was stored (none in memory); `changed` is false when the stored bytes were
    /// already the same.
    Fetched {
        /// The response.
        page: Page,
        /// The stored page.
        path: Option<PathBuf>,
        /// Whether the stored bytes changed.
        changed: bool,
        /// The size of the body in bytes.
        size: u64,
    },
    /// The server answered 304: the copy on disk is current and was left untouched.
    NotModified {
        /// The copy on disk.
        path: PathBuf,
    },
    /// The copy on disk is younger than `--max-age`: not asked for.
    Fresh {
        /// The copy on disk.
        path: PathBuf,
    },
    /// robots.txt disallows the URL: skipped.
    Disallowed,
    /// The URL could not be fetched or stored; nothing was written.
    Failed(Error),
}

/// How many URLs per `--jobs` slot [`Fetcher::fetch`] and [`Fetcher::fetch_sources`] keep started: enough that a
/// slow host does not starve the others, few enough that memory does not grow with the URL list.
pub const QUEUE_PER_JOB: usize = 8;

/// How many URL fingerprints [`Fetcher::fetch_sources`] keeps to drop repeated URLs (16 bytes each: 17 MiB in its
/// hash set of 2^20 slots when full); past that it starts a new set.
pub const MAX_FINGERPRINTS: usize = 900_000;

/// The longest line [`UrlLines`] reads as a URL (browsers and servers stop far below: 8 KiB to 2 MiB).
pub const MAX_URL_LINE: usize = 64 << 10;

/// The URLs of a list, one per line, blank lines and `#` comments skipped, read one line at a time as they are
/// needed: a list of millions of URLs is never held whole. A line longer than [`MAX_URL_LINE`] is a
/// [`Error::BadUrl`] (its start shown) and is skipped; a read error ends the list with an [`Error::Read`].
pub struct UrlLines<R> {
    reader: R,
    path: PathBuf,
    line: Vec<u8>,
    done: bool,
}

impl<R: std::io::BufRead> UrlLines<R> {
    /// The URLs of `reader`, whose errors name `path`.
    pub fn new(reader: R, path: PathBuf) -> Self {
        UrlLines {
            reader,
            path,
            line: Vec::new(),
            done: false,
        }
    }

    /// Reads one line into `self.line`, keeping at most [`MAX_URL_LINE`] + 1 bytes of it.
    fn read_line(&mut self) -> std::io::Result<()> {
        self.line.clear();
        loop {
            let buf = match self.reader.fill_buf() {
                Ok(buf) => buf,
                Err(err) if err.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(err) => return Err(err),
            };
            if buf.is_empty() {
                self.done = true;
                return Ok(());
            }
            let (take, newline) = match buf.iter().position(|&b| b == b'\n') {
                Some(at) => (at, true),
                None => (buf.len(), false),
            };
            let room = (MAX_URL_LINE + 1).saturating_sub(self.line.len());
            self.line.extend_from_slice(&buf[..take.min(room)]);
            self.reader.consume(take + usize::from(newline));
            if newline {
                return Ok(());
            }
        }
    }
}

impl<R: std::io::BufRead> Iterator for UrlLines<R> {
    type Item = Result<String>;

    fn next(&mut self) -> Option<Result<String>> {
        while !self.done {
            if let Err(source) = self.read_line() {
                self.done = true;
                return Some(Err(Error::Read {
                    path: self.path.clone(),
                    source,
                }));
            }
            let text = String::from_utf8_lossy(&self.line);
            if self.line.len() > MAX_URL_LINE {
                let start: String = text.chars().take(100).collect();
                return Some(Err(Error::BadUrl {
                    url: format!("{start}…"),
                    reason: format!(
                        "a line of {} longer than {MAX_URL_LINE} bytes",
                        self.path.display()
                    ),
                }));
            }
            let text = text.trim();
            if !text.is_empty() && !text.starts_with('#') {
                return Some(Ok(text.to_string()));
            }
        }
        None
    }
}

/// What [`Fetcher::fetch_sources`] reports as the run goes.
#[derive(Debug)]
pub enum Event<'a> {
    /// A URL ended. `found` counts the distinct URLs found so far: the listed ones and the pages of the sitemaps
    /// read so far (it grows while sitemaps are read).
    Done {
        /// The URL.
        url: &'a Url,
        /// What happened to it.
        outcome: Outcome,
        /// The distinct URLs found so far.
        found: usize,
    },
    /// A URL that is not valid, or a sitemap that could not be read or led to too many sitemaps: nothing was
    /// fetched for it, and the run goes on.
    Error(Error),
}

/// A fetcher: the client, the limits, and the runtime they run on.
#[derive(Debug)]
pub struct Fetcher {
    settings: Settings,
    client: reqwest::Client,
    limits: Limits,
    agent: String,
    runtime: tokio::runtime::Runtime,
}

impl Fetcher {
    /// A fetcher with these settings.
    pub fn new(settings: Settings) -> Result<Fetcher> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .map_err(|source| Error::Runtime { source })?;
        // Building the client needs a runtime for its connection pool's timers.
        let client = {
            let _guard = runtime.enter();
            client::build(&settings)
                .map_err(|reason| Error::Usage(format!("http client: {reason}")))?
        };
        let agent = settings
            .user_agent
            .split(['/', ' '])
            .next()
            .unwrap_or("rinse")
            .to_ascii_lowercase();
        Ok(Fetcher {
            limits: Limits::new(settings.jobs, settings.per_host, settings.delay),
            settings,
            client,
            agent,
            runtime,
        })
    }

    /// Fetches every URL, calling `on_done` as each one ends, and returns the outcomes in the order of `urls`. At
    /// most [`QUEUE_PER_JOB`] × `jobs` requests are under way or waiting for their host at once.
    pub fn fetch(
        &self,
        urls: &[Url],
        target: Target<'_>,
        on_done: &(dyn Fn(&Url, &Outcome) + Sync),
    ) -> Vec<Outcome> {
        use futures_util::StreamExt;
        let mut outcomes: Vec<Option<Outcome>> = Vec::new();
        outcomes.resize_with(urls.len(), || None);
        self.runtime.block_on(async {
            let mut ended = futures_util::stream::iter(urls.iter().enumerate())
                .map(|(index, url)| async move { (index, url, self.fetch_one(url, target).await) })
                .buffer_unordered(self.queue_len());
            while let Some((index, url, outcome)) = ended.next().await {
                on_done(url, &outcome);
                outcomes[index] = Some(outcome);
            }
        });
        outcomes
            .into_iter()
            .map(|outcome| outcome.expect("one outcome per URL"))
            .collect()
    }

    /// How many URLs are started at once: [`QUEUE_PER_JOB`] × `jobs` (a future per URL for 500 000 URLs took
    /// about 1 GB before the first request).
    fn queue_len(&self) -> usize {
        self.settings.jobs.max(1) * QUEUE_PER_JOB
    }

    /// Fetches the listed URLs, then the pages each sitemap lists (sitemap indexes followed, gzipped sitemaps too),
    /// handing each outcome or error to `on_event` as it comes. Sitemaps are read as the queue drains: the pages of
    /// one are fetched while the next is read, and memory holds one sitemap's URLs, the queue ([`QUEUE_PER_JOB`] ×
    /// `jobs`) and, to drop repeats, a 16-byte fingerprint of each URL found (at most [`MAX_FINGERPRINTS`]);
    /// never the list itself: `urls` is read as the queue drains (a [`UrlLines`] reads a file so). A bad URL, a
    /// list that cannot be read or a sitemap that cannot be read is one [`Event::Error`], and the run goes on.
    pub fn fetch_sources(
        &self,
        urls: &mut dyn Iterator<Item = Result<String>>,
        sitemaps: &[String],
        target: Target<'_>,
        on_event: &mut dyn FnMut(Event<'_>),
    ) {
        use futures_util::StreamExt;
        let found = Cell::new(0usize);
        let walk = Walk {
            listed: urls,
            roots: sitemaps.iter(),
            root: None,
            pages: Vec::new().into_iter(),
            seen: HashSet::new(),
            found: &found,
        };
        let items = futures_util::stream::unfold(walk, |mut walk| async move {
            let item = walk.next(self).await?;
            Some((item, walk))
        });
        self.runtime.block_on(async {
            let outcomes = items
                .map(|item| async move {
                    let url = item?;
                    let outcome = self.fetch_one(&url, target).await;
                    Ok((url, outcome))
                })
                .buffer_unordered(self.queue_len());
            let mut outcomes = std::pin::pin!(outcomes);
            while let Some(ended) = outcomes.next().await {
                match ended {
                    Ok((url, outcome)) => on_event(Event::Done {
                        url: &url,
                        outcome,
                        found: found.get(),
                    }),
                    Err(err) => on_event(Event::Error(err)),
                }
            }
        });
    }

    async fn fetch_one(&self, url: &Url, target: Target<'_>) -> Outcome {
        let (dir, keep_bodies) = match target {
            Target::Folder { dir, keep_bodies } => (Some(dir), keep_bodies),
            Target::Memory => (None, true),
        };
        let html_path = dir.map(|dir| storage::page_path(dir, url, "html"));
        let previous = match &html_path {
            Some(path) if !self.settings.refresh && path.is_file() => Sidecar::load(path)
                .ok()
                .flatten()
                .filter(|sidecar| intact(path, sidecar))
                // Another URL that shares the file (see `storage::page_name`) is fetched in full.
                .filter(|sidecar| sidecar.url.as_deref() == Some(url.as_str())),
            _ => None,
        };
        if let (Some(max_age), Some(previous), Some(path)) =
            (self.settings.max_age, &previous, &html_path)
        {
            let fetched_at = previous
                .fetched_at
                .as_deref()
                .and_then(storage::parse_rfc3339);
            let age = fetched_at.and_then(|at| SystemTime::now().duration_since(at).ok());
            if age.is_some_and(|age| age < max_age) {
                return Outcome::Fresh { path: path.clone() };
            }
        }
        if self.settings.robots && !self.robots_allow(url).await {
            return Outcome::Disallowed;
        }
        let reply = client::get(
            &self.client,
            &self.limits,
            &self.settings,
            url,
            previous.as_ref(),
            Purpose::Page,
        )
        .await;
        let mut page = match reply {
            Ok(Reply::Page(page)) => page,
            Ok(Reply::NotModified) => {
                return match html_path {
                    Some(path) => Outcome::NotModified { path },
                    None => Outcome::Failed(fetch_error(url, "HTTP 304 without a copy on disk")),
                }
            }
            Err(failure) => return Outcome::Failed(fetch_error(url, failure.reason)),
        };
        let Some(dir) = dir else {
            let size = page.body.len() as u64;
            return Outcome::Fetched {
                page,
                path: None,
                changed: true,
                size,
            };
        };
        let path = storage::page_path(
            dir,
            url,
            storage::extension_for(page.content_type.as_deref()),
        );
        let sidecar = page.sidecar();
        let body = std::mem::take(&mut page.body);
        let size = body.len() as u64;
        let store_path = path.clone();
        let store_dir = dir.to_path_buf();
        let stored = tokio::task::spawn_blocking(move || {
            storage::store(&store_dir, &store_path, &body, &sidecar).map(|changed| (changed, body))
        })
        .await
        .unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic()));
        match stored {
            Ok((changed, body)) => {
                if keep_bodies {
                    page.body = body;
                }
                Outcome::Fetched {
                    page,
                    path: Some(path),
                    changed,
                    size,
                }
            }
            Err(err) => Outcome::Failed(err),
        }
    }

    async fn robots_allow(&self, url: &Url) -> bool {
        let host = self.limits.host(url);
        let robots = host.robots.get_or_init(|| self.load_robots(url)).await;
        let path = match url.query() {
            Some(query) => format!("{}?{query}", url.path()),
            None => url.path().to_string(),
        };
        robots.allows(&path)
    }

    /// Fetches a host's robots.txt: 2xx is parsed, 4xx allows everything, 5xx disallows everything (RFC 9309).
    /// A connection failure allows everything: the page's own request then reports the real problem.
    async fn load_robots(&self, url: &Url) -> Robots {
        let mut robots_url = url.clone();
        robots_url.set_path("/robots.txt");
        robots_url.set_query(None);
        robots_url.set_fragment(None);
        let reply = client::get(
            &self.client,
            &self.limits,
            &self.settings,
            &robots_url,
            None,
            Purpose::Robots,
        )
        .await;
        match reply {
            Ok(Reply::Page(page)) => {
                let body = &page.body[..page.body.len().min(ROBOTS_MAX)];
                Robots::parse(&String::from_utf8_lossy(body), &self.agent)
            }
            Err(failure) if failure.status.is_some_and(|s| s.is_server_error()) => {
                Robots::disallow_all()
            }
            _ => Robots::allow_all(),
        }
    }

    async fn read_sitemap(&self, text: &str) -> Result<Sitemap> {
        let url = parse_url(text)?;
        let reply = client::get(
            &self.client,
            &self.limits,
            &self.settings,
            &url,
            None,
            Purpose::Sitemap,
        )
        .await;
        let page = match reply {
            Ok(Reply::Page(page)) => page,
            Ok(Reply::NotModified) => return Err(fetch_error(&url, "HTTP 304")),
            Err(failure) => return Err(fetch_error(&url, failure.reason)),
        };
        let bytes = if page.body.starts_with(&[0x1f, 0x8b]) {
            read::gunzip(
                page.body.as_slice(),
                Path::new(url.as_str()),
                self.settings.max_size,
            )?
        } else {
            page.body
        };
        sitemap::parse(&bytes).map_err(|reason| Error::Sitemap {
            url: url.to_string(),
            reason,
        })
    }
}

/// The URLs of a [`Fetcher::fetch_sources`] run, one at a time and each once: the listed ones, then the pages of
/// each sitemap, the next sitemap read only when the pages of the one before have all been handed out.
struct Walk<'a> {
    listed: &'a mut dyn Iterator<Item = Result<String>>,
    roots: std::slice::Iter<'a, String>,
    /// The `--sitemap` URL being walked.
    root: Option<Root>,
    /// The pages of the sitemap read last, not yet handed out.
    pages: std::vec::IntoIter<String>,
    /// Fingerprints of the URLs handed out: the one thing that grows with the number of URLs (16 bytes each, at
    /// most [`MAX_FINGERPRINTS`]).
    seen: HashSet<u128>,
    found: &'a Cell<usize>,
}

impl Walk<'_> {
    /// The next URL not handed out before, or the next error; `None` at the end.
    async fn next(&mut self, fetcher: &Fetcher) -> Option<Result<Url>> {
        loop {
            let parsed = if let Some(text) = self.listed.next() {
                match text {
                    Ok(text) => parse_url(&text),
                    Err(err) => Err(err),
                }
            } else if let Some(text) = self.pages.next() {
                parse_url(&text)
            } else {
                // Free the spent sitemap's buffer before the next one is read.
                self.pages = Vec::new().into_iter();
                match self.next_sitemap(fetcher).await? {
                    Ok(pages) => {
                        self.pages = pages.into_iter();
                        continue;
                    }
                    Err(err) => return Some(Err(err)),
                }
            };
            match parsed {
                Ok(url) => {
                    if self.seen.len() >= MAX_FINGERPRINTS {
                        // Past the bound repeats are dropped among the URLs found since: a repeat from before is
                        // fetched again, which costs one conditional request, not a second copy.
                        self.seen.clear();
                    }
                    if self.seen.insert(fingerprint(&url)) {
                        self.found.set(self.found.get() + 1);
                        return Some(Ok(url));
                    }
                }
                Err(err) => return Some(Err(err)),
            }
        }
    }

    /// Reads sitemaps until one lists pages (its pages) or fails (its error); `None` when all have been read.
    async fn next_sitemap(&mut self, fetcher: &Fetcher) -> Option<Result<Vec<String>>> {
        loop {
            let root = match &mut self.root {
                Some(root) => root,
                None => self.root.insert(Root::new(self.roots.next()?)),
            };
            let Some(text) = root.pending.pop_front() else {
                self.root = None;
                continue;
            };
            match fetcher.read_sitemap(&text).await {
                Ok(Sitemap::Pages(urls)) => return Some(Ok(urls)),
                Ok(Sitemap::Index(sitemaps)) => {
                    if let Some(err) = root.queue(sitemaps) {
                        return Some(Err(err));
                    }
                }
                Err(err) => return Some(Err(err)),
            }
        }
    }
}

/// One `--sitemap` URL and the sitemaps its indexes lead to, read breadth first, each once, at most
/// [`MAX_SITEMAPS`] in all.
struct Root {
    url: String,
    /// Sitemaps queued and not read yet.
    pending: VecDeque<String>,
    /// Sitemaps read or queued.
    known: HashSet<String>,
    /// Whether the cap was reached (reported once).
    capped: bool,
}

impl Root {
    fn new(url: &str) -> Root {
        Root {
            url: url.to_string(),
            pending: VecDeque::from([url.to_string()]),
            known: HashSet::from([url.to_string()]),
            capped: false,
        }
    }

    /// Queues the sitemaps an index lists that are new, up to the cap; the first time the cap drops one, the
    /// error that says so.
    fn queue(&mut self, sitemaps: Vec<String>) -> Option<Error> {
        for sitemap in sitemaps {
            if self.known.contains(&sitemap) {
                continue;
            }
            if self.known.len() >= MAX_SITEMAPS {
                if self.capped {
                    return None;
                }
                self.capped = true;
                return Some(Error::Sitemap {
                    url: self.url.clone(),
                    reason: format!(
                        "leads to more than {MAX_SITEMAPS} sitemaps; the rest are ignored"
                    ),
                });
            }
            self.known.insert(sitemap.clone());
            self.pending.push_back(sitemap);
        }
        None
    }
}

/// A URL's fingerprint for dropping repeats: the first 128 bits of its SHA-256 (two of a billion URLs share one
/// with a chance of about 1 in 10^20).
fn fingerprint(url: &Url) -> u128 {
    let digest = ring::digest::digest(&ring::digest::SHA256, url.as_str().as_bytes());
    let mut first = [0u8; 16];
    first.copy_from_slice(&digest.as_ref()[..16]);
    u128::from_le_bytes(first)
}

/// The document to clean from a URL's outcome: the body in memory, or the copy on disk with its sidecar.
pub fn document(url: &Url, outcome: Outcome) -> Result<RawDocument> {
    match outcome {
        Outcome::Fetched { page, .. } => {
            let extension = storage::extension_for(page.content_type.as_deref());
            let fetched = page.sidecar().fetched_at;
            Ok(RawDocument {
                bytes: page.body,
                source: storage::page_name(url, extension),
                kind_hint: kind_from_name(&format!("x.{extension}")),
                fetched,
                url: Some(page.final_url),
                charset: page.charset,
            })
        }
        Outcome::NotModified { path } | Outcome::Fresh { path } => {
            let bytes = std::fs::read(&path).map_err(|source| Error::Read {
                path: path.clone(),
                source,
            })?;
            let sidecar = Sidecar::load(&path)?.unwrap_or_default();
            Ok(RawDocument {
                bytes,
                source: storage::page_name(url, "html"),
                kind_hint: Some(InputKind::Html),
                url: sidecar
                    .page_url()
                    .map(str::to_string)
                    .or_else(|| Some(url.to_string())),
                charset: sidecar.charset,
                fetched: sidecar.fetched_at,
            })
        }
        Outcome::Disallowed => Err(Error::Fetch {
            url: url.to_string(),
            reason: "robots.txt disallows it; --save with `rinse fetch --ignore-robots` overrides"
                .to_string(),
        }),
        Outcome::Failed(err) => Err(err),
    }
}

/// Parses URLs, dropping repeats (after the fragment is removed), in order.
pub fn parse_urls(texts: &[String]) -> (Vec<Url>, Vec<Error>) {
    let mut seen = HashSet::new();
    let mut urls = Vec::new();
    let mut errors = Vec::new();
    for text in texts {
        match parse_url(text) {
            Ok(url) => {
                if seen.insert(url.as_str().to_string()) {
                    urls.push(url);
                }
            }
            Err(err) => errors.push(err),
        }
    }
    (urls, errors)
}

/// Parses a command-line URL: http or https only, the fragment dropped.
pub fn parse_url(text: &str) -> Result<Url> {
    let mut url = Url::parse(text.trim()).map_err(|err| Error::BadUrl {
        url: text.to_string(),
        reason: err.to_string(),
    })?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(Error::BadUrl {
            url: text.to_string(),
            reason: format!("`{}` is not http or https", url.scheme()),
        });
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(Error::BadUrl {
            url: text.to_string(),
            reason: "no host".to_string(),
        });
    }
    url.set_fragment(None);
    Ok(url)
}

/// Whether a command-line argument names a URL rather than a file.
pub fn is_url(arg: &str) -> bool {
    let lower = arg.get(..8).unwrap_or(arg).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Whether the copy at `path` still holds the bytes its sidecar's `sha256` records (true when it records none): a
/// copy changed since it was fetched is no cache to revalidate, and is fetched again in full.
fn intact(path: &Path, sidecar: &Sidecar) -> bool {
    let Some(recorded) = &sidecar.sha256 else {
        return true;
    };
    std::fs::read(path)
        .is_ok_and(|bytes| storage::sha256_hex(&bytes).eq_ignore_ascii_case(recorded))
}

fn fetch_error(url: &Url, reason: impl Into<String>) -> Error {
    Error::Fetch {
        url: url.to_string(),
        reason: reason.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_lines_skip_blanks_comments_and_overlong_lines() {
        let long = "x".repeat(MAX_URL_LINE + 10);
        let text = format!(" https://x.org/a \n\n# note\n{long}\nhttps://x.org/b");
        let lines: Vec<std::result::Result<String, String>> = UrlLines::new(
            std::io::BufReader::with_capacity(7, text.as_bytes()),
            "u.txt".into(),
        )
        .map(|r| r.map_err(|e| e.to_string()))
        .collect();
        assert_eq!(lines.len(), 3, "{lines:?}");
        assert_eq!(lines[0].as_deref(), Ok("https://x.org/a"));
        let err = lines[1].as_ref().expect_err("the long line is an error");
        assert!(err.contains("longer than") && err.len() < 300, "{err}");
        assert_eq!(lines[2].as_deref(), Ok("https://x.org/b"));
    }

    #[test]
    fn parse_url_takes_http_and_drops_the_fragment() {
        assert_eq!(
            parse_url("https://x.org/a#b").unwrap().as_str(),
            "https://x.org/a"
        );
        assert!(parse_url("ftp://x.org/a").is_err());
        assert!(parse_url("not a url").is_err());
    }

    #[test]
    fn sitemap_root_queues_each_sitemap_once_up_to_the_cap() {
        let mut root = Root::new("https://x.org/index.xml");
        let listed: Vec<String> = (0..1500)
            .map(|i| format!("https://x.org/s{}.xml", i % 1200))
            .chain(["https://x.org/index.xml".to_string()])
            .collect();
        let err = root.queue(listed.clone()).expect("over the cap");
        assert!(err.to_string().contains("more than 1000 sitemaps"), "{err}");
        assert_eq!(root.pending.len(), MAX_SITEMAPS);
        assert_eq!(root.known.len(), MAX_SITEMAPS);
        assert!(root.queue(listed).is_none(), "the cap is reported once");
    }

    #[test]
    fn is_url_tells_urls_from_paths() {
        assert!(is_url("HTTPS://x.org"));
        assert!(is_url("http://x"));
        assert!(!is_url("raw/http.html"));
    }

    #[test]
    fn default_user_agent_names_the_project() {
        assert!(default_user_agent().starts_with("rinse/"));
        assert!(default_user_agent().contains("(+https://"));
    }
}
