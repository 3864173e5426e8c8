//! Printers (list with live state, add, edit, remove, test page), print jobs (list, reprint,
//! retry or move, cancel) and printing an order's ticket or receipt.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use chrono::Utc;
use forno_app::{JobState, Layout, PrintRuleForm, PrinterForm, Trigger};
use forno_domain::msg;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::auth::Staff;
use crate::dto::{
    PrintJobDto, PrintJobListDto, PrintJobMoveBody, PrintOrderBody, PrintRuleDto, PrintRulesBody,
    PrintRulesDto, PrinterBody, PrinterDto, PrinterProfileDto,
};
use crate::error::{ApiError, ApiResult};
use crate::extract::{JsonBody, Path, Query};
use crate::state::AppState;

fn form(body: PrinterBody) -> PrinterForm {
    PrinterForm {
        name: body.name,
        profile: body.profile,
        connection: body.connection,
        address: body.address,
        enabled: body.enabled,
    }
}

#[utoipa::path(get, path = "/printers", tag = "staff", operation_id = "list_printers",
    description = "Every printer with its state as last seen (asked again every few seconds while it has trouble or tickets waiting).",
    responses((status = 200, body = Vec<PrinterDto>)))]
pub async fn list(State(state): State<AppState>, staff: Staff) -> ApiResult<Json<Vec<PrinterDto>>> {
    let printers = state.shop.printers(&staff.actor).await?;
    Ok(Json(printers.iter().map(PrinterDto::from).collect()))
}

#[utoipa::path(get, path = "/printers/profiles", tag = "staff", operation_id = "printer_profiles",
    description = "The printer models Forno knows (`printers/` in the repository).",
    responses((status = 200, body = Vec<PrinterProfileDto>)))]
pub async fn profiles(_staff: Staff) -> Json<Vec<PrinterProfileDto>> {
    Json(
        forno_print::profile::all()
            .iter()
            .map(PrinterProfileDto::from)
            .collect(),
    )
}

#[utoipa::path(post, path = "/printers", tag = "staff", operation_id = "add_printer", request_body = PrinterBody,
    responses((status = 201, body = PrinterDto), (status = 422, description = "A field is wrong; `field` names it"), (status = 404, description = "No such printer, order or print job"), (status = 409, description = "Not possible in the state it is in")))]
pub async fn add(
    State(state): State<AppState>,
    staff: Staff,
    JsonBody(body): JsonBody<PrinterBody>,
) -> ApiResult<(StatusCode, Json<PrinterDto>)> {
    let printer = state
        .shop
        .add_printer(&staff.actor, form(body), Utc::now())
        .await?;
    Ok((StatusCode::CREATED, Json(PrinterDto::from(&printer))))
}

#[utoipa::path(put, path = "/printers/{id}", tag = "staff", operation_id = "update_printer", params(("id" = i64, Path)), request_body = PrinterBody,
    responses((status = 200, body = PrinterDto), (status = 404, description = "No such printer"), (status = 409, description = "Not possible in the state it is in"), (status = 422, description = "A field is wrong; `field` names it")))]
pub async fn update(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    JsonBody(body): JsonBody<PrinterBody>,
) -> ApiResult<Json<PrinterDto>> {
    let printer = state
        .shop
        .update_printer(&staff.actor, id, form(body), Utc::now())
        .await?;
    Ok(Json(PrinterDto::from(&printer)))
}

#[utoipa::path(delete, path = "/printers/{id}", tag = "staff", operation_id = "remove_printer", params(("id" = i64, Path)),
    responses((status = 204, description = "Removed"), (status = 404, description = "No such printer"),
        (status = 409, description = "Tickets are still waiting for it: move or cancel them first"), (status = 404, description = "No such printer, order or print job"), (status = 422, description = "A field is wrong; `field` names it")))]
pub async fn remove(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
) -> ApiResult<StatusCode> {
    state
        .shop
        .remove_printer(&staff.actor, id, Utc::now())
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(post, path = "/printers/{id}/test", tag = "staff", operation_id = "print_test_page", params(("id" = i64, Path)),
    description = "Prints a test page (the euro sign, Dutch letters, the full width, a cut).",
    responses((status = 202, body = PrintJobDto), (status = 404, description = "No such printer"), (status = 409, description = "Not possible in the state it is in"), (status = 422, description = "A field is wrong; `field` names it")))]
pub async fn test_page(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
) -> ApiResult<(StatusCode, Json<PrintJobDto>)> {
    let job = state
        .shop
        .print_test_page(&staff.actor, id, Utc::now())
        .await?;
    Ok((StatusCode::ACCEPTED, Json(PrintJobDto::from(&job))))
}

