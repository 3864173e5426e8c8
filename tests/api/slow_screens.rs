//! Live screens that cannot keep up (docs/api.md "Real-time"): a screen that reads slowly and
//! one that never reads are both closed with 4000 `resync` within seconds while orders stream
//! in; the other screens stay prompt, and the server's memory stays where it was.

use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use crate::common::ws::{self, Incoming, read_until_target};
use crate::common::*;
use serde_json::Value;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;
use tokio::sync::watch;
use tokio::time::Sleep;

/// A TCP stream whose reader takes at most `per_second` bytes a second: a screen on a congested
/// link, or an old tablet that is busy drawing.
struct Throttled {
    inner: TcpStream,
    per_tick: usize,
    budget: usize,
    refill: Pin<Box<Sleep>>,
}

const TICK: Duration = Duration::from_millis(100);

impl Throttled {
    fn new(inner: TcpStream, per_second: usize) -> Throttled {
        let per_tick = per_second * TICK.as_millis() as usize / 1000;
        Throttled {
            inner,
            per_tick,
            budget: per_tick,
            refill: Box::pin(tokio::time::sleep(TICK)),
        }
    }
}

impl AsyncRead for Throttled {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        if self.budget == 0 {
            if self.refill.as_mut().poll(cx).is_pending() {
                return Poll::Pending;
            }
            let next = tokio::time::Instant::now() + TICK;
            self.refill.as_mut().reset(next);
            self.budget = self.per_tick;
        }
        let allowed = self.budget.min(buf.remaining());
        let mut limited = buf.take(allowed);
        let result = Pin::new(&mut self.inner).poll_read(cx, &mut limited);
        let read = limited.filled().len();
        // SAFETY: `limited` wrote `read` initialised bytes into `buf`'s unfilled part.
        unsafe { buf.assume_init(read) };
        buf.advance(read);
        self.budget -= read;
        result
    }
}

impl AsyncWrite for Throttled {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        data: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        Pin::new(&mut self.inner).poll_write(cx, data)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

/// The server's resident memory in KiB (Linux: `VmRSS` in /proc/PID/status).
fn rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("/proc status");
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("a VmRSS line")
}

/// How a slow screen's connection ended, and when (since it said hello).
#[derive(Debug)]
struct Ending {
    code: Option<u16>,
    reason: String,
    after: Duration,
    events: usize,
}

/// Reads until the server closes the socket.
async fn read_to_the_end<S>(
    ws: &mut tokio_tungstenite::WebSocketStream<S>,
    since: Instant,
) -> Ending
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    let mut events = 0;
    loop {
        match ws::next(ws, Duration::from_secs(60)).await {
            Some(Incoming::Event(_)) => events += 1,
            Some(Incoming::Closed { code, reason }) => {
                return Ending {
                    code,
                    reason,
                    after: since.elapsed(),
                    events,
                };
            }
            Some(_) => {}
            None => panic!("a slow screen was still open after 60 s without a word"),
        }
    }
}

