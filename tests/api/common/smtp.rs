//! A mail server for the tests: a small SMTP sink on a free loopback port that records every
//! mail it accepts (envelope and message), and can be switched off (connections refused), refuse
//! an address (550 at RCPT), hang without answering, or take a mail's data and then never answer
//! (the case where the sender cannot know whether the mail went out).

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Online,
    /// Accepts connections and never says a word.
    Hang,
    /// Takes the mail's data, records it, and never answers the final dot.
    HangAfterData,
}

#[derive(Default)]
struct State {
    mode: Option<Mode>,
    refused: Vec<String>,
    mails: Vec<Mail>,
}

/// One mail as it arrived.
#[derive(Debug, Clone)]
pub struct Mail {
    pub from: String,
    pub to: Vec<String>,
    /// The message as sent (headers and body), dot-stuffing undone.
    pub raw: String,
}

/// One leaf part of a MIME message, decoded.
#[derive(Debug, Clone)]
pub struct Part {
    pub content_type: String,
    pub filename: Option<String>,
    pub body: Vec<u8>,
}

pub struct SmtpSink {
    pub port: u16,
    state: Arc<Mutex<State>>,
    task: Option<JoinHandle<()>>,
}

impl SmtpSink {
    /// A mail server that takes every mail, on a free port.
    pub async fn start() -> SmtpSink {
        let mut sink = SmtpSink {
            port: 0,
            state: Arc::default(),
            task: None,
        };
        sink.state.lock().unwrap().mode = Some(Mode::Online);
        sink.listen().await;
        sink
    }

