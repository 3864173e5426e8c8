//! Extractors whose every rejection is a problem naming what to fix: JSON bodies (the field, as
//! a JSON path), path parameters (`id`) and query parameters (`offset`). Handlers use these, never
//! axum's own `Json`, `Path` and `Query`, whose rejections are `text/plain` (a test below holds
//! every handler to that).

use axum::body::Bytes;
use axum::extract::path::ErrorKind;
use axum::extract::rejection::PathRejection;
use axum::extract::{FromRequest, FromRequestParts, RawPathParams, Request};
use axum::http::StatusCode;
use axum::http::request::Parts;
use forno_domain::{Lang, Message, msg};
use serde::de::DeserializeOwned;

use crate::error::ApiError;

/// A JSON body. Malformed JSON, anything after the JSON, or a wrong type is a 400 problem naming
/// the field; a body over the limit is a 413 problem; a body that is not JSON a 415.
pub struct JsonBody<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for JsonBody<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let content_type = req
            .headers()
            .get(axum::http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_owned();
        let bytes = Bytes::from_request(req, state).await.map_err(|rejection| {
            if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                ApiError::new(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    "too-large",
                    msg!(nl: "Verzoek te groot", en: "Request too large"),
                    msg!(
                        nl: "Het verzoek is te groot; stuur een kleinere bestelling.",
                        en: "The request body is too large; send a smaller order."
                    ),
                )
            } else {
                ApiError::bad_request(msg!(
                    nl: "De inhoud van het verzoek kon niet gelezen worden ({rejection}); probeer het opnieuw.",
                    en: "Could not read the request body ({rejection}); try again."
                ))
            }
        })?;
        if !content_type.starts_with("application/json") {
            return Err(ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported-media-type",
                msg!(nl: "Stuur JSON", en: "Send JSON"),
                msg!(
                    nl: "Stuur de inhoud als JSON, met Content-Type: application/json.",
                    en: "Send the body as JSON with Content-Type: application/json."
                ),
            ));
        }
        let mut deserializer = serde_json::Deserializer::from_slice(&bytes);
        let value = serde_path_to_error::deserialize(&mut deserializer).map_err(|e| {
            let path = e.path().to_string();
            explain(&path, e.into_inner())
        })?;
        // `{...}xx` is not JSON: whatever follows the value is refused, not ignored.
        deserializer.end().map_err(|e| {
            let (line, column) = (e.line(), e.column());
            ApiError::bad_request(msg!(
                nl: "Na de JSON staat nog iets anders (regel {line}, teken {column}); stuur alleen één JSON-object.",
                en: "There is something after the JSON (line {line}, column {column}); send one JSON object and nothing else."
            ))
        })?;
        Ok(JsonBody(value))
    }
}

/// Turns a serde error into a 400 a person can act on: plain words, the field as a JSON path.
fn explain(path: &str, error: serde_json::Error) -> ApiError {
    // A path with `?` is where the parser gave up mid-value; it names no real field.
    let at = Some(path)
        .filter(|p| !p.is_empty() && *p != "." && !p.contains('?'))
        .map(str::to_owned);
    let message = error.to_string();
    // serde appends " at line L column C"; a person needs the field, not the column.
    let message = message
        .rsplit_once(" at line ")
        .map_or(message.as_str(), |(m, _)| m)
        .to_owned();
    if error.is_syntax() || error.is_eof() {
        let (line, column) = (error.line(), error.column());
        return ApiError::bad_request(msg!(
            nl: "De inhoud is geen geldige JSON (regel {line}, teken {column}); stuur een JSON-object.",
            en: "The body is not valid JSON ({message} at line {line}, column {column}); send a JSON object."
        ));
    }
    if let Some(missing) = message
        .strip_prefix("missing field `")
        .and_then(|m| m.strip_suffix('`'))
    {
        let field = match &at {
            Some(parent) => format!("{parent}.{missing}"),
            None => missing.to_owned(),
        };
        return ApiError::bad_request(msg!(
            nl: "`{field}` ontbreekt; vul het in.",
            en: "`{field}` is missing; add it."
        ))
        .with_field(field);
    }
    let field = at.clone().unwrap_or_else(|| "body".to_owned());
    let detail = match message.split_once(", expected ") {
        Some((got, expected)) => {
            let got = got
                .trim_start_matches("invalid type: ")
                .trim_start_matches("invalid value: ");
            Message::each(|lang| {
                let (expected, got) = (plain_type(expected, lang), plain_value(got, lang));
                match lang {
                    Lang::Nl => format!("`{field}` moet {expected} zijn, niet {got}."),
                    Lang::En => format!("`{field}` must be {expected}, not {got}."),
                }
            })
        }
        None => msg!(
            nl: "`{field}` is niet geldig ({message}).",
            en: "`{field}` is not valid: {message}."
        ),
    };
    let err = ApiError::bad_request(detail);
    match at {
        Some(field) => err.with_field(field),
        None => err,
    }
}