/// Orders from 4 customers at once, every 250 ms (some 16 orders of ~30 KB a second), until
/// `stop` says so; returns the checkpoints (head seq, when) for the promptness check.
async fn stream_orders(
    app: &TestApp,
    staff: &StaffClient,
    menu: &Menu,
    first: usize,
    mut stop: impl FnMut(usize) -> bool,
    mut sample: impl FnMut(),
) -> Vec<(u64, Instant)> {
    let mut checkpoints = Vec::new();
    let mut round = 0;
    let mut tick = tokio::time::interval(Duration::from_millis(250));
    while !stop(round) {
        tick.tick().await;
        let bodies: Vec<Value> = (0..4)
            .map(|i| big_order(menu, first + round * 4 + i))
            .collect();
        let results =
            futures_util::future::join_all(bodies.iter().map(|b| app.place_web_order(b, None)))
                .await;
        for r in &results {
            r.expect_status(201, "an order during the load");
        }
        checkpoints.push((staff.head_seq().await, Instant::now()));
        sample();
        round += 1;
    }
    checkpoints
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_slow_screen_and_a_silent_one_are_cut_with_resync_within_seconds_and_memory_stays_flat() {
    // The server says in its log why it cut each screen.
    let app = TestApp::spawn_with(&[
        ("FORNO_DEMO_ALWAYS_OPEN", "1"),
        ("RUST_LOG", "warn,forno_server::ws=info"),
    ])
    .await;
    let staff = app.login("cashier").await;
    let url = app.ws_url("/ws");
    let pid = app.pid();
    let menu = app.menu().await;
    let staff_sockets = |h: &Value| h["ws_connections"]["staff"].as_u64();

    let (target_tx, target_rx) = watch::channel(0u64);
    let mut readers = Vec::new();
    for _ in 0..3 {
        let mut socket = ws::connect_staff(&url, &staff.token)
            .await
            .expect("connect");
        ws::hello(&mut socket, Some(0)).await;
        ws::expect_welcome(&mut socket).await;
        readers.push(tokio::spawn(read_until_target(
            socket,
            target_rx.clone(),
            Duration::from_secs(180),
        )));
    }

    // The same load without slow screens first: the baseline.
    let mut baseline_peak = 0;
    let mut checkpoints = stream_orders(
        &app,
        &staff,
        &menu,
        0,
        |round| round >= 24,
        || baseline_peak = baseline_peak.max(rss_kib(pid)),
    )
    .await;
    let baseline = rss_kib(pid);

    // Now a screen reading 30 KB/s and one that never reads join.
    let head = staff.head_seq().await;
    let slow_tcp = ws::connect_tcp(app.port, 16 * 1024).await.unwrap();
    let mut slow = ws::connect_staff_over(Throttled::new(slow_tcp, 30_000), &url, &staff.token)
        .await
        .expect("the slow screen connects");
    let mut silent = ws::connect_staff_small_buffer(&url, app.port, &staff.token)
        .await
        .expect("the silent screen connects");
    ws::hello(&mut slow, Some(head)).await;
    ws::hello(&mut silent, Some(head)).await;
    let joined = Instant::now();
    let slow_reader = tokio::spawn(async move { read_to_the_end(&mut slow, joined).await });

    let mut peak = 0;
    let mut gone_after = None;
    let mut rounds_after_gone = 0;
    let mut sample = || peak = peak.max(rss_kib(pid));
    let mut load = Vec::new();
    // Keep the orders coming while both are there, and a little after.
    while rounds_after_gone < 8 && joined.elapsed() < Duration::from_secs(60) {
        load.extend(
            stream_orders(
                &app,
                &staff,
                &menu,
                1000 + load.len() * 4,
                |r| r >= 1,
                &mut sample,
            )
            .await,
        );
        if gone_after.is_none() && staff_sockets(&app.healthz().await.ok("healthz")) == Some(3) {
            gone_after = Some(joined.elapsed());
        }
        if gone_after.is_some() {
            rounds_after_gone += 1;
        }
    }
    checkpoints.extend(load);
    let head = staff.head_seq().await;
    target_tx.send(head).unwrap();

    let slow_end = slow_reader.await.unwrap();
    // The silent screen reads at last: what was on its way, then the close frame.
    let silent_end = read_to_the_end(&mut silent, joined).await;
    let peak_with_slow = peak;

    eprintln!(
        "RSS: {baseline} KiB after the load without slow screens (peak {baseline_peak} KiB); \
         peak {peak_with_slow} KiB with them (+{} KiB); slow screen closed after {:?} ({} events), \
         silent screen got {} events; both gone from /healthz after {gone_after:?}; {head} events",
        peak_with_slow.saturating_sub(baseline),
        slow_end.after,
        slow_end.events,
        silent_end.events,
    );

    let cuts: Vec<String> = app
        .log_text()
        .lines()
        .filter(|l| l.contains("fell behind"))
        .map(str::to_owned)
        .collect();
    eprintln!("{}", cuts.join("\n"));
    assert_eq!(cuts.len(), 2, "two screens cut, no other");
    for (name, end) in [("slow", &slow_end), ("silent", &silent_end)] {
        assert_eq!(
            (end.code, end.reason.as_str()),
            (Some(4000), "resync"),
            "the {name} screen: {end:?}"
        );
    }
    assert!(
        slow_end.after < Duration::from_secs(12),
        "the slow screen got its close frame only {:?} after it fell behind",
        slow_end.after
    );
    let gone_after = gone_after.expect("the slow screens never left /healthz");
    assert!(
        gone_after < Duration::from_secs(15),
        "the slow screens held their connections for {gone_after:?}"
    );
    assert!(
        silent_end.events < 40,
        "the silent screen was sent {} events (~30 KB each) before it was cut",
        silent_end.events
    );

    let mut worst = Duration::ZERO;
    for (i, reader) in readers.into_iter().enumerate() {
        let seen = reader.await.unwrap();
        assert!(seen.problems.is_empty(), "reader {i}: {:?}", seen.problems);
        assert_eq!(seen.seqs(), (1..=head).collect::<Vec<_>>(), "reader {i}");
        for (seq, at) in &checkpoints {
            let lag = seen.received_at[*seq as usize - 1].saturating_duration_since(*at);
            worst = worst.max(lag);
            assert!(
                lag < Duration::from_secs(3),
                "reader {i} got seq {seq} {lag:?} after it was committed"
            );
        }
    }
    eprintln!(
        "the other screens were at most {worst:?} behind a checkpoint (head read after its orders)"
    );

    let growth = peak_with_slow.saturating_sub(baseline);
    assert!(
        growth < 16 * 1024,
        "the server grew by {growth} KiB while two screens lagged (baseline {baseline} KiB)"
    );
}

/// On a quiet evening no queue overflows: a screen that stops reading is cut because what it
/// was sent stays unread (`STALL_AFTER`, 5 s), while one that reads slowly but keeps up stays.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_silent_screen_is_cut_on_a_quiet_evening_and_a_slow_one_that_keeps_up_stays() {
    let app = spawn_app().await;
    let staff = app.login("cashier").await;
    let url = app.ws_url("/ws");
    let menu = app.menu().await;
    let pizza = menu.pizza();
    let staff_sockets = |h: &Value| h["ws_connections"]["staff"].as_u64();

    let head = staff.head_seq().await;
    let slow_tcp = ws::connect_tcp(app.port, 16 * 1024).await.unwrap();
    let mut slow = ws::connect_staff_over(Throttled::new(slow_tcp, 30_000), &url, &staff.token)
        .await
        .expect("the slow screen connects");
    let mut silent = ws::connect_staff_small_buffer(&url, app.port, &staff.token)
        .await
        .expect("the silent screen connects");
    ws::hello(&mut slow, Some(head)).await;
    ws::hello(&mut silent, Some(head)).await;
    ws::expect_welcome(&mut slow).await;
    let joined = Instant::now();
    let (target_tx, target_rx) = watch::channel(0u64);
    let slow_reader = tokio::spawn(async move {
        let seen = read_until_target(slow, target_rx, Duration::from_secs(60)).await;
        (seen, joined.elapsed())
    });

    // Two small orders a second (~2 KB each on the staff stream) for 12 seconds.
    let mut silent_gone = None;
    let mut tick = tokio::time::interval(Duration::from_millis(500));
    for n in 0..24 {
        tick.tick().await;
        let order = OrderBuilder::pickup()
            .contact(&format!("Klant {n}"), "0612345678")
            .line(pizza, pizza.middle_size())
            .json();
        app.place_web_order(&order, None)
            .await
            .expect_status(201, "a web order");
        if silent_gone.is_none() && staff_sockets(&app.healthz().await.ok("healthz")) == Some(1) {
            silent_gone = Some(joined.elapsed());
        }
    }
    let head = staff.head_seq().await;
    target_tx.send(head).unwrap();
    let (seen, read_for) = slow_reader.await.unwrap();
    let silent_end = read_to_the_end(&mut silent, joined).await;
    eprintln!(
        "silent screen gone after {silent_gone:?} with {} events; slow screen read {} events in {read_for:?}",
        silent_end.events,
        seen.events.len()
    );

    assert!(
        seen.problems.is_empty(),
        "the slow screen that keeps up: {:?}",
        seen.problems
    );
    assert_eq!(seen.seqs().len(), 24, "the slow screen got every order");
    let gone = silent_gone.expect("the silent screen was never cut");
    assert!(
        gone >= Duration::from_secs(4) && gone < Duration::from_secs(9),
        "the silent screen was cut after {gone:?}; expected when its first event had been unread for 5 s"
    );
    assert_eq!(
        (silent_end.code, silent_end.reason.as_str()),
        (Some(4000), "resync"),
        "{silent_end:?}"
    );
    assert!(
        silent_end.events > 0 && silent_end.events < 24,
        "{silent_end:?}"
    );
}
