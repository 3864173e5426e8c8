//! The outbox for staff (`GET /outbox`), and the test-only way to put jobs in it
//! (`POST /test/jobs`, routed only with `FORNO_TEST_JOBS=1`).

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use chrono::Utc;
use forno_app::{JobFilter, JobState, TestJob};
use forno_domain::msg;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::auth::Staff;
use crate::dto::{JobDto, JobListDto, TestJobsBody};
use crate::error::{ApiError, ApiResult};
use crate::extract::{JsonBody, Query};
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
pub struct OutboxQuery {
    /// Comma-separated states: `failed,needs_attention`.
    pub state: Option<String>,
    /// Comma-separated kinds: `print.ticket,email.confirmation`.
    pub kind: Option<String>,
    /// Only the jobs of this order (its id).
    pub order_id: Option<i64>,
    /// At most this many (default 50, 1 to 500).
    pub limit: Option<i64>,
    pub offset: Option<i64>,
}

fn split(raw: Option<&str>) -> impl Iterator<Item = &str> {
    raw.unwrap_or("")
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

impl OutboxQuery {
    fn into_filter(self) -> ApiResult<JobFilter> {
        let states = split(self.state.as_deref())
            .map(|s| {
                JobState::parse(s).ok_or_else(|| {
                    let known = JobState::ALL.map(JobState::as_str).join(", ");
                    ApiError::bad_request(msg!(
                        nl: "\"{s}\" is geen toestand van een taak; gebruik een van {known}.",
                        en: "\"{s}\" is not a job state; use one of {known}."
                    ))
                    .with_field("state")
                })
            })
            .collect::<ApiResult<_>>()?;
        Ok(JobFilter {
            states,
            kinds: split(self.kind.as_deref()).map(str::to_owned).collect(),
            order_id: self.order_id,
            limit: self.limit.unwrap_or(50).clamp(1, 500),
            offset: self.offset.unwrap_or(0).max(0),
        })
    }
}

#[utoipa::path(get, path = "/outbox", tag = "staff", operation_id = "list_outbox", params(OutboxQuery),
    description = "Print jobs, messages and payment checks waiting, done, failed, or waiting for a person (owner and manager).",
    responses((status = 200, body = JobListDto)))]
pub async fn list(
    State(state): State<AppState>,
    staff: Staff,
    Query(query): Query<OutboxQuery>,
) -> ApiResult<Json<JobListDto>> {
    let filter = query.into_filter()?;
    let (jobs, total) = state.shop.outbox_jobs(&staff.actor, filter).await?;
    Ok(Json(JobListDto {
        jobs: jobs.iter().map(JobDto::from).collect(),
        total,
    }))
}

/// Test only: enqueues `test.*` jobs. Not in the OpenAPI document; absent unless
/// `FORNO_TEST_JOBS=1`.
pub async fn enqueue_test_jobs(
    State(state): State<AppState>,
    staff: Staff,
    JsonBody(body): JsonBody<TestJobsBody>,
) -> ApiResult<(StatusCode, Json<Vec<JobDto>>)> {
    let jobs = body
        .jobs
        .into_iter()
        .map(|job| TestJob {
            kind: job.kind,
            target: job.target,
            payload: job.payload,
            order_id: job.order_id,
            max_attempts: job.max_attempts,
        })
        .collect();
    let jobs = state
        .shop
        .enqueue_test_jobs(&staff.actor, jobs, Utc::now())
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(jobs.iter().map(JobDto::from).collect()),
    ))
}
