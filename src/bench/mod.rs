//! `forno bench`: figures printed next to a baseline measured in the same run, on this machine.
//!
//! - `forno bench orders`: orders/s through the whole HTTP path against a raw rusqlite loop that
//!   inserts the same rows with the same durability settings.
//! - `forno bench live`: commit → delivered latency to 200 connected staff screens against the
//!   commit time itself, and the server's memory with 1,000 idle tracking sockets against the
//!   same server without them.

mod live;
mod orders;

use std::path::PathBuf;
use std::time::Duration;

use anyhow::{Context, Result};
use clap::Subcommand;

#[derive(Subcommand, Debug)]
pub enum Bench {
    /// Orders per second over HTTP against a raw SQLite insert loop.
    Orders(orders::OrdersArgs),
    /// Live-event latency at many connected screens, and memory per idle tracking socket.
    Live(live::LiveArgs),
}

pub async fn run(bench: Bench) -> Result<()> {
    match bench {
        Bench::Orders(args) => orders::run(args).await,
        Bench::Live(args) => live::run(args).await,
    }
}

/// Median, 99th percentile and count of a set of durations.
pub struct Percentiles {
    pub p50: Duration,
    pub p99: Duration,
    pub count: usize,
}

pub fn percentiles(mut samples: Vec<Duration>) -> Percentiles {
    samples.sort();
    let at = |q: f64| {
        samples
            .get(((samples.len() as f64 * q) as usize).min(samples.len().saturating_sub(1)))
            .copied()
            .unwrap_or_default()
    };
    Percentiles {
        p50: at(0.50),
        p99: at(0.99),
        count: samples.len(),
    }
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// A scratch folder for one bench run, removed afterwards.
pub fn scratch_dir(name: &str) -> Result<PathBuf> {
    let dir = std::env::temp_dir().join(format!("forno-bench-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    Ok(dir)
}

/// A web order body for bench traffic; `i` varies the cart.
pub fn order_body(i: usize) -> serde_json::Value {
    serde_json::json!({
        "lines": [
            { "item_id": 1 + (i % 11) as i64, "size": "30", "extras": [1], "quantity": 1 + (i % 3) as i64 },
            { "item_id": 20, "quantity": 1 }
        ],
        "fulfilment": { "type": "pickup" },
        "requested_time": null,
        "contact": { "name": format!("Bench klant {i}"), "phone": format!("06{:08}", i) }
    })
}
