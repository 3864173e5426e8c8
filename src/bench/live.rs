//! `forno bench live`: how fast a committed change reaches many screens, and what idle tracking
//! sockets cost the server.

use std::process::Stdio;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, anyhow, bail};
use clap::Args;
use futures_util::{SinkExt, StreamExt};
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;

use super::{ms, order_body, percentiles, scratch_dir};

#[derive(Args, Debug)]
pub struct LiveArgs {
    /// Connected staff screens for the latency run.
    #[arg(long, default_value_t = 200)]
    screens: usize,
    /// Orders placed (one at a time) during the latency run.
    #[arg(long, default_value_t = 100)]
    orders: usize,
    /// Idle tracking sockets for the memory run.
    #[arg(long, default_value_t = 1000)]
    sockets: usize,
}

pub async fn run(args: LiveArgs) -> Result<()> {
    latency(&args).await?;
    memory(&args).await
}

/// One staff screen: connects with a bearer token, says hello, and notes when each event (by
/// its seq) arrived.
async fn screen(
    url: String,
    token: String,
    expected: usize,
    ready: tokio::sync::mpsc::Sender<()>,
) -> Result<Vec<(usize, Instant)>> {
    let mut request = url.into_client_request()?;
    request
        .headers_mut()
        .insert("Authorization", format!("Bearer {token}").parse()?);
    let (mut socket, _) = tokio_tungstenite::connect_async(request).await?;
    socket
        .send(Message::text(r#"{"type":"hello","after":null}"#))
        .await?;
    let mut arrivals = Vec::with_capacity(expected);
    while arrivals.len() < expected {
        let Some(message) = tokio::time::timeout(Duration::from_secs(30), socket.next()).await?
        else {
            bail!("a screen's socket closed early");
        };
        if let Message::Text(text) = message? {
            let received = Instant::now();
            // Events start with `{"seq":N,`; reading only that keeps the screens from measuring
            // their own JSON parsing instead of the server.
            if let Some(rest) = text.strip_prefix("{\"seq\":") {
                let seq = rest
                    .split(',')
                    .next()
                    .and_then(|n| n.parse().ok())
                    .ok_or_else(|| anyhow!("an event without a seq"))?;
                arrivals.push((seq, received));
            } else if text.contains("\"welcome\"") {
                let _ = ready.send(()).await;
            }
        }
    }
    Ok(arrivals)
}

/// `forno serve` in its own process, so that its memory is the server's alone and its threads do
/// not share a scheduler with the bench's clients.
struct ChildServer {
    child: tokio::process::Child,
    pid: u32,
    base: String,
    cashier: (String, String),
    dir: std::path::PathBuf,
}

impl ChildServer {
    async fn start(name: &str) -> Result<ChildServer> {
        let dir = scratch_dir(name)?;
        let mut child = tokio::process::Command::new(std::env::current_exe()?)
            .args(["serve", "--data-dir"])
            .arg(dir.join("shop"))
            .args(["--listen", "127.0.0.1:0"])
            .env("FORNO_DEMO_ALWAYS_OPEN", "1")
            .env("FORNO_ORDERS_PER_MINUTE", "1000000")
            .env("RUST_LOG", "warn")
            .stdout(Stdio::piped())
            .kill_on_drop(true)
            .spawn()?;
        let pid = child
            .id()
            .ok_or_else(|| anyhow!("the server did not start"))?;
        let mut lines =
            BufReader::new(child.stdout.take().ok_or_else(|| anyhow!("no stdout"))?).lines();
        let mut cashier = None;
        let base = loop {
            let line = lines
                .next_line()
                .await?
                .ok_or_else(|| anyhow!("the server stopped before it listened"))?;
            let words: Vec<&str> = line.split_whitespace().collect();
            if let ["cashier", name, pin] = words.as_slice() {
                cashier = Some((name.to_string(), pin.to_string()));
            }
            if let Some(url) = line.strip_prefix("Forno is serving on ") {
                break url.split_whitespace().next().unwrap_or_default().to_owned();
            }
        };
        tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
        Ok(ChildServer {
            child,
            pid,
            base,
            cashier: cashier.ok_or_else(|| anyhow!("the demo shop printed no cashier PIN"))?,
            dir,
        })
    }

    async fn stop(mut self) {
        self.child.kill().await.ok();
        std::fs::remove_dir_all(&self.dir).ok();
    }
}

async fn latency(args: &LiveArgs) -> Result<()> {
    let server = ChildServer::start("live").await?;
    let client = reqwest::Client::new();
    let login: serde_json::Value = client
        .post(format!("{}/api/v1/auth/login", server.base))
        .json(&serde_json::json!({ "name": server.cashier.0, "pin": server.cashier.1 }))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    let token = login["token"].as_str().unwrap_or_default().to_owned();
    let url = format!("{}/api/v1/ws", server.base.replacen("http://", "ws://", 1));

    let (ready_tx, mut ready_rx) = tokio::sync::mpsc::channel(args.screens);
    let screens: Vec<_> = (0..args.screens)
        .map(|_| {
            tokio::spawn(screen(
                url.clone(),
                token.clone(),
                args.orders,
                ready_tx.clone(),
            ))
        })
        .collect();
    for _ in 0..args.screens {
        tokio::time::timeout(Duration::from_secs(30), ready_rx.recv())
            .await
            .context("screens did not all connect")?;
    }

    // A fresh shop logs nothing but these orders: order i is event seq i + 1.
    let mut sent = Vec::with_capacity(args.orders);
    let mut placing = Vec::with_capacity(args.orders);
    for i in 0..args.orders {
        let started = Instant::now();
        sent.push(started);
        client
            .post(format!("{}/api/v1/orders", server.base))
            .json(&order_body(i))
            .send()
            .await?
            .error_for_status()?;
        placing.push(started.elapsed());
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let mut delivered = Vec::with_capacity(args.orders * args.screens);
    for screen in screens {
        for (seq, received) in screen.await?? {
            let sent = sent
                .get(seq.wrapping_sub(1))
                .ok_or_else(|| anyhow!("an event with seq {seq} that no order caused"))?;
            delivered.push(received.saturating_duration_since(*sent));
        }
    }
    let placing = percentiles(placing);
    let delivered = percentiles(delivered);
    println!(
        "forno bench live: {} staff screens, {} web orders placed one at a time, server in its own process",
        args.screens, args.orders
    );
    println!(
        "{:<56} {:>9} {:>9} {:>9}",
        "", "p50 ms", "p99 ms", "samples"
    );
    println!(
        "{:<56} {:>9.2} {:>9.2} {:>9}",
        "baseline: POST /api/v1/orders until 201 (incl. commit)",
        ms(placing.p50),
        ms(placing.p99),
        placing.count
    );
    println!(
        "{:<56} {:>9.2} {:>9.2} {:>9}",
        "POST /api/v1/orders sent → event at a screen (p99 < 20)",
        ms(delivered.p50),
        ms(delivered.p99),
        delivered.count
    );
    println!(
        "(both from the moment the request is sent; the event needs the commit the 201 waits for)"
    );
    server.stop().await;
    Ok(())
}

fn rss_kib(pid: u32) -> Result<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status"))
        .context("cannot read the server's memory (Linux only)")?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .ok_or_else(|| anyhow!("no VmRSS in /proc/{pid}/status"))
}

async fn memory(args: &LiveArgs) -> Result<()> {
    let server = ChildServer::start("idle").await?;
    let (pid, base) = (server.pid, server.base.clone());
    let client = reqwest::Client::new();
    let mut tokens = Vec::with_capacity(args.sockets);
    for i in 0..args.sockets {
        let placed: serde_json::Value = client
            .post(format!("{base}/api/v1/orders"))
            .json(&order_body(i))
            .send()
            .await?
            .error_for_status()?
            .json()
            .await?;
        tokens.push(
            placed["tracking_token"]
                .as_str()
                .unwrap_or_default()
                .to_owned(),
        );
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    let before = rss_kib(pid)?;

    let ws_base = base.replacen("http://", "ws://", 1);
    let mut sockets = Vec::with_capacity(args.sockets);
    for token in &tokens {
        let (mut socket, _) =
            tokio_tungstenite::connect_async(format!("{ws_base}/api/v1/ws/track/{token}")).await?;
        socket
            .send(Message::text(r#"{"type":"hello","after":null}"#))
            .await?;
        // Wait for the snapshot so the server has done all its work for this socket.
        loop {
            match tokio::time::timeout(Duration::from_secs(10), socket.next()).await? {
                Some(Ok(Message::Text(text))) if text.contains("\"snapshot\"") => break,
                Some(Ok(_)) => continue,
                _ => bail!("a tracking socket closed early"),
            }
        }
        sockets.push(socket);
    }
    tokio::time::sleep(Duration::from_secs(1)).await;
    let with_sockets = rss_kib(pid)?;
    let mib = |kib: u64| kib as f64 / 1024.0;
    println!("forno bench live: server memory (RSS of the `forno serve` process)");
    println!(
        "{:<52} {:>9.1} MiB",
        "baseline: serving, no sockets open",
        mib(before)
    );
    println!(
        "{:<52} {:>9.1} MiB",
        format!("with {} idle tracking sockets (target < 50)", sockets.len()),
        mib(with_sockets)
    );
    println!(
        "{:<52} {:>9.1} KiB",
        "per idle socket",
        with_sockets.saturating_sub(before) as f64 / sockets.len().max(1) as f64
    );
    drop(sockets);
    server.stop().await;
    Ok(())
}
