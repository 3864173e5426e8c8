//! Print agents that are connected now: a printer on another PC is reached through the agent
//! that runs there (`forno print-agent`), over its WebSocket. The print worker hands a job's
//! bytes to the agent's connection and waits for its answer; the connection (forno-server)
//! sends them and passes the answer back.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use tokio::sync::{mpsc, oneshot};

/// How an agent answered a job.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AgentAnswer {
    Printed,
    /// Its printer could not take the job; nothing was printed.
    Failed(String),
    /// Sending broke off half way: part of the ticket may have printed.
    Uncertain(String),
}

/// A job on its way to an agent.
#[derive(Debug)]
pub struct AgentJob {
    pub job_id: i64,
    pub bytes: Vec<u8>,
    pub answer: oneshot::Sender<AgentAnswer>,
}

/// The agents connected now, by their device name (a printer with connection `agent` names its
/// agent in its address).
#[derive(Clone, Default)]
pub struct PrintAgents(Arc<Mutex<HashMap<String, Registered>>>);

/// A connected agent: the serial of its connection and where its jobs go.
type Registered = (u64, mpsc::Sender<AgentJob>);

/// An agent's connection: jobs arrive on `jobs`; dropping it says the agent is gone.
pub struct AgentConnection {
    agents: PrintAgents,
    name: String,
    serial: u64,
    pub jobs: mpsc::Receiver<AgentJob>,
}

impl PrintAgents {
    /// Registers the agent `name`; a newer connection of the same agent replaces an older one.
    pub fn connect(&self, name: &str) -> AgentConnection {
        let (tx, rx) = mpsc::channel(16);
        let mut agents = self.0.lock().unwrap_or_else(|p| p.into_inner());
        let serial = agents.get(name).map_or(1, |(s, _)| s + 1);
        agents.insert(name.to_owned(), (serial, tx));
        AgentConnection {
            agents: self.clone(),
            name: name.to_owned(),
            serial,
            jobs: rx,
        }
    }

    pub fn is_connected(&self, name: &str) -> bool {
        self.sender(name).is_some()
    }

    pub(crate) fn sender(&self, name: &str) -> Option<mpsc::Sender<AgentJob>> {
        let agents = self.0.lock().unwrap_or_else(|p| p.into_inner());
        agents
            .get(name)
            .filter(|(_, tx)| !tx.is_closed())
            .map(|(_, tx)| tx.clone())
    }
}

impl AgentConnection {
    pub fn name(&self) -> &str {
        &self.name
    }
}

impl Drop for AgentConnection {
    fn drop(&mut self) {
        let mut agents = self.agents.0.lock().unwrap_or_else(|p| p.into_inner());
        if agents
            .get(&self.name)
            .is_some_and(|(s, _)| *s == self.serial)
        {
            agents.remove(&self.name);
        }
    }
}
