//! What the outbox holds, for staff who look after it, and the shop's health at a glance.

use forno_domain::Permission;
use forno_store::outbox::{Job, JobCounts, JobFilter};

use crate::{Actor, AppError, Shop};

/// The shop at a glance: how far the event log is, and how the outbox is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Health {
    pub head_seq: i64,
    pub outbox: JobCounts,
}

impl Shop {
    pub async fn health(&self) -> Result<Health, AppError> {
        self.read(|conn| {
            let (head_seq, _) = forno_store::events::bounds(conn)?;
            let outbox = forno_store::outbox::counts(conn)?;
            Ok(Health { head_seq, outbox })
        })
        .await
    }

    /// A page of outbox jobs, newest first, with the number that match.
    pub async fn outbox_jobs(
        &self,
        actor: &Actor,
        filter: JobFilter,
    ) -> Result<(Vec<Job>, i64), AppError> {
        actor.require(Permission::ViewOutbox)?;
        self.read(move |conn| Ok(forno_store::outbox::list(conn, &filter)?))
            .await
    }
}
