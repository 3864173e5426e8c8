//! Per-client-address rate limits for the public write endpoints: a token bucket per address.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::Instant;

pub struct RateLimiter {
    per_minute: f64,
    buckets: Mutex<HashMap<IpAddr, Bucket>>,
}

struct Bucket {
    tokens: f64,
    updated: Instant,
}

/// Beyond this many tracked addresses, full buckets are forgotten.
const MAX_TRACKED: usize = 10_000;

impl RateLimiter {
    /// Allows `per_minute` requests per minute per address, in bursts of up to `per_minute`.
    pub fn per_minute(per_minute: u32) -> RateLimiter {
        RateLimiter {
            per_minute: per_minute.max(1) as f64,
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// Takes one request from `client`'s bucket, or says how many seconds until one is free.
    pub fn check(&self, client: IpAddr) -> Result<(), u64> {
        self.check_at(client, Instant::now())
    }

    fn check_at(&self, client: IpAddr, now: Instant) -> Result<(), u64> {
        let rate_per_sec = self.per_minute / 60.0;
        let mut buckets = self.buckets.lock().expect("rate limiter poisoned");
        if buckets.len() > MAX_TRACKED {
            let capacity = self.per_minute;
            buckets.retain(|_, b| {
                b.tokens + now.duration_since(b.updated).as_secs_f64() * rate_per_sec < capacity
            });
        }
        let bucket = buckets.entry(client).or_insert(Bucket {
            tokens: self.per_minute,
            updated: now,
        });
        let elapsed = now.duration_since(bucket.updated).as_secs_f64();
        bucket.tokens = (bucket.tokens + elapsed * rate_per_sec).min(self.per_minute);
        bucket.updated = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            Ok(())
        } else {
            Err(((1.0 - bucket.tokens) / rate_per_sec).ceil().max(1.0) as u64)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn a_burst_is_cut_off_and_refills_over_time() {
        let limiter = RateLimiter::per_minute(3);
        let ip: IpAddr = "192.0.2.1".parse().unwrap();
        let other: IpAddr = "192.0.2.2".parse().unwrap();
        let t0 = Instant::now();
        for _ in 0..3 {
            assert!(limiter.check_at(ip, t0).is_ok());
        }
        assert_eq!(limiter.check_at(ip, t0), Err(20));
        assert!(
            limiter.check_at(other, t0).is_ok(),
            "addresses are independent"
        );
        assert!(limiter.check_at(ip, t0 + Duration::from_secs(20)).is_ok());
    }
}