    async fn listen(&mut self) {
        let listener = TcpListener::bind(("127.0.0.1", self.port))
            .await
            .expect("bind the SMTP sink");
        self.port = listener.local_addr().unwrap().port();
        let state = self.state.clone();
        self.task = Some(tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                tokio::spawn(session(stream, state.clone()));
            }
        }));
    }

    /// Stops listening: connections are refused until [`SmtpSink::switch_on`].
    pub fn switch_off(&mut self) {
        if let Some(task) = self.task.take() {
            task.abort();
        }
    }

    /// Listens again on the same port.
    pub async fn switch_on(&mut self) {
        if self.task.is_none() {
            for _ in 0..50 {
                match TcpListener::bind(("127.0.0.1", self.port)).await {
                    Ok(listener) => {
                        drop(listener);
                        break;
                    }
                    Err(_) => tokio::time::sleep(Duration::from_millis(50)).await,
                }
            }
            self.listen().await;
        }
    }

    pub fn set_mode(&self, mode: Mode) {
        self.state.lock().unwrap().mode = Some(mode);
    }

    /// Answers 550 to `RCPT TO` for this address.
    pub fn refuse(&self, address: &str) {
        self.state
            .lock()
            .unwrap()
            .refused
            .push(address.to_lowercase());
    }

    pub fn mails(&self) -> Vec<Mail> {
        self.state.lock().unwrap().mails.clone()
    }

    /// Waits until at least `n` mails arrived; panics with what did after `within`.
    pub async fn wait_for(&self, n: usize, within: Duration) -> Vec<Mail> {
        let started = Instant::now();
        loop {
            let mails = self.mails();
            if mails.len() >= n {
                return mails;
            }
            assert!(
                started.elapsed() < within,
                "{} of {n} mails arrived within {within:?}: {:#?}",
                mails.len(),
                mails
                    .iter()
                    .map(|m| m.header("Subject"))
                    .collect::<Vec<_>>()
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        self.switch_off();
    }
}

async fn reply(stream: &mut (impl AsyncWriteExt + Unpin), text: &str) -> std::io::Result<()> {
    stream.write_all(format!("{text}\r\n").as_bytes()).await
}

fn address_in(line: &str) -> String {
    let start = line.find('<').map_or(0, |i| i + 1);
    let end = line.rfind('>').unwrap_or(line.len());
    line[start..end].trim().to_lowercase()
}

async fn session(stream: TcpStream, state: Arc<Mutex<State>>) {
    let mode = state.lock().unwrap().mode.unwrap_or(Mode::Online);
    if mode == Mode::Hang {
        tokio::time::sleep(Duration::from_secs(3600)).await;
        return;
    }
    let (read, mut write) = stream.into_split();
    let mut lines = BufReader::new(read).lines();
    if reply(&mut write, "220 sink.test ESMTP ready")
        .await
        .is_err()
    {
        return;
    }
    let (mut from, mut to) = (String::new(), Vec::new());
    while let Ok(Some(line)) = lines.next_line().await {
        let upper = line.to_uppercase();
        let answer = if upper.starts_with("EHLO") {
            "250-sink.test\r\n250-8BITMIME\r\n250 SMTPUTF8".to_owned()
        } else if upper.starts_with("HELO") {
            "250 sink.test".to_owned()
        } else if upper.starts_with("MAIL FROM") {
            from = address_in(&line);
            to.clear();
            "250 2.1.0 Ok".to_owned()
        } else if upper.starts_with("RCPT TO") {
            let address = address_in(&line);
            if state.lock().unwrap().refused.contains(&address) {
                format!("550 5.1.1 <{address}>: Recipient address rejected: User unknown")
            } else {
                to.push(address);
                "250 2.1.5 Ok".to_owned()
            }
        } else if upper == "DATA" {
            if reply(&mut write, "354 End data with <CR><LF>.<CR><LF>")
                .await
                .is_err()
            {
                return;
            }
            let mut raw = String::new();
            while let Ok(Some(data)) = lines.next_line().await {
                if data == "." {
                    break;
                }
                let data = data.strip_prefix('.').unwrap_or(&data);
                raw.push_str(data);
                raw.push_str("\r\n");
            }
            let mode = {
                let mut state = state.lock().unwrap();
                state.mails.push(Mail {
                    from: from.clone(),
                    to: to.clone(),
                    raw,
                });
                state.mode.unwrap_or(Mode::Online)
            };
            if mode == Mode::HangAfterData {
                tokio::time::sleep(Duration::from_secs(3600)).await;
                return;
            }
            "250 2.0.0 Ok: queued".to_owned()
        } else if upper == "QUIT" {
            let _ = reply(&mut write, "221 2.0.0 Bye").await;
            return;
        } else if upper.starts_with("RSET") || upper.starts_with("NOOP") {
            "250 2.0.0 Ok".to_owned()
        } else {
            "502 5.5.2 Command not recognized".to_owned()
        };
        if reply(&mut write, &answer).await.is_err() {
            return;
        }
    }
}

/// Headers of a MIME entity (unfolded), and its body.
fn split_entity(raw: &str) -> (Vec<(String, String)>, &str) {
    let (head, body) = raw.split_once("\r\n\r\n").unwrap_or((raw, ""));
    let mut headers: Vec<(String, String)> = Vec::new();
    for line in head.split("\r\n") {
        if line.starts_with([' ', '\t']) {
            if let Some(last) = headers.last_mut() {
                last.1.push(' ');
                last.1.push_str(line.trim());
            }
        } else if let Some((name, value)) = line.split_once(':') {
            headers.push((name.trim().to_owned(), value.trim().to_owned()));
        }
    }
    (headers, body)
}

fn header_in<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

fn param(value: &str, name: &str) -> Option<String> {
    value.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case(name)
            .then(|| v.trim().trim_matches('"').to_owned())
    })
}

fn decode_base64(text: &str) -> Vec<u8> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = Vec::new();
    let (mut buffer, mut bits) = (0u32, 0);
    for b in text.bytes() {
        let Some(v) = ALPHABET.iter().position(|&a| a == b) else {
            continue;
        };
        buffer = (buffer << 6) | v as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((buffer >> bits) as u8);
        }
    }
    out
}

