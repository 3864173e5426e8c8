//! How long a failed job waits before its next attempt.

use std::time::Duration;

/// Doubling waits with jitter: after attempt n the wait is `first × 2^(n−1)`, at most `max`, of
/// which the upper half is random so that jobs that failed together (a printer off, a mail
/// server down) do not all retry at the same moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backoff {
    pub first: Duration,
    pub max: Duration,
}

impl Default for Backoff {
    /// 10 s, 20 s, 40 s, … up to 30 minutes.
    fn default() -> Self {
        Backoff {
            first: Duration::from_secs(10),
            max: Duration::from_secs(30 * 60),
        }
    }
}

impl Backoff {
    /// The wait after failed attempt `attempt` (1 for the first run). `jitter` in [0, 1) picks
    /// where in the upper half the wait falls; it comes in as an argument so the rule itself has
    /// no randomness. Until `max` is reached the waits never shrink from one attempt to the next:
    /// the least wait after attempt n+1 is the most after attempt n. At `max` they stay spread
    /// between half of it and all of it.
    pub fn delay(&self, attempt: u32, jitter: f64) -> Duration {
        let doublings = attempt.saturating_sub(1).min(30);
        let full = self.first.saturating_mul(1u32 << doublings).min(self.max);
        let jitter = if jitter.is_nan() {
            0.0
        } else {
            jitter.clamp(0.0, 1.0)
        };
        let half = full / 2;
        half + half.mul_f64(jitter)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    #[test]
    fn waits_double_up_to_the_most() {
        let backoff = Backoff {
            first: ms(1000),
            max: ms(5000),
        };
        let most: Vec<_> = (1..=5).map(|n| backoff.delay(n, 1.0)).collect();
        assert_eq!(most, [ms(1000), ms(2000), ms(4000), ms(5000), ms(5000)]);
        let least: Vec<_> = (1..=5).map(|n| backoff.delay(n, 0.0)).collect();
        assert_eq!(least, [ms(500), ms(1000), ms(2000), ms(2500), ms(2500)]);
        assert_eq!(backoff.delay(1, 0.5), ms(750));
    }

    #[test]
    fn whatever_the_jitter_a_later_attempt_never_waits_less_until_the_most() {
        let backoff = Backoff::default();
        let jitters = [0.0, 0.13, 0.5, 0.87, 0.999];
        // 10 s × 2^7 = 21 min 20 s; the 9th wait would be past 30 minutes.
        for attempt in 1..8 {
            for a in jitters {
                for b in jitters {
                    assert!(
                        backoff.delay(attempt + 1, b) >= backoff.delay(attempt, a),
                        "attempt {attempt}: {a} then {b}"
                    );
                }
            }
        }
        for attempt in [9, 40, u32::MAX] {
            assert_eq!(backoff.delay(attempt, 0.0), Duration::from_secs(15 * 60));
            assert_eq!(backoff.delay(attempt, 1.0), Duration::from_secs(30 * 60));
        }
    }

    #[test]
    fn jitter_outside_0_1_is_clamped() {
        let backoff = Backoff::default();
        assert_eq!(backoff.delay(1, -3.0), backoff.delay(1, 0.0));
        assert_eq!(backoff.delay(1, 7.0), backoff.delay(1, 1.0));
        assert_eq!(backoff.delay(1, f64::NAN), backoff.delay(1, 0.0));
    }
}
