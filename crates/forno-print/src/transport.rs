//! Getting bytes to a printer: network (TCP 9100), serial, USB printer class (`/dev/usb/lp*`)
//! and the operating system's queue in raw mode (CUPS `lp -o raw` on Linux and macOS).
//!
//! On Windows a USB receipt printer is reached as the serial (COM) port its driver makes (the
//! virtual COM port drivers of Epson, Star and the 58 mm kind), over the network, or through a
//! print agent. The Windows spooler in RAW mode (`OpenPrinter`/`WritePrinter`) is not written:
//! there is no Windows machine to test it on, so the Windows build refuses `usb` and `cups`
//! addresses with that advice instead of failing at print time ([`OS_QUEUE`]).
//!
//! Where the link is two-way (network, serial) and the profile says the model answers, the
//! printer is asked for its status (DLE EOT) first, so a paper-out printer is reported as such
//! instead of taking a ticket into a buffer that never prints.

use std::io::{Read, Write};
use std::time::Duration;

use serde::{Deserialize, Serialize};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::encode::commands;
use crate::status::{PrinterState, from_status_bytes};

/// How a printer is reached.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Connection {
    /// A network printer: `host:port` (port 9100 when left out).
    Tcp { host: String, port: u16 },
    /// A serial port (`/dev/ttyUSB0`, `COM3`) at `baud`.
    Serial { path: String, baud: u32 },
    /// A USB printer-class device file (`/dev/usb/lp0`), written like a file.
    Usb { path: String },
    /// An OS printer queue, sent raw (`lp -d QUEUE -o raw`).
    Cups { queue: String },
    /// A printer on another PC, reached through its print agent (`forno print-agent`), named
    /// as the agent was paired.
    Agent { name: String },
}

/// Whether this build reaches USB printer files and the OS printer queue (`lp -o raw`): Linux
/// and macOS. Not Windows (see the module's note).
pub const OS_QUEUE: bool = cfg!(not(windows));

impl Connection {
    pub const KINDS: [&'static str; 5] = ["tcp", "serial", "usb", "cups", "agent"];

    pub fn kind(&self) -> &'static str {
        match self {
            Connection::Tcp { .. } => "tcp",
            Connection::Serial { .. } => "serial",
            Connection::Usb { .. } => "usb",
            Connection::Cups { .. } => "cups",
            Connection::Agent { .. } => "agent",
        }
    }

    /// The address as a person types it: `192.168.1.50:9100`, `/dev/ttyUSB0@19200`,
    /// `/dev/usb/lp0`, `Keuken` (a queue), the agent's name.
    pub fn address(&self) -> String {
        match self {
            Connection::Tcp { host, port } => format!("{host}:{port}"),
            Connection::Serial { path, baud } => format!("{path}@{baud}"),
            Connection::Usb { path } => path.clone(),
            Connection::Cups { queue } => queue.clone(),
            Connection::Agent { name } => name.clone(),
        }
    }