fn decode_quoted_printable(text: &str) -> Vec<u8> {
    let mut out = Vec::new();
    let lines: Vec<&str> = text.split("\r\n").collect();
    for (i, line) in lines.iter().enumerate() {
        let (line, soft) = match line.strip_suffix('=') {
            Some(l) => (l, true),
            None => (*line, false),
        };
        let bytes = line.as_bytes();
        let mut j = 0;
        while j < bytes.len() {
            if bytes[j] == b'='
                && j + 2 < bytes.len()
                && let Ok(v) = u8::from_str_radix(&line[j + 1..j + 3], 16)
            {
                out.push(v);
                j += 3;
                continue;
            }
            out.push(bytes[j]);
            j += 1;
        }
        if !soft && i + 1 < lines.len() {
            out.extend_from_slice(b"\r\n");
        }
    }
    out
}

fn leaves(raw: &str, out: &mut Vec<Part>) {
    let (headers, body) = split_entity(raw);
    let content_type = header_in(&headers, "Content-Type")
        .unwrap_or("text/plain")
        .to_owned();
    if content_type.to_lowercase().starts_with("multipart/") {
        let boundary = param(&content_type, "boundary").expect("a multipart boundary");
        let marker = format!("--{boundary}");
        for piece in body.split(&marker).skip(1) {
            if piece.starts_with("--") {
                break;
            }
            leaves(piece.trim_start_matches("\r\n"), out);
        }
        return;
    }
    let encoding = header_in(&headers, "Content-Transfer-Encoding")
        .unwrap_or("7bit")
        .to_lowercase();
    let body = body.trim_end_matches("\r\n");
    let decoded = match encoding.as_str() {
        "base64" => decode_base64(body),
        "quoted-printable" => decode_quoted_printable(body),
        _ => body.as_bytes().to_vec(),
    };
    let filename = header_in(&headers, "Content-Disposition").and_then(|d| param(d, "filename"));
    out.push(Part {
        content_type: content_type
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_lowercase(),
        filename,
        body: decoded,
    });
}

impl Mail {
    /// A header of the message (unfolded); encoded words are left as they are.
    pub fn header(&self, name: &str) -> Option<String> {
        let (headers, _) = split_entity(&self.raw);
        header_in(&headers, name).map(str::to_owned)
    }

    /// The subject, with RFC 2047 encoded words (`=?utf-8?b?…?=`, `=?utf-8?q?…?=`) decoded.
    pub fn subject(&self) -> String {
        let raw = self.header("Subject").unwrap_or_default();
        if !raw.contains("=?") {
            return raw;
        }
        raw.split_whitespace()
            .map(|word| {
                let Some(inner) = word.strip_prefix("=?").and_then(|w| w.strip_suffix("?=")) else {
                    return word.to_owned();
                };
                let mut bits = inner.splitn(3, '?');
                let (_, enc, text) = (bits.next(), bits.next(), bits.next().unwrap_or(""));
                let bytes = match enc.map(str::to_lowercase).as_deref() {
                    Some("b") => decode_base64(text),
                    _ => decode_quoted_printable(&text.replace('_', " ")),
                };
                String::from_utf8_lossy(&bytes).into_owned()
            })
            .collect::<Vec<_>>()
            .join("")
    }

    pub fn parts(&self) -> Vec<Part> {
        let mut out = Vec::new();
        leaves(&self.raw, &mut out);
        out
    }

    fn part_text(&self, content_type: &str) -> String {
        self.parts()
            .into_iter()
            .find(|p| p.content_type == content_type && p.filename.is_none())
            .map(|p| String::from_utf8_lossy(&p.body).into_owned())
            .unwrap_or_default()
    }

    pub fn text(&self) -> String {
        self.part_text("text/plain")
    }

    pub fn html(&self) -> String {
        self.part_text("text/html")
    }

    pub fn attachment(&self) -> Option<Part> {
        self.parts().into_iter().find(|p| p.filename.is_some())
    }
}
