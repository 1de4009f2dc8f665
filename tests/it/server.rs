//! A scripted HTTP/1.1 server on 127.0.0.1 for the fetch tests: one thread per connection, `Connection: close`,
//! every request logged, and responses that can lie about their length or stall mid-body.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// A request as the server saw it.
#[derive(Debug, Clone)]
pub struct Request {
    pub path: String,
    pub headers: Vec<(String, String)>,
}

impl Request {
    /// The value of a header, by case-insensitive name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// A scripted response.
#[derive(Debug, Clone)]
pub struct Response {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
    /// Send no `Content-Length`: the body ends when the connection closes.
    until_close: bool,
    /// Send this many body bytes, then stall for this long before closing.
    stall: Option<(usize, Duration)>,
}

impl Response {
    /// A response with a status and an empty body.
    pub fn status(status: u16) -> Self {
        Response {
            status,
            headers: Vec::new(),
            body: Vec::new(),
            until_close: false,
            stall: None,
        }
    }

    /// 200 with `text/html; charset=utf-8`.
    pub fn html(body: impl Into<Vec<u8>>) -> Self {
        Response::status(200)
            .header("Content-Type", "text/html; charset=utf-8")
            .body(body)
    }

    /// A redirect to `location`.
    pub fn redirect(status: u16, location: &str) -> Self {
        Response::status(status).header("Location", location)
    }

    /// Adds a header.
    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_string(), value.to_string()));
        self
    }

    /// Sets the body.
    pub fn body(mut self, body: impl Into<Vec<u8>>) -> Self {
        self.body = body.into();
        self
    }

    /// Sends the body without `Content-Length`, closing the connection to end it.
    pub fn until_close(mut self) -> Self {
        self.until_close = true;
        self
    }

    /// Sends `sent` bytes of the body, then stalls for `pause` and closes without the rest.
    pub fn stall_after(mut self, sent: usize, pause: Duration) -> Self {
        self.stall = Some((sent, pause));
        self
    }
}

type Handler = dyn Fn(&Request, usize) -> Response + Send + Sync;

/// A running server; stopped when dropped.
pub struct Server {
    addr: SocketAddr,
    log: Arc<Mutex<Vec<Request>>>,
    stop: Arc<AtomicBool>,
    accept: Option<JoinHandle<()>>,
}

impl Server {
    /// Starts a server whose handler gets each request and how many earlier requests had the same path.
    pub fn start(handler: impl Fn(&Request, usize) -> Response + Send + Sync + 'static) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let addr = listener.local_addr().expect("local address");
        let log = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let handler: Arc<Handler> = Arc::new(handler);
        let hits = Arc::new(Mutex::new(HashMap::<String, usize>::new()));
        let accept = {
            let (log, stop) = (log.clone(), stop.clone());
            std::thread::spawn(move || {
                for stream in listener.incoming() {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(stream) = stream else { continue };
                    let (log, handler, hits) = (log.clone(), handler.clone(), hits.clone());
                    std::thread::spawn(move || serve(stream, &log, &*handler, &hits));
                }
            })
        };
        Server {
            addr,
            log,
            stop,
            accept: Some(accept),
        }
    }

    /// The absolute URL of a path on this server.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// The folder name rinse stores this server's pages under.
    pub fn host_dir(&self) -> String {
        format!("{}_{}", self.addr.ip(), self.addr.port())
    }

    /// Every request so far, in arrival order.
    pub fn requests(&self) -> Vec<Request> {
        self.log.lock().unwrap().clone()
    }

    /// The requests for one path.
    pub fn requests_for(&self, path: &str) -> Vec<Request> {
        self.requests()
            .into_iter()
            .filter(|r| r.path == path)
            .collect()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the blocking accept so that the thread sees the flag.
        let _ = TcpStream::connect(self.addr);
        if let Some(accept) = self.accept.take() {
            let _ = accept.join();
        }
    }
}

fn serve(
    mut stream: TcpStream,
    log: &Mutex<Vec<Request>>,
    handler: &Handler,
    hits: &Mutex<HashMap<String, usize>>,
) {
    let Some(request) = read_request(&mut stream) else {
        return;
    };
    let nth = {
        let mut hits = hits.lock().unwrap();
        let count = hits.entry(request.path.clone()).or_insert(0);
        *count += 1;
        *count - 1
    };
    log.lock().unwrap().push(request.clone());
    let response = handler(&request, nth);
    let mut head = format!(
        "HTTP/1.1 {} Scripted\r\nConnection: close\r\n",
        response.status
    );
    for (name, value) in &response.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    if !response.until_close {
        head.push_str(&format!("Content-Length: {}\r\n", response.body.len()));
    }
    head.push_str("\r\n");
    if stream.write_all(head.as_bytes()).is_err() {
        return;
    }
    match response.stall {
        Some((sent, pause)) => {
            let _ = stream.write_all(&response.body[..sent.min(response.body.len())]);
            let _ = stream.flush();
            std::thread::sleep(pause);
        }
        None => {
            let _ = stream.write_all(&response.body);
        }
    }
    let _ = stream.flush();
}

fn read_request(stream: &mut TcpStream) -> Option<Request> {
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .ok()?;
    let mut data = Vec::new();
    let mut buf = [0u8; 4096];
    while !data.windows(4).any(|w| w == b"\r\n\r\n") {
        let n = stream.read(&mut buf).ok()?;
        if n == 0 {
            return None;
        }
        data.extend_from_slice(&buf[..n]);
    }
    let text = String::from_utf8_lossy(&data);
    let mut lines = text.split("\r\n");
    let path = lines.next()?.split(' ').nth(1)?.to_string();
    let headers = lines
        .take_while(|l| !l.is_empty())
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    Some(Request { path, headers })
}
