//! A receipt printer for the tests: a TCP 9100-style listener on a free loopback port that
//! records every byte it is sent, answers DLE EOT status requests, and can be switched off,
//! report paper out or a cover open, or hang (accept and never answer).

#![allow(dead_code)]

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpSocket, TcpStream};
use tokio::task::JoinHandle;

use super::escpos::{Printout, decode};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Online,
    PaperOut,
    CoverOpen,
    /// Accepts connections and then neither reads nor answers.
    Hang,
}

#[derive(Default)]
struct State {
    mode: Option<Mode>,
    /// Print data (status requests taken out), in the order it arrived.
    received: Vec<u8>,
    connections: usize,
    /// When each byte run ended (ms since the emulator started): the last ticket byte.
    last_byte_at: Option<Instant>,
}

pub struct PrinterEmulator {
    pub port: u16,
    state: Arc<Mutex<State>>,
    task: Option<JoinHandle<()>>,
}

impl PrinterEmulator {
    /// An online printer on a free port.
    pub async fn start() -> PrinterEmulator {
        let mut emulator = PrinterEmulator {
            port: 0,
            state: Arc::default(),
            task: None,
        };
        emulator.state.lock().unwrap().mode = Some(Mode::Online);
        emulator.listen().await;
        emulator
    }

    /// `127.0.0.1:PORT`, as the printer's address.
    pub fn address(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    async fn listen(&mut self) {
        let socket = TcpSocket::new_v4().expect("a socket");
        socket.set_reuseaddr(true).expect("SO_REUSEADDR");
        socket
            .bind(format!("127.0.0.1:{}", self.port).parse().unwrap())
            .expect("bind the printer emulator");
        let listener = socket.listen(16).expect("listen");
        self.port = listener.local_addr().unwrap().port();
        let state = self.state.clone();
        self.task = Some(tokio::spawn(async move {
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    break;
                };
                state.lock().unwrap().connections += 1;
                tokio::spawn(serve(stream, state.clone()));
            }
        }));
    }

    /// Switched off: nothing listens on the port any more.
    pub fn off(&mut self) {
        if let Some(task) = self.task.take() {
            task.abort();
        }
    }

    /// Switched on again, on the same port.
    pub async fn on(&mut self) {
        self.off();
        tokio::time::sleep(Duration::from_millis(20)).await;
        self.listen().await;
    }

    pub fn set_mode(&self, mode: Mode) {
        self.state.lock().unwrap().mode = Some(mode);
    }

    pub fn bytes(&self) -> Vec<u8> {
        self.state.lock().unwrap().received.clone()
    }

    pub fn last_byte_at(&self) -> Option<Instant> {
        self.state.lock().unwrap().last_byte_at
    }

    pub fn printouts(&self) -> Vec<Printout> {
        decode(&self.bytes())
    }

    /// Waits until at least `n` printouts (each ending in a cut or feed) arrived.
    pub async fn wait_for(&self, n: usize, within: Duration) -> Vec<Printout> {
        let started = Instant::now();
        loop {
            let printouts = self.printouts();
            let complete = printouts
                .iter()
                .filter(|p| {
                    p.cuts() > 0
                        || p.drawer_kicks() > 0
                        || p.commands
                            .iter()
                            .any(|c| matches!(c, super::escpos::Cmd::FeedLines(5)))
                })
                .count();
            if complete >= n {
                return printouts;
            }
            assert!(
                started.elapsed() < within,
                "{} of {n} printouts after {within:?}: {printouts:#?}",
                complete
            );
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    }
}

impl Drop for PrinterEmulator {
    fn drop(&mut self) {
        self.off();
    }
}

fn status_answer(mode: Mode, n: u8) -> u8 {
    match (mode, n) {
        (Mode::Online, _) => 0x12,
        (Mode::PaperOut, 1) | (Mode::CoverOpen, 1) => 0x1A,
        (Mode::PaperOut, 2) => 0x32,
        (Mode::PaperOut, 4) => 0x72,
        (Mode::CoverOpen, 2) => 0x16,
        _ => 0x12,
    }
}

async fn serve(mut stream: TcpStream, state: Arc<Mutex<State>>) {
    let mode = state.lock().unwrap().mode.unwrap_or(Mode::Online);
    if mode == Mode::Hang {
        // Hold the connection open and never read: the sender waits.
        tokio::time::sleep(Duration::from_secs(3600)).await;
        return;
    }
    let mut pending: Vec<u8> = Vec::new();
    let mut data_started = false;
    let mut buf = [0u8; 4096];
    loop {
        let n = match stream.read(&mut buf).await {
            Ok(0) | Err(_) => break,
            Ok(n) => n,
        };
        pending.extend_from_slice(&buf[..n]);
        // Status requests come before the data; answer them as a printer does, at once.
        while !data_started {
            if pending.len() >= 3 && pending[0] == 0x10 && pending[1] == 0x04 {
                let mode = state.lock().unwrap().mode.unwrap_or(Mode::Online);
                let answer = status_answer(mode, pending[2]);
                pending.drain(..3);
                if stream.write_all(&[answer]).await.is_err() {
                    return;
                }
            } else if !pending.is_empty()
                && (pending[0] != 0x10 || pending.len() >= 2 && pending[1] != 0x04)
            {
                data_started = true;
            } else {
                break;
            }
        }
        if data_started && !pending.is_empty() {
            let mut s = state.lock().unwrap();
            s.received.append(&mut pending);
            s.last_byte_at = Some(Instant::now());
        }
    }
}
