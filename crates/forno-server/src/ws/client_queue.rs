//! One client's queue: what waits to be written to its socket, and what it has been sent but
//! not read yet.
//!
//! The kernel's socket buffers hide how far behind a client is (on loopback they grow to
//! megabytes), so the hub measures it itself: after each message it writes a WebSocket ping
//! whose payload is the number of bytes written so far. Every WebSocket client answers a ping
//! with a pong carrying the same payload when it reads that far (browsers and tungstenite do it
//! on their own), so the latest pong says exactly how much the client has read.
//!
//! Only `WINDOW` bytes are written ahead of what the client has read; the rest waits here,
//! bounded by `MAX_WAITING` messages and `MAX_BEHIND_BYTES`. A client past either bound, or one
//! that has left something unread for `STALL_AFTER`, is lagging: it is closed with 4000
//! `resync`. Because at most `WINDOW` plus one message is ever in the kernel for a client, the
//! close frame still fits into its socket buffer (`crate::SEND_BUFFER`) even
//! when the client has stopped reading, so it gets the close frame after what was on its way.

use std::collections::VecDeque;
use std::time::Duration;

use axum::extract::ws::Utf8Bytes;
use tokio::time::Instant;

/// Bytes written to a client's socket ahead of what it has read.
pub const WINDOW: u64 = 64 * 1024;
/// Messages waiting for a client before it counts as lagging.
pub const MAX_WAITING: usize = 500;
/// Bytes waiting or unread before a client counts as lagging.
pub const MAX_BEHIND_BYTES: u64 = 512 * 1024;
/// A message the client has not read this long after it was written: the client is lagging.
pub const STALL_AFTER: Duration = Duration::from_secs(5);

/// Why a client counts as lagging (for the log).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lagging {
    TooManyWaiting,
    TooManyBytes,
    Stalled,
}

#[derive(Debug, Default)]
pub struct ClientQueue {
    waiting: VecDeque<Utf8Bytes>,
    waiting_bytes: u64,
    /// Bytes handed to the socket so far.
    written: u64,
    /// How far the client has read, by its latest pong.
    read: u64,
    /// The end mark of each write the client has not read yet, and when it was written.
    unread: VecDeque<(u64, Instant)>,
}

impl ClientQueue {
    /// Queues a message; the client is lagging if this takes it past a bound.
    pub fn push(&mut self, text: Utf8Bytes) -> Result<(), Lagging> {
        self.waiting_bytes += text.len() as u64;
        self.waiting.push_back(text);
        if self.waiting.len() > MAX_WAITING {
            Err(Lagging::TooManyWaiting)
        } else if self.waiting_bytes + self.in_flight() > MAX_BEHIND_BYTES {
            Err(Lagging::TooManyBytes)
        } else {
            Ok(())
        }
    }

    /// Queues a message that must go out whatever its size (the welcome, the replay, a
    /// snapshot): the caller waits for it to be written before it queues more.
    pub fn push_unbounded(&mut self, text: Utf8Bytes) {
        self.waiting_bytes += text.len() as u64;
        self.waiting.push_back(text);
    }

    /// The next message to write, with the mark to send in the ping after it, if the window
    /// allows one more write.
    pub fn next_to_write(&mut self, now: Instant) -> Option<(Utf8Bytes, u64)> {
        if self.in_flight() >= WINDOW {
            return None;
        }
        let text = self.waiting.pop_front()?;
        let len = text.len() as u64;
        self.waiting_bytes -= len;
        self.written += len;
        self.unread.push_back((self.written, now));
        Some((text, self.written))
    }