#[utoipa::path(post, path = "/drawer", tag = "staff", operation_id = "open_drawer",
    description = "Opens the cash drawer: a kick on the printer the cash drawer hangs on (the `cash_paid` print rule; the first printer by default). 409 when no printer is set up to open it.",
    responses((status = 202, body = PrintJobDto), (status = 409, description = "No printer is set up to open the drawer")))]
pub async fn open_drawer(
    State(state): State<AppState>,
    staff: Staff,
) -> ApiResult<(StatusCode, Json<PrintJobDto>)> {
    let job = state.shop.open_drawer(&staff.actor, Utc::now()).await?;
    Ok((StatusCode::ACCEPTED, Json(PrintJobDto::from(&job))))
}

fn rules_dto(rules: &[forno_app::PrintRule]) -> PrintRulesDto {
    PrintRulesDto {
        rules: rules.iter().map(PrintRuleDto::from).collect(),
        triggers: Trigger::ALL.iter().map(|t| t.as_str().to_owned()).collect(),
        layouts: [Layout::Kitchen, Layout::Receipt, Layout::Drawer]
            .iter()
            .map(|l| l.as_str().to_owned())
            .collect(),
    }
}

#[utoipa::path(get, path = "/print-rules", tag = "staff", operation_id = "list_print_rules",
    description = "Which event prints which layout on which printer (per station for kitchen tickets), with the triggers and layouts a rule may name.",
    responses((status = 200, body = PrintRulesDto)))]
pub async fn rules(State(state): State<AppState>, staff: Staff) -> ApiResult<Json<PrintRulesDto>> {
    let rules = state.shop.print_rules(&staff.actor).await?;
    Ok(Json(rules_dto(&rules)))
}

#[utoipa::path(put, path = "/print-rules", tag = "staff", operation_id = "set_print_rules", request_body = PrintRulesBody,
    description = "Replaces every print rule at once. A wrong rule is a 422 naming its field (`rules[2].printer_id`), and nothing changes.",
    responses((status = 200, body = PrintRulesDto), (status = 422, description = "A field is wrong; `field` names it")))]
pub async fn set_rules(
    State(state): State<AppState>,
    staff: Staff,
    JsonBody(body): JsonBody<PrintRulesBody>,
) -> ApiResult<Json<PrintRulesDto>> {
    let forms = body
        .rules
        .into_iter()
        .map(|r| PrintRuleForm {
            trigger: r.trigger,
            layout: r.layout,
            printer_id: r.printer_id,
            station: r.station,
            enabled: r.enabled,
        })
        .collect();
    let rules = state
        .shop
        .set_print_rules(&staff.actor, forms, Utc::now())
        .await?;
    Ok(Json(rules_dto(&rules)))
}

#[derive(Debug, Deserialize, IntoParams)]
pub struct PrintJobQuery {
    /// Comma-separated: `queued`, `printing`, `printed` (also cancelled ones), `failed`,
    /// `needs_attention`.
    pub state: Option<String>,
    pub order_id: Option<i64>,
    /// At most this many (default 50, 1 to 500).
    pub limit: Option<i64>,
}

#[utoipa::path(get, path = "/print-jobs", tag = "staff", operation_id = "list_print_jobs", params(PrintJobQuery),
    responses((status = 200, body = PrintJobListDto), (status = 404, description = "No such printer, order or print job"), (status = 409, description = "Not possible in the state it is in"), (status = 422, description = "A field is wrong; `field` names it")))]
pub async fn jobs(
    State(state): State<AppState>,
    staff: Staff,
    Query(query): Query<PrintJobQuery>,
) -> ApiResult<Json<PrintJobListDto>> {
    let states = query
        .state
        .as_deref()
        .unwrap_or("")
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| match s {
            "queued" => Ok(JobState::Queued),
            "printing" => Ok(JobState::InProgress),
            "printed" => Ok(JobState::Done),
            "failed" => Ok(JobState::Failed),
            "needs_attention" => Ok(JobState::NeedsAttention),
            other => Err(ApiError::bad_request(msg!(
                nl: "\"{other}\" is geen toestand van een printtaak; gebruik queued, printing, printed, failed of needs_attention.",
                en: "\"{other}\" is not a print job state; use queued, printing, printed, failed or needs_attention."
            ))
            .with_field("state")),
        })
        .collect::<ApiResult<Vec<_>>>()?;
    let (jobs, total) = state
        .shop
        .print_jobs(
            &staff.actor,
            states,
            query.order_id,
            query.limit.unwrap_or(50).clamp(1, 500),
        )
        .await?;
    Ok(Json(PrintJobListDto {
        jobs: jobs.iter().map(PrintJobDto::from).collect(),
        total,
    }))
}