    /// Reads a kind and an address; the error says what is wrong, in Dutch and English.
    /// On Windows, `usb` and `cups` are refused with what to use instead ([`OS_QUEUE`]).
    pub fn parse(kind: &str, address: &str) -> Result<Connection, (&'static str, &'static str)> {
        let address = address.trim();
        let printable = address.chars().all(|c| !c.is_control());
        if !printable || address.len() > 200 {
            return Err((
                "Het adres mag geen stuurtekens bevatten en hooguit 200 tekens lang zijn.",
                "The address may hold no control characters and at most 200 characters.",
            ));
        }
        match kind {
            "tcp" => {
                let (host, port) = match address.rsplit_once(':') {
                    Some((host, port)) if !host.contains(':') || host.starts_with('[') => {
                        let port = port.parse::<u16>().ok().filter(|p| *p > 0).ok_or((
                            "Het poortnummer moet tussen 1 en 65535 liggen (meestal 9100).",
                            "The port must be between 1 and 65535 (usually 9100).",
                        ))?;
                        (host.trim_matches(['[', ']']).to_owned(), port)
                    }
                    _ => (address.to_owned(), 9100),
                };
                if host.is_empty() || host.contains(char::is_whitespace) {
                    return Err((
                        "Geef het IP-adres of de naam van de printer, bijvoorbeeld 192.168.1.50:9100.",
                        "Give the printer's IP address or name, for example 192.168.1.50:9100.",
                    ));
                }
                Ok(Connection::Tcp { host, port })
            }
            "serial" => {
                let (path, baud) = match address.rsplit_once('@') {
                    Some((path, baud)) => (
                        path,
                        baud.parse::<u32>()
                            .ok()
                            .filter(|b| (1200..=921_600).contains(b))
                            .ok_or((
                                "De baudrate moet tussen 1200 en 921600 liggen, bijvoorbeeld /dev/ttyUSB0@19200.",
                                "The baud rate must be between 1200 and 921600, for example /dev/ttyUSB0@19200.",
                            ))?,
                    ),
                    None => (address, 9600),
                };
                if path.is_empty() {
                    return Err((
                        "Geef de seriële poort, bijvoorbeeld /dev/ttyUSB0 of COM3.",
                        "Give the serial port, for example /dev/ttyUSB0 or COM3.",
                    ));
                }
                Ok(Connection::Serial {
                    path: path.to_owned(),
                    baud,
                })
            }
            "usb" | "cups" if !OS_QUEUE => Err((
                "Op Windows wordt een USB-bonprinter via zijn COM-poort aangesloten: kies Serieel met bijvoorbeeld COM3, of Netwerk. De Windows-printerwachtrij wordt nog niet ondersteund.",
                "On Windows a USB receipt printer is connected through its COM port: choose Serial with for example COM3, or Network. The Windows printer queue is not supported yet.",
            )),
            "usb" => {
                if !address.starts_with("/dev/") {
                    return Err((
                        "Geef het apparaat van de USB-printer, bijvoorbeeld /dev/usb/lp0.",
                        "Give the USB printer's device, for example /dev/usb/lp0.",
                    ));
                }
                Ok(Connection::Usb {
                    path: address.to_owned(),
                })
            }
            "cups" => {
                if address.is_empty()
                    || !address
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
                {
                    return Err((
                        "Geef de naam van de printerwachtrij (letters, cijfers, - _ .).",
                        "Give the printer queue's name (letters, digits, - _ .).",
                    ));
                }
                Ok(Connection::Cups {
                    queue: address.to_owned(),
                })
            }
            "agent" => {
                if address.is_empty() || address.chars().count() > 40 {
                    return Err((
                        "Geef de naam waaronder de printagent gekoppeld is, bijvoorbeeld Bar-pc.",
                        "Give the name the print agent was paired under, for example Bar PC.",
                    ));
                }
                Ok(Connection::Agent {
                    name: address.to_owned(),
                })
            }
            _ => Err((
                "Kies tcp, serial, usb, cups of agent.",
                "Choose tcp, serial, usb, cups or agent.",
            )),
        }
    }

    /// Whether the printer can answer DLE EOT over this link.
    pub fn two_way(&self) -> bool {
        matches!(self, Connection::Tcp { .. } | Connection::Serial { .. })
    }
}

/// Why bytes did not reach the printer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SendError {
    /// Not reachable or did not answer: try again later.
    #[error("{0}")]
    Unreachable(String),
    /// Reached, but it says it cannot print (paper out, cover open): nothing was sent.
    #[error("printer not ready: {}", .0.as_str())]
    NotReady(PrinterState),
    /// Sending broke off half way: part of the ticket may have printed.
    #[error("{0}")]
    Interrupted(String),
    /// This link cannot work here (an agent printer, a missing `lp`).
    #[error("{0}")]
    Unsupported(String),
}

/// Timeouts for one send.
#[derive(Debug, Clone, Copy)]
pub struct Timeouts {
    pub connect: Duration,
    /// For each status answer.
    pub status: Duration,
    /// For writing everything.
    pub write: Duration,
}

impl Default for Timeouts {
    fn default() -> Self {
        Timeouts {
            connect: Duration::from_secs(3),
            status: Duration::from_secs(2),
            write: Duration::from_secs(10),
        }
    }
}

/// Sends `bytes` to the printer, asking its status first when `ask_status` and the link is
/// two-way. Returns the state it reported (`Unknown` on one-way links).
pub async fn send(
    connection: &Connection,
    bytes: &[u8],
    ask_status: bool,
    timeouts: Timeouts,
) -> Result<PrinterState, SendError> {
    match connection {
        Connection::Tcp { host, port } => send_tcp(host, *port, bytes, ask_status, timeouts).await,
        Connection::Serial { path, baud } => {
            let (path, baud, bytes) = (path.clone(), *baud, bytes.to_vec());
            tokio::task::spawn_blocking(move || {
                send_serial(&path, baud, &bytes, ask_status, timeouts)
            })
            .await
            .map_err(|e| SendError::Interrupted(e.to_string()))?
        }
        Connection::Usb { path } => {
            let (path, bytes) = (path.clone(), bytes.to_vec());
            tokio::task::spawn_blocking(move || {
                let mut file = std::fs::OpenOptions::new()
                    .append(true)
                    .open(&path)
                    .map_err(|e| SendError::Unreachable(format!("cannot open {path}: {e}")))?;
                file.write_all(&bytes)
                    .and_then(|()| file.flush())
                    .map_err(|e| SendError::Interrupted(format!("writing to {path}: {e}")))?;
                Ok(PrinterState::Unknown)
            })
            .await
            .map_err(|e| SendError::Interrupted(e.to_string()))?
        }
        Connection::Cups { queue } => send_cups(queue, bytes, timeouts).await,
        Connection::Agent { .. } => Err(SendError::Unsupported(
            "an agent's printer prints through its agent".into(),
        )),
    }
}