    /// Takes a pong's payload: the client has read up to the mark in it. Pongs without a mark
    /// (answers to someone else's pings) say nothing about progress.
    pub fn pong(&mut self, payload: &[u8]) {
        let Ok(mark) = <[u8; 8]>::try_from(payload).map(u64::from_be_bytes) else {
            return;
        };
        if mark <= self.written && mark > self.read {
            self.read = mark;
            while self.unread.front().is_some_and(|(end, _)| *end <= mark) {
                self.unread.pop_front();
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.waiting.is_empty()
    }

    /// Bytes written that the client has not read yet.
    pub fn in_flight(&self) -> u64 {
        self.written - self.read
    }

    /// When the client counts as stalled if it reads nothing more (`None`: it has read all).
    pub fn stall_deadline(&self) -> Option<Instant> {
        self.unread.front().map(|(_, at)| *at + STALL_AFTER)
    }

    pub fn check_stalled(&self, now: Instant) -> Result<(), Lagging> {
        match self.stall_deadline() {
            Some(deadline) if deadline <= now => Err(Lagging::Stalled),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(len: usize) -> Utf8Bytes {
        Utf8Bytes::from("x".repeat(len))
    }

    #[test]
    fn writes_only_a_window_ahead_of_what_the_client_read() {
        let now = Instant::now();
        let mut queue = ClientQueue::default();
        for _ in 0..4 {
            queue.push(text(30_000)).unwrap();
        }
        let (_, first) = queue.next_to_write(now).unwrap();
        let (_, second) = queue.next_to_write(now).unwrap();
        let (_, third) = queue.next_to_write(now).unwrap();
        assert_eq!((first, second, third), (30_000, 60_000, 90_000));
        assert!(queue.next_to_write(now).is_none(), "90 KB unread > window");
        queue.pong(&second.to_be_bytes());
        assert_eq!(queue.in_flight(), 30_000);
        assert!(
            queue.next_to_write(now).is_some(),
            "the client read: room again"
        );
        assert!(queue.is_empty());
    }

    #[test]
    fn a_client_too_many_messages_or_bytes_behind_is_lagging() {
        let mut queue = ClientQueue::default();
        for _ in 0..MAX_WAITING {
            queue.push(text(10)).unwrap();
        }
        assert_eq!(queue.push(text(10)), Err(Lagging::TooManyWaiting));

        let mut queue = ClientQueue::default();
        let big = (MAX_BEHIND_BYTES / 4) as usize;
        for _ in 0..4 {
            queue.push(text(big)).unwrap();
        }
        assert_eq!(queue.push(text(1)), Err(Lagging::TooManyBytes));
    }

    #[test]
    fn bytes_written_but_unread_count_as_behind() {
        let now = Instant::now();
        let mut queue = ClientQueue::default();
        queue.push(text(60_000)).unwrap();
        queue.next_to_write(now).unwrap();
        let rest = (MAX_BEHIND_BYTES - 60_000) as usize;
        assert_eq!(queue.push(text(rest + 1)), Err(Lagging::TooManyBytes));
    }

    #[test]
    fn a_client_that_leaves_a_write_unread_stalls() {
        let start = Instant::now();
        let mut queue = ClientQueue::default();
        queue.push(text(100)).unwrap();
        queue.push(text(100)).unwrap();
        let (_, first) = queue.next_to_write(start).unwrap();
        let later = start + Duration::from_secs(2);
        queue.next_to_write(later).unwrap();
        assert_eq!(queue.stall_deadline(), Some(start + STALL_AFTER));
        queue.pong(&first.to_be_bytes());
        assert_eq!(queue.stall_deadline(), Some(later + STALL_AFTER));
        assert_eq!(
            queue.check_stalled(later + STALL_AFTER),
            Err(Lagging::Stalled)
        );
        queue.pong(&200u64.to_be_bytes());
        assert_eq!(queue.stall_deadline(), None);
        assert_eq!(queue.check_stalled(later + STALL_AFTER * 10), Ok(()));
    }

    #[test]
    fn pongs_without_a_valid_mark_change_nothing() {
        let now = Instant::now();
        let mut queue = ClientQueue::default();
        queue.push(text(100)).unwrap();
        queue.next_to_write(now).unwrap();
        queue.pong(b"");
        queue.pong(&1_000_000u64.to_be_bytes());
        queue.pong(b"hello");
        assert_eq!(queue.in_flight(), 100);
    }
}
