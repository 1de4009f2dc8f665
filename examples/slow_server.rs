//! A local HTTP/1.1 server for `bench/fetch.sh`: every request waits a fixed latency, then gets a generated HTML
//! page (keep-alive, one thread per connection). It listens on 127.0.0.1 only and exits after `--max-seconds`.
//!
//! Usage: `slow_server [--latency-ms 50] [--size 20000] [--max-seconds 600]`; prints `listening on ADDR` first.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::time::{Duration, Instant};

fn main() {
    let mut latency = Duration::from_millis(50);
    let mut size = 20_000usize;
    let mut lifetime = Duration::from_secs(600);
    let args: Vec<String> = std::env::args().skip(1).collect();
    for pair in args.chunks(2) {
        let value = pair.get(1).and_then(|v| v.parse::<u64>().ok());
        match (pair[0].as_str(), value) {
            ("--latency-ms", Some(v)) => latency = Duration::from_millis(v),
            ("--size", Some(v)) => size = v as usize,
            ("--max-seconds", Some(v)) => lifetime = Duration::from_secs(v),
            _ => {
                eprintln!("usage: slow_server [--latency-ms N] [--size BYTES] [--max-seconds N]");
                std::process::exit(2);
            }
        }
    }
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
    println!(
        "listening on {}",
        listener
            .local_addr()
            .expect("a bound listener has an address")
    );
    std::io::stdout().flush().ok();
    let deadline = Instant::now() + lifetime;
    std::thread::spawn(move || {
        std::thread::sleep(deadline.saturating_duration_since(Instant::now()));
        std::process::exit(0);
    });
    for stream in listener.incoming().flatten() {
        std::thread::spawn(move || serve(stream, latency, size));
    }
}

fn serve(stream: TcpStream, latency: Duration, size: usize) {
    let Ok(mut writer) = stream.try_clone() else {
        return;
    };
    let mut reader = BufReader::new(stream);
    loop {
        let mut request_line = String::new();
        if reader.read_line(&mut request_line).unwrap_or(0) == 0 {
            return;
        }
        let path = request_line
            .split_whitespace()
            .nth(1)
            .unwrap_or("/")
            .to_string();
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line).unwrap_or(0) == 0 {
                return;
            }
            if line == "\r\n" || line == "\n" {
                break;
            }
        }
        std::thread::sleep(latency);
        let (status, body) = if path == "/robots.txt" {
            ("404 Not Found", String::new())
        } else {
            ("200 OK", page(&path, size))
        };
        let head = format!(
            "HTTP/1.1 {status}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n",
            body.len()
        );
        if writer.write_all(head.as_bytes()).is_err() || writer.write_all(body.as_bytes()).is_err()
        {
            return;
        }
    }
}

fn page(path: &str, size: usize) -> String {
    let mut html = format!(
        "<!doctype html><html><head><title>Page {path}</title></head><body><article><h1>Page {path}</h1>"
    );
    let mut n = 0;
    while html.len() < size {
        n += 1;
        html.push_str(&format!(
            "<p>Paragraph {n} of {path}: some words that a benchmark page carries to have a realistic size.</p>"
        ));
    }
    html.push_str("</article></body></html>");
    html
}