/// Asks a printer for its state without printing (two-way links only).
pub async fn query(connection: &Connection, timeouts: Timeouts) -> PrinterState {
    match send(connection, &[], true, timeouts).await {
        Ok(state) => state,
        Err(SendError::NotReady(state)) => state,
        Err(SendError::Unsupported(_)) => PrinterState::Unknown,
        Err(_) => PrinterState::Offline,
    }
}

async fn send_tcp(
    host: &str,
    port: u16,
    bytes: &[u8],
    ask_status: bool,
    timeouts: Timeouts,
) -> Result<PrinterState, SendError> {
    let address = format!("{host}:{port}");
    let mut stream =
        tokio::time::timeout(timeouts.connect, tokio::net::TcpStream::connect(&address))
            .await
            .map_err(|_| SendError::Unreachable(format!("no answer from {address}")))?
            .map_err(|e| SendError::Unreachable(format!("cannot connect to {address}: {e}")))?;
    let _ = stream.set_nodelay(true);
    let mut state = PrinterState::Unknown;
    if ask_status {
        let mut answers = [0u8; 3];
        for (i, n) in [1u8, 2, 4].into_iter().enumerate() {
            stream
                .write_all(&commands::status_request(n))
                .await
                .map_err(|e| SendError::Unreachable(format!("{address}: {e}")))?;
            let mut byte = [0u8; 1];
            match tokio::time::timeout(timeouts.status, stream.read_exact(&mut byte)).await {
                Ok(Ok(_)) => answers[i] = byte[0],
                Ok(Err(e)) => return Err(SendError::Unreachable(format!("{address}: {e}"))),
                Err(_) => {
                    return Err(SendError::Unreachable(format!(
                        "{address} did not answer the status request"
                    )));
                }
            }
        }
        state = from_status_bytes(answers[0], answers[1], answers[2]);
        if !state.can_print() {
            return Err(SendError::NotReady(state));
        }
    }
    if bytes.is_empty() {
        return Ok(state);
    }
    let write = async {
        stream.write_all(bytes).await?;
        stream.flush().await?;
        stream.shutdown().await
    };
    tokio::time::timeout(timeouts.write, write)
        .await
        .map_err(|_| SendError::Interrupted(format!("{address} stopped taking data")))?
        .map_err(|e| SendError::Interrupted(format!("{address}: {e}")))?;
    Ok(state)
}

fn send_serial(
    path: &str,
    baud: u32,
    bytes: &[u8],
    ask_status: bool,
    timeouts: Timeouts,
) -> Result<PrinterState, SendError> {
    let mut port = serialport::new(path, baud)
        .timeout(timeouts.status)
        .open()
        .map_err(|e| SendError::Unreachable(format!("cannot open {path}: {e}")))?;
    let mut state = PrinterState::Unknown;
    if ask_status {
        let mut answers = [0u8; 3];
        for (i, n) in [1u8, 2, 4].into_iter().enumerate() {
            port.write_all(&commands::status_request(n))
                .and_then(|()| port.flush())
                .map_err(|e| SendError::Unreachable(format!("{path}: {e}")))?;
            let mut byte = [0u8; 1];
            port.read_exact(&mut byte).map_err(|_| {
                SendError::Unreachable(format!("{path} did not answer the status request"))
            })?;
            answers[i] = byte[0];
        }
        state = from_status_bytes(answers[0], answers[1], answers[2]);
        if !state.can_print() {
            return Err(SendError::NotReady(state));
        }
    }
    if bytes.is_empty() {
        return Ok(state);
    }
    port.set_timeout(timeouts.write)
        .map_err(|e| SendError::Unreachable(format!("{path}: {e}")))?;
    port.write_all(bytes)
        .and_then(|()| port.flush())
        .map_err(|e| SendError::Interrupted(format!("{path}: {e}")))?;
    Ok(state)
}

async fn send_cups(
    queue: &str,
    bytes: &[u8],
    timeouts: Timeouts,
) -> Result<PrinterState, SendError> {
    let mut child = tokio::process::Command::new("lp")
        .args(["-d", queue, "-o", "raw", "-s"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .map_err(|e| SendError::Unsupported(format!("cannot run lp (is CUPS installed?): {e}")))?;
    let mut stdin = child.stdin.take().expect("piped");
    let bytes = bytes.to_vec();
    let run = async move {
        stdin.write_all(&bytes).await?;
        drop(stdin);
        child.wait_with_output().await
    };
    let output = tokio::time::timeout(timeouts.write, run)
        .await
        .map_err(|_| SendError::Interrupted(format!("lp for {queue} did not finish")))?
        .map_err(|e| SendError::Interrupted(format!("lp for {queue}: {e}")))?;
    if output.status.success() {
        Ok(PrinterState::Unknown)
    } else {
        Err(SendError::Unreachable(format!(
            "lp refused the job for {queue}: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        )))
    }
}
