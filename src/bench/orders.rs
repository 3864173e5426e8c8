//! `forno bench orders`: orders per second through the whole HTTP path (validation, pricing, one
//! transaction with its event, group commit) against a raw rusqlite loop inserting the same rows
//! with the same durability settings, measured in one run on this machine.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::{ms, order_body, percentiles, scratch_dir};
use anyhow::{Result, bail};
use clap::Args;
use forno_app::{Config, Shop};

#[derive(Args, Debug)]
pub struct OrdersArgs {
    /// Orders to place in total.
    #[arg(long, default_value_t = 2000)]
    orders: usize,
    /// Concurrent HTTP clients.
    #[arg(long, default_value_t = 16)]
    clients: usize,
}

struct Figures {
    per_second: f64,
    p50: Duration,
    p99: Duration,
}

fn figures(latencies: Vec<Duration>, wall: Duration) -> Figures {
    let p = percentiles(latencies);
    Figures {
        per_second: p.count as f64 / wall.as_secs_f64(),
        p50: p.p50,
        p99: p.p99,
    }
}

pub async fn run(args: OrdersArgs) -> Result<()> {
    if args.orders == 0 || args.clients == 0 {
        bail!("--orders and --clients must be at least 1");
    }
    let dir = scratch_dir("orders")?;
    let mut config = Config::load(&dir.join("shop"))?;
    config.orders_per_minute = u32::MAX / 2;
    config.demo_always_open = true;
    let (shop, _) = Shop::open(config).await?;
    let server = forno_server::start(shop.clone(), SocketAddr::from(([127, 0, 0, 1], 0))).await?;
    let url = format!("http://{}/api/v1/orders", server.local_addr());
    println!(
        "forno bench: {} orders, {} concurrent HTTP clients, loopback, SQLite WAL + synchronous=FULL",
        args.orders, args.clients
    );

    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(args.clients)
        .build()?;
    // Warm up connections and caches; not counted.
    for i in 0..args.clients {
        client
            .post(&url)
            .json(&order_body(i))
            .send()
            .await?
            .error_for_status()?;
    }
    let next = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..args.clients {
        let (client, url, next) = (client.clone(), url.clone(), next.clone());
        let total = args.orders;
        tasks.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                if i >= total {
                    return Ok::<_, anyhow::Error>(latencies);
                }
                let t = Instant::now();
                let response = client
                    .post(&url)
                    .header("Idempotency-Key", format!("bench-{i}"))
                    .json(&order_body(args_offset(i)))
                    .send()
                    .await?;
                if response.status() != reqwest::StatusCode::CREATED {
                    bail!("order {i} answered {}", response.status());
                }
                latencies.push(t.elapsed());
            }
        }));
    }
    let mut latencies = Vec::new();
    for task in tasks {
        latencies.extend(task.await??);
    }
    let http = figures(latencies, started.elapsed());
    server.shutdown().await;
    shop.close();

    let source = dir.join("shop").join("forno.sqlite");
    let rows =
        tokio::task::spawn_blocking(move || forno_store::baseline::order_rows(&source)).await??;
    let schema = dir.join("shop").join("forno.sqlite");
    let target = dir.join("raw.sqlite");
    let started = Instant::now();
    let raw_latencies = tokio::task::spawn_blocking(move || {
        forno_store::baseline::insert_loop(&schema, &target, &rows)
    })
    .await??;
    let raw = figures(raw_latencies, started.elapsed());

    println!(
        "{:<44} {:>10} {:>9} {:>9}",
        "", "orders/s", "p50 ms", "p99 ms"
    );
    println!(
        "{:<44} {:>10.0} {:>9.2} {:>9.2}",
        format!("HTTP POST /api/v1/orders ({} clients)", args.clients),
        http.per_second,
        ms(http.p50),
        ms(http.p99)
    );
    println!(
        "{:<44} {:>10.0} {:>9.2} {:>9.2}",
        "baseline: raw rusqlite loop, 1 tx per order",
        raw.per_second,
        ms(raw.p50),
        ms(raw.p99)
    );
    println!(
        "ratio HTTP / raw: {:.2}× (target ≥ 0.5×)",
        http.per_second / raw.per_second
    );
    std::fs::remove_dir_all(&dir).ok();
    Ok(())
}

/// Warm-up orders took the first `clients` indexes of the order bodies; keep bodies varied.
fn args_offset(i: usize) -> usize {
    i + 1000
}