/// serde's name for an expected type, in words.
fn plain_type(expected: &str, lang: Lang) -> String {
    let (nl, en) = match expected {
        "i8" | "i16" | "i32" | "i64" | "u8" | "u16" | "u32" | "u64" | "usize" | "isize" => {
            ("een heel getal", "a whole number")
        }
        "a string" => ("tekst", "text"),
        "a boolean" => ("true of false", "true or false"),
        "a sequence" => ("een lijst", "a list"),
        e if e.starts_with("struct ") || e == "a map" => ("een object", "an object"),
        // A list of allowed values: "one of `a`, `b`" or "`a` or `b`".
        e => {
            return match lang {
                Lang::Nl => e.replace("one of ", "een van ").replace(" or ", " of "),
                Lang::En => e.to_owned(),
            };
        }
    };
    match lang {
        Lang::Nl => nl,
        Lang::En => en,
    }
    .to_owned()
}

/// serde's description of what was sent (`string "two"`, `integer `5``), in words.
fn plain_value(got: &str, lang: Lang) -> String {
    if lang == Lang::En {
        return got.to_owned();
    }
    for (serde, dutch) in [
        ("unknown variant ", "de waarde "),
        ("string ", "de tekst "),
        ("integer ", "het getal "),
        ("floating point ", "het getal "),
        ("boolean ", ""),
        ("sequence", "een lijst"),
        ("map", "een object"),
        ("null", "null"),
    ] {
        if let Some(rest) = got.strip_prefix(serde) {
            return format!("{dutch}{rest}");
        }
    }
    got.to_owned()
}

/// Path parameters (`/orders/{id}`). A value of the wrong kind (`/orders/abc`, an id beyond
/// any number) is a 400 problem naming the parameter.
pub struct Path<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + Send> FromRequestParts<S> for Path<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match axum::extract::Path::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Path(value)) => Ok(Path(value)),
            Err(rejection) => {
                // A single parameter's error does not say its name; the route does.
                let names: Vec<String> = RawPathParams::from_request_parts(parts, state)
                    .await
                    .map(|params| params.iter().map(|(k, _)| k.to_owned()).collect())
                    .unwrap_or_default();
                Err(explain_path(rejection, &names))
            }
        }
    }
}

fn explain_path(rejection: PathRejection, names: &[String]) -> ApiError {
    let only = || names.first().cloned().filter(|_| names.len() == 1);
    let (name, value) = match &rejection {
        PathRejection::FailedToDeserializePathParams(e) => match e.kind() {
            ErrorKind::ParseErrorAtKey { key, value, .. } => (Some(key.clone()), value.clone()),
            ErrorKind::ParseErrorAtIndex { index, value, .. } => {
                (names.get(*index).cloned(), value.clone())
            }
            ErrorKind::ParseError { value, .. } => (only(), value.clone()),
            ErrorKind::InvalidUtf8InPathParam { key } => (Some(key.clone()), String::new()),
            _ => (only(), String::new()),
        },
        _ => (only(), String::new()),
    };
    let name = name.unwrap_or_else(|| "path".to_owned());
    let value: String = value.chars().take(40).collect();
    let detail = if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        msg!(
            nl: "`{name}` in de URL is te groot: {value} is geen nummer dat hier kan bestaan.",
            en: "`{name}` in the URL is too large: {value} is not a number that can exist here."
        )
    } else {
        msg!(
            nl: "`{name}` in de URL moet een heel getal zijn, zoals 17, niet \"{value}\".",
            en: "`{name}` in the URL must be a whole number, like 17, not \"{value}\"."
        )
    };
    ApiError::bad_request(detail).with_field(name)
}

/// Query parameters (`?offset=…`). A value of the wrong kind is a 400 problem naming the
/// parameter.
pub struct Query<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for Query<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let query = parts.uri.query().unwrap_or_default();
        parse_query(query).map(Query)
    }
}

