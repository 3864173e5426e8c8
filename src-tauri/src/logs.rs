//! Log lines go to stderr and, once the data dir is known, to `logs/forno-desktop.log` in it:
//! the installed app has no console, and that file is what support asks for.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;
use std::sync::{Mutex, OnceLock};

use tracing_subscriber::EnvFilter;
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::fmt::writer::MakeWriterExt;

/// A log file past this size is moved to `forno-desktop.log.old` at start.
const KEEP_BYTES: u64 = 5 * 1024 * 1024;

static FILE: OnceLock<Mutex<File>> = OnceLock::new();

pub fn init() {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr.and(LogFile))
        .with_ansi(false)
        .init();
}

/// From now on, log lines are also appended to the data dir's log file.
pub fn write_to(data_dir: &Path) -> io::Result<()> {
    let dir = data_dir.join("logs");
    std::fs::create_dir_all(&dir)?;
    let path = dir.join("forno-desktop.log");
    if std::fs::metadata(&path).is_ok_and(|meta| meta.len() > KEEP_BYTES) {
        std::fs::rename(&path, dir.join("forno-desktop.log.old"))?;
    }
    let file = OpenOptions::new().create(true).append(true).open(&path)?;
    let _ = FILE.set(Mutex::new(file));
    Ok(())
}

struct LogFile;

impl<'a> MakeWriter<'a> for LogFile {
    type Writer = LogFile;

    fn make_writer(&'a self) -> Self::Writer {
        LogFile
    }
}

impl Write for LogFile {
    fn write(&mut self, line: &[u8]) -> io::Result<usize> {
        if let Some(file) = FILE.get() {
            let mut file = file.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            file.write_all(line)?;
        }
        Ok(line.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}