#[utoipa::path(post, path = "/print-jobs/{id}/reprint", tag = "staff", operation_id = "reprint_print_job", params(("id" = i64, Path)),
    request_body = PrintJobMoveBody,
    description = "Prints the job again as a new job that says KOPIE, on the same printer or `printer_id`.",
    responses((status = 202, body = PrintJobDto), (status = 404, description = "No such print job"), (status = 409, description = "Not possible in the state it is in"), (status = 422, description = "A field is wrong; `field` names it")))]
pub async fn reprint(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    JsonBody(body): JsonBody<PrintJobMoveBody>,
) -> ApiResult<(StatusCode, Json<PrintJobDto>)> {
    let job = state
        .shop
        .reprint_job(&staff.actor, id, body.printer_id, Utc::now())
        .await?;
    Ok((StatusCode::ACCEPTED, Json(PrintJobDto::from(&job))))
}

#[utoipa::path(post, path = "/print-jobs/{id}/retry", tag = "staff", operation_id = "retry_print_job", params(("id" = i64, Path)),
    request_body = PrintJobMoveBody,
    description = "Sends a waiting, failed or troubled job again now, as it is (no KOPIE); with `printer_id`, moves it to that printer.",
    responses((status = 200, body = PrintJobDto), (status = 409, description = "The job is printing or printed"), (status = 404, description = "No such printer, order or print job"), (status = 422, description = "A field is wrong; `field` names it")))]
pub async fn retry(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    JsonBody(body): JsonBody<PrintJobMoveBody>,
) -> ApiResult<Json<PrintJobDto>> {
    let job = state
        .shop
        .retry_job(&staff.actor, id, body.printer_id, Utc::now())
        .await?;
    Ok(Json(PrintJobDto::from(&job)))
}

#[utoipa::path(post, path = "/print-jobs/{id}/cancel", tag = "staff", operation_id = "cancel_print_job", params(("id" = i64, Path)),
    description = "Cancels a waiting, failed or troubled job (also: it did print, leave it).",
    responses((status = 200, body = PrintJobDto), (status = 409, description = "The job is printing or printed"), (status = 404, description = "No such printer, order or print job"), (status = 422, description = "A field is wrong; `field` names it")))]
pub async fn cancel(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
) -> ApiResult<Json<PrintJobDto>> {
    let job = state.shop.cancel_job(&staff.actor, id, Utc::now()).await?;
    Ok(Json(PrintJobDto::from(&job)))
}

#[utoipa::path(post, path = "/orders/{id}/print", tag = "staff", operation_id = "print_order", params(("id" = i64, Path)),
    request_body = PrintOrderBody,
    description = "Prints the order's kitchen ticket or receipt; a second print of the same says KOPIE.",
    responses((status = 202, body = PrintJobDto), (status = 404, description = "No such order or printer"), (status = 409, description = "Not possible in the state it is in"), (status = 422, description = "A field is wrong; `field` names it")))]
pub async fn print_order(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    JsonBody(body): JsonBody<PrintOrderBody>,
) -> ApiResult<(StatusCode, Json<PrintJobDto>)> {
    let layout = match Layout::parse(&body.layout) {
        Some(layout @ (Layout::Kitchen | Layout::Receipt)) => layout,
        _ => {
            return Err(ApiError::invalid(
                "layout",
                msg!(nl: "Kies kitchen of receipt.", en: "Choose kitchen or receipt."),
            ));
        }
    };
    let job = state
        .shop
        .print_order(&staff.actor, id, layout, body.printer_id, Utc::now())
        .await?;
    Ok((StatusCode::ACCEPTED, Json(PrintJobDto::from(&job))))
}

#[utoipa::path(get, path = "/orders/{id}/receipt.pdf", tag = "staff", operation_id = "receipt_pdf", params(("id" = i64, Path)),
    description = "The order's receipt as PDF (as printed on 80 mm paper), to download.",
    responses((status = 200, description = "The receipt", content_type = "application/pdf", body = Vec<u8>),
        (status = 404, description = "No such order")))]
pub async fn receipt_pdf(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
) -> ApiResult<axum::response::Response> {
    use axum::response::IntoResponse;
    let (title, bytes) = state.shop.receipt_pdf(&staff.actor, id).await?;
    let file = format!("{}.pdf", title.replace(['#', ' '], ""));
    Ok((
        [
            (
                axum::http::header::CONTENT_TYPE,
                "application/pdf".to_owned(),
            ),
            (
                axum::http::header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file}\""),
            ),
        ],
        bytes,
    )
        .into_response())
}