fn parse_query<T: DeserializeOwned>(query: &str) -> Result<T, ApiError> {
    let pairs = form_urlencoded::parse(query.as_bytes());
    let deserializer = serde_urlencoded::Deserializer::new(pairs);
    serde_path_to_error::deserialize(deserializer).map_err(|e| {
        let name = Some(e.path().to_string())
            .filter(|p| !p.is_empty() && *p != "." && !p.contains('?'))
            .unwrap_or_else(|| "query".to_owned());
        let value: String = form_urlencoded::parse(query.as_bytes())
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.chars().take(40).collect())
            .unwrap_or_default();
        let why = e.into_inner().to_string();
        let detail = if why.contains("too large") || why.contains("too small") {
            msg!(
                nl: "`{name}` is te groot: {value} kan hier niet; gebruik een kleiner getal.",
                en: "`{name}` is too large: {value} cannot be used here; use a smaller number."
            )
        } else if why.contains("invalid digit") || why.contains("cannot parse integer") {
            msg!(
                nl: "`{name}` moet een heel getal zijn, zoals 50, niet \"{value}\".",
                en: "`{name}` must be a whole number, like 50, not \"{value}\"."
            )
        } else {
            msg!(
                nl: "`{name}` in de URL klopt niet ({why}).",
                en: "`{name}` in the URL is not valid: {why}."
            )
        };
        ApiError::bad_request(detail).with_field(name)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_errors_become_plain_words_with_the_field() {
        let err = serde_json::from_str::<i64>("\"two\"").unwrap_err();
        let e = explain("lines[0].quantity", err);
        assert_eq!(e.field(), Some("lines[0].quantity"));
        assert_eq!(
            e.detail().en(),
            "`lines[0].quantity` must be a whole number, not string \"two\"."
        );
        assert_eq!(
            e.detail().nl(),
            "`lines[0].quantity` moet een heel getal zijn, niet de tekst \"two\"."
        );
        #[derive(Debug, serde::Deserialize)]
        #[serde(rename_all = "snake_case")]
        enum Kind {
            Pickup,
            Delivery,
        }
        let err = serde_json::from_str::<Kind>("\"drone\"").unwrap_err();
        let e = explain("fulfilment.type", err);
        assert_eq!(
            e.detail().nl(),
            "`fulfilment.type` moet `pickup` of `delivery` zijn, niet de waarde `drone`."
        );
        assert_eq!(
            e.detail().en(),
            "`fulfilment.type` must be `pickup` or `delivery`, not unknown variant `drone`."
        );
        let err = serde_json::from_str::<serde_json::Value>("{\"a\": [").unwrap_err();
        let e = explain("lines[0].?", err);
        assert_eq!(e.field(), None);
        assert!(e.detail().en().starts_with("The body is not valid JSON"));
        assert!(
            e.detail()
                .nl()
                .starts_with("De inhoud is geen geldige JSON")
        );
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Page {
        after: Option<i64>,
        limit: Option<i64>,
        q: Option<String>,
    }

    #[test]
    fn query_errors_name_the_parameter() {
        let e = parse_query::<Page>("limit=5&after=99999999999999999999").unwrap_err();
        assert_eq!(e.field(), Some("after"));
        assert!(e.detail().en().contains("too large"), "{}", e.detail());
        let e = parse_query::<Page>("limit=ten").unwrap_err();
        assert_eq!(e.field(), Some("limit"));
        assert!(
            e.detail().nl().contains("heel getal"),
            "{}",
            e.detail().nl()
        );
        let page = parse_query::<Page>("q=%23017&limit=5").unwrap();
        assert_eq!((page.q.as_deref(), page.limit), (Some("#017"), Some(5)));
    }

    /// Handlers must use the extractors above: axum's own answer bad input in `text/plain`.
    #[test]
    fn no_handler_uses_axums_own_path_query_or_json_extractors() {
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut offenders = Vec::new();
        let mut dirs = vec![src];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    dirs.push(path);
                    continue;
                }
                if path.file_name().is_some_and(|n| n == "extract.rs") {
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap();
                for (i, line) in text.lines().enumerate() {
                    let imports_axums = line.trim_start().starts_with("use axum::extract")
                        && ["Path", "Query"].iter().any(|name| {
                            line.split(|c: char| !c.is_alphanumeric() && c != '_')
                                .any(|word| word == *name)
                        });
                    let extracts_json = line.contains("Json(") && line.contains(": Json<");
                    if imports_axums || extracts_json {
                        offenders.push(format!("{}:{}: {line}", path.display(), i + 1));
                    }
                }
            }
        }
        assert!(
            offenders.is_empty(),
            "use crate::extract::{{Path, Query, JsonBody}} instead:\n{}",
            offenders.join("\n")
        );
    }
}
