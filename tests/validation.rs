//! Parameter validation, table-driven from `tests/validation/cases.json` (the JS suite reads the same
//! file): every case asserts the exact path, code, severity and gateway code of every issue, and the
//! exact message in both locales where the case gives one.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // test code: a failure should stop loudly
use lesspay2::json;
use lesspay2::validation::{validate, validate_field, validate_json, Code, Issue, Kind, Locale, Options, Param, Report, Segment, Severity};
use serde_json::{json as j, Value as J};

fn cases() -> J {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/validation/cases.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn path_of(p: &J) -> Vec<Segment> {
    p.as_array()
        .unwrap()
        .iter()
        .map(|s| match s {
            J::String(k) => Segment::from(k.as_str()),
            J::Number(n) => Segment::Index(n.as_u64().unwrap() as usize),
            other => panic!("bad path segment {other}"),
        })
        .collect()
}

fn path_json(p: &[Segment]) -> J {
    J::Array(
        p.iter()
            .map(|s| match s {
                Segment::Key(k) => j!(k),
                Segment::Index(i) => j!(i),
            })
            .collect(),
    )
}

fn slot<'a>(root: &'a mut J, path: &[J]) -> &'a mut J {
    path.iter().fold(root, |v, seg| match seg {
        J::String(k) => &mut v[k.as_str()],
        J::Number(n) => {
            let (a, i) = (v.as_array_mut().unwrap(), n.as_u64().unwrap() as usize);
            if i == a.len() {
                a.push(J::Null);
            }
            &mut a[i]
        }
        _ => unreachable!(),
    })
}

/// The case's params: its base (or `params`) with `set` and `unset` applied.
fn params_of(doc: &J, case: &J) -> (Kind, J) {
    let (kind, mut params) = match doc["valid"].get(case["base"].as_str().unwrap()) {
        Some(base) => (base["kind"].as_str().unwrap(), base["params"].clone()),
        None => (case["base"].as_str().unwrap(), J::Null),
    };
    if let Some(p) = case.get("params") {
        params = p.clone();
    }
    for pair in case["set"].as_array().into_iter().flatten() {
        let path = pair[0].as_array().unwrap();
        *slot(&mut params, path) = pair[1].clone();
    }
    for path in case["unset"].as_array().into_iter().flatten() {
        let path = path.as_array().unwrap();
        let (last, parent) = path.split_last().unwrap();
        slot(&mut params, parent).as_object_mut().unwrap().remove(last.as_str().unwrap()).unwrap();
    }
    (Kind::from_name(kind).unwrap(), params)
}

fn options(doc: &J, case: &J, locale: Locale) -> Options {
    let now = case.get("now").unwrap_or(&doc["now"]).as_i64().unwrap();
    Options { locale, now_ms: now }
}

/// One issue as comparable JSON: path, code, severity, gatewayCode.
fn shape(i: &Issue) -> J {
    let mut o = j!({ "path": path_json(&i.path), "code": i.code.as_str(), "severity": i.severity.as_str() });
    if let Some(g) = i.gateway_code {
        o["gatewayCode"] = j!(g);
    }
    o
}

fn sorted(mut v: Vec<J>) -> Vec<J> {
    v.sort_by_key(|x| x.to_string());
    v
}

#[test]
fn every_valid_base_has_no_issue_at_all() {
    let doc = cases();
    for (name, base) in doc["valid"].as_object().unwrap() {
        let kind = Kind::from_name(base["kind"].as_str().unwrap()).unwrap();
        let report = validate_json(kind, &base["params"].to_string(), &options(&doc, &j!({}), Locale::En));
        assert!(report.valid && report.issues.is_empty(), "{name}: {:#?}", report.issues);
    }
}

#[test]
fn every_case_reports_exactly_its_issues() {
    let doc = cases();
    let mut kinds_seen = std::collections::BTreeSet::new();
    for case in doc["cases"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        let (kind, params) = params_of(&doc, case);
        kinds_seen.insert(kind.name());
        let report = validate_json(kind, &params.to_string(), &options(&doc, case, Locale::En));
        let expected: Vec<J> = case["expect"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                let mut e = e.clone();
                let o = e.as_object_mut().unwrap();
                o.remove("en");
                o.remove("zh");
                e
            })
            .collect();
        let got: Vec<J> = report.issues.iter().map(shape).collect();
        assert_eq!(sorted(got), sorted(expected.clone()), "case {name:?}");
        let has_error = expected.iter().any(|e| e["severity"] == "error");
        assert_eq!(report.valid, !has_error, "case {name:?}: valid");
    }
    assert_eq!(kinds_seen.len(), Kind::ALL.len(), "every kind has cases");
}

#[test]
fn messages_in_both_locales() {
    let doc = cases();
    let mut checked = 0;
    for case in doc["cases"].as_array().unwrap() {
        let (kind, params) = params_of(&doc, case);
        for (locale, key) in [(Locale::En, "en"), (Locale::ZhCn, "zh")] {
            let report = validate_json(kind, &params.to_string(), &options(&doc, case, locale));
            for e in case["expect"].as_array().unwrap() {
                let Some(message) = e.get(key) else { continue };
                let issue = report
                    .issues
                    .iter()
                    .find(|i| path_json(&i.path) == e["path"] && i.code.as_str() == e["code"])
                    .unwrap();
                assert_eq!(issue.message, message.as_str().unwrap(), "case {:?} ({key})", case["name"]);
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 130, "messages checked");
}

/// The string values under keys that hold secrets or card data, anywhere in `v`.
fn sensitive(v: &J, out: &mut Vec<String>) {
    match v {
        J::Object(o) => {
            for (k, v) in o {
                if let (true, Some(s)) = (["number", "cvv", "bank_account_no", "account_number", "iban", "token"].contains(&k.as_str()), v.as_str()) {
                    out.push(s.to_owned());
                }
                sensitive(v, out);
            }
        }
        J::Array(a) => a.iter().for_each(|v| sensitive(v, out)),
        _ => {}
    }
}

#[test]
fn messages_never_echo_card_data_or_account_numbers_and_differ_by_locale() {
    let doc = cases();
    for case in doc["cases"].as_array().unwrap() {
        let (kind, params) = params_of(&doc, case);
        let mut secrets = Vec::new();
        sensitive(&params, &mut secrets);
        let en = validate_json(kind, &params.to_string(), &options(&doc, case, Locale::En));
        let zh = validate_json(kind, &params.to_string(), &options(&doc, case, Locale::ZhCn));
        assert_eq!(en.issues.len(), zh.issues.len(), "case {:?}", case["name"]);
        for (a, b) in en.issues.iter().zip(&zh.issues) {
            assert!(!a.message.is_empty() && a.message != b.message, "{:?}", a.message);
            assert!(b.message.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{:?}", b.message);
            for s in secrets.iter().filter(|s| s.len() >= 3) {
                for m in [&a.message, &b.message] {
                    assert!(!m.contains(s.as_str()), "case {:?}: {m:?} echoes {s:?}", case["name"]);
                }
                for (_, p) in &a.params {
                    assert!(!p.to_string().contains(s.as_str()), "case {:?}: params echo {s:?}", case["name"]);
                }
            }
        }
    }
}

#[test]
fn validate_field_is_consistent_with_validate() {
    let doc = cases();
    for case in doc["cases"].as_array().unwrap() {
        let (kind, params) = params_of(&doc, case);
        let text = params.to_string();
        let opts = options(&doc, case, Locale::En);
        let full = validate_json(kind, &text, &opts);
        let parsed = json::parse_value(&text).unwrap();
        for e in case["expect"].as_array().unwrap() {
            let path = path_of(&e["path"]);
            if path.is_empty() {
                continue;
            }
            // The field's value taken out of the form, then given back through validate_field.
            let value_json = path.iter().try_fold(&params, |v, s| match s {
                Segment::Key(k) => v.get(k),
                Segment::Index(i) => v.get(i),
            });
            let value_text = value_json.map(|v| v.to_string());
            let value = value_text.as_deref().map(|t| json::parse_value(t).unwrap());
            let mut context = params.clone();
            if let (Some(Segment::Key(last)), Some(parent)) = (path.last(), path.split_last().map(|(_, p)| p)) {
                let parent_json = parent.iter().try_fold(&mut context, |v, s| match s {
                    Segment::Key(k) => v.get_mut(k),
                    Segment::Index(i) => v.get_mut(i),
                });
                if let Some(J::Object(o)) = parent_json {
                    o.remove(last);
                }
            }
            let context_text = context.to_string();
            let context_value = json::parse_value(&context_text).unwrap();
            let field = validate_field(kind, &path, value.as_ref(), Some(&context_value), &opts);
            let expected: Vec<&Issue> = full.issues.iter().filter(|i| i.path.starts_with(&path)).collect();
            assert_eq!(field.issues.iter().collect::<Vec<_>>(), expected, "case {:?} at {path:?}", case["name"]);
            assert!(field.issues.iter().any(|i| i.code.as_str() == e["code"]), "case {:?}", case["name"]);
            // And the same with the untouched form as context.
            let same = validate_field(kind, &path, value.as_ref(), Some(&parsed), &opts);
            assert_eq!(same.issues, field.issues);
        }
    }
}

#[test]
fn validate_field_as_the_user_types() {
    let opts = Options::new(1_781_524_800_000);
    let field = |path: &[&str], value: &str| {
        let path: Vec<Segment> = path.iter().map(|s| Segment::from(*s)).collect();
        let v = json::parse_value(value).unwrap();
        validate_field(Kind::CreatePayin, &path, Some(&v), None, &opts)
    };
    assert_eq!(
        field(&["target_amount"], "\"12.5x\""),
        Report {
            valid: false,
            issues: vec![Issue {
                path: vec![Segment::from("target_amount")],
                code: Code::AmountFormat,
                severity: Severity::Error,
                message: "target_amount must be a positive decimal such as \"100.50\", without sign, exponent, separators, spaces or leading zeros".into(),
                params: vec![],
                gateway_code: Some(11),
            }],
        }
    );
    assert_eq!(field(&["target_amount"], "\"12.50\""), Report { valid: true, issues: vec![] });
    // Nested fields are created on the way; only issues at or below the path are returned.
    let r = field(&["channel_extra", "card_data", "number"], "\"4242424242424241\"");
    assert_eq!(r.issues.iter().map(|i| i.code.as_str()).collect::<Vec<_>>(), ["checksum"]);
    // A removed value is "required".
    let path = [Segment::from("request_id")];
    let r = validate_field(Kind::CreatePayin, &path, None, None, &opts);
    let required = Issue {
        path: path.to_vec(),
        code: Code::Required,
        severity: Severity::Error,
        message: "request_id is required".into(),
        params: vec![],
        gateway_code: Some(11),
    };
    assert_eq!(r, Report { valid: false, issues: vec![required] });
}

#[test]
fn validate_field_answers_a_path_deeper_than_any_request_without_building_it() {
    let opts = Options::new(1_781_524_800_000);
    let amount = json::parse_value("\"12.5x\"").unwrap();
    // Below the limit the path is built, and its issues are the ones at or below it: none, since the
    // unknown field is reported at its first step.
    let at_limit: Vec<Segment> = std::iter::repeat_n(Segment::from("a"), json::MAX_DEPTH - 1).collect();
    let r = validate_field(Kind::CreatePayin, &at_limit, Some(&amount), None, &opts);
    assert_eq!((r.valid, r.issues.len()), (true, 0));
    let r = validate_field(Kind::CreatePayin, &at_limit[..1], Some(&amount), None, &opts);
    let unknown = Issue {
        path: vec![Segment::from("a")],
        code: Code::UnknownField,
        severity: Severity::Warning,
        message: "a is not a documented parameter of this request; check its spelling".into(),
        params: vec![],
        gateway_code: None,
    };
    assert_eq!(r, Report { valid: true, issues: vec![unknown] });
    // Beyond it, the same answer without a tree 20,000 levels deep: on a 256 KiB stack (a small
    // thread's) building and dropping that tree recursively overflowed it and aborted the process.
    let answer = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || {
            let mut deep: Vec<Segment> = vec![Segment::from("payout_order_details"), Segment::from(0), Segment::from("amount")];
            deep.extend(std::iter::repeat_n(Segment::from("a"), 20_000));
            let r = validate_field(Kind::CreatePayout, &deep, Some(&amount), None, &opts);
            (r.valid, r.issues.len())
        })
        .unwrap()
        .join()
        .unwrap();
    assert_eq!(answer, (true, 0));
}

#[test]
fn text_that_is_not_json_is_one_format_issue() {
    let r = validate_json(Kind::FetchPayout, "{\"request_id\": 'R1'}", &Options::new(0));
    assert_eq!(r.issues.len(), 1);
    assert_eq!((r.issues[0].code.as_str(), r.issues[0].path.len()), ("format", 0));
    assert_eq!(r.issues[0].message, "params could not be read as strict JSON: check the text at byte 15");
    assert_eq!(r.issues[0].params, [("at", Param::Int(15))]);
    // Half an emoji, as a length limit leaves it: said in the user's language, not the parser's English.
    let half = r#"{"product_name":"Deposit \ud83d"}"#;
    let r = validate_json(Kind::CreatePayin, half, &Options::new(0));
    let cut = Issue {
        path: vec![],
        code: Code::Format,
        severity: Severity::Error,
        message: "params contain half a character (an emoji cut in two), which the gateway would sign as ?".into(),
        params: vec![],
        gateway_code: Some(11),
    };
    assert_eq!(r.issues, [cut]);
    let r = validate_json(Kind::CreatePayin, half, &Options { locale: Locale::ZhCn, ..Options::new(0) });
    assert_eq!(r.issues[0].message, "params 含有半个字符（如被截断的表情符号），网关签名时会将其替换为“?”");
    // Every other reason the parser gives, in both languages, of params (the parser's own speak of a body).
    let zh = Options { locale: Locale::ZhCn, ..Options::new(0) };
    let deep = format!("{}1{}", "[".repeat(129), "]".repeat(129));
    let cases: [(&str, &str, &str); 6] = [
        ("", "params are empty: expected a JSON object", "params 为空：应为 JSON 对象"),
        ("{\"a\":\"\\x\"}", "params could not be read as strict JSON: check the text at byte 6", "params 不是严格的 JSON：请检查字节偏移 6 处的文本"),
        ("{\"a\":1e9999999999}", "params hold a number at byte 5 beyond what the gateway can read (exponent or scale outside 32 bits, or over 65535 characters as written or as the gateway rewrites it)", "params 在字节偏移 5 处的数字超出网关可读取的范围（指数或小数位数超出 32 位，或书写或经网关改写后超过 65535 个字符）"),
        (&deep, "params are nested deeper than 128 levels", "params 的嵌套超过 128 层"),
        ("{\"request_id\":\"R1\",\"@type\":\"x\"}", "params hold the key \"@type\", which the gateway's JSON parser reads as a directive, not data; rename it", "params 含有键 \"@type\"，网关的 JSON 解析器会将其当作指令而非数据，请重命名"),
        ("{\"$ref\":\"x\"}", "params hold the key \"$ref\", which the gateway's JSON parser reads as a directive, not data; rename it", "params 含有键 \"$ref\"，网关的 JSON 解析器会将其当作指令而非数据，请重命名"),
    ];
    for (text, en, zh_text) in cases {
        let r = validate_json(Kind::FetchPayout, text, &Options::new(0));
        assert_eq!((r.valid, r.issues.len(), r.issues[0].code.as_str(), r.issues[0].message.as_str()), (false, 1, "format", en));
        assert_eq!(validate_json(Kind::FetchPayout, text, &zh).issues[0].message, zh_text);
    }
}

#[test]
fn kinds_round_trip_and_params_are_exposed() {
    for kind in Kind::ALL {
        assert_eq!(Kind::from_name(kind.name()), Some(kind));
    }
    assert_eq!(Kind::from_name("createPayIn"), None);
    // Each kind's endpoint, as spec section 1 lists them.
    let paths: Vec<_> = Kind::ALL.iter().map(|k| k.path()).collect();
    assert_eq!(
        paths,
        [
            "/api/global/v1/pay/create-order",
            "/api/global/v1/pay/query-order",
            "/api/global/payout/create-order",
            "/api/global/payout/batch/create-order",
            "/api/global/payout/query",
            "/api/global/payout/bank",
        ]
    );
    for tag in ["zh-CN", "zh", "ZH", "zh-Hans-SG", "zh_CN", "zh-TW", "zho", "CHI-cn", "cmn-Hans", " zh-CN\n"] {
        assert_eq!(Locale::from_tag(tag), Locale::ZhCn, "{tag}");
    }
    for tag in ["en", "en-US", "fr", "", "zhx", "-zh", "z", "zh\u{a0}", "cmnx"] {
        assert_eq!(Locale::from_tag(tag), Locale::En, "{tag}");
    }
    let v = json::parse_value(r#"{"request_id":"RRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRR"}"#).unwrap();
    let r = validate(Kind::FetchPayout, &v, &Options::new(0));
    assert_eq!(r.issues.len(), 1);
    let issue = &r.issues[0];
    assert_eq!(issue.code.as_str(), "too_long");
    assert_eq!(issue.param("max").map(|p| p.to_string()).as_deref(), Some("64"));
    assert_eq!(issue.param("length").map(|p| p.to_string()).as_deref(), Some("65"));
    assert_eq!(
        *issue,
        Issue {
            path: vec![Segment::from("request_id")],
            code: Code::TooLong,
            severity: Severity::Error,
            message: "request_id must be at most 64 characters, not 65".into(),
            params: vec![("max", Param::Int(64)), ("length", Param::Int(65))],
            gateway_code: Some(30000),
        }
    );
}

/// Hostile input never panics (a panic would abort the wasm instance): every leaf and every object of
/// every valid base replaced, one at a time, by odd JSON values, plus odd values as the whole params.
#[test]
fn odd_values_anywhere_never_panic() {
    let odd: Vec<J> = vec![
        j!(null),
        j!(""),
        j!(" "),
        j!(true),
        j!(0),
        j!(-1),
        j!(1.5),
        j!(u64::MAX),
        j!(i64::MIN),
        j!("9".repeat(400)),
        j!("0x"),
        j!("T"),
        j!("€💳\u{2028}"),
        j!("1".repeat(10_000)),
        j!([]),
        j!([null, {}, [[]]]),
        j!({}),
        j!({ "number": "4242424242424242", "$": 1 }),
        j!("29-02-2100"),
        j!("0000-00-00"),
        j!("https://[::1]:0/"),
        j!("a@b.c"),
    ];
    fn leaves(v: &J, path: &mut Vec<J>, out: &mut Vec<Vec<J>>) {
        out.push(path.clone());
        match v {
            J::Object(o) => o.iter().for_each(|(k, v)| {
                path.push(j!(k));
                leaves(v, path, out);
                path.pop();
            }),
            J::Array(a) => a.iter().enumerate().for_each(|(i, v)| {
                path.push(j!(i));
                leaves(v, path, out);
                path.pop();
            }),
            _ => {}
        }
    }
    let doc = cases();
    let mut runs = 0;
    for base in doc["valid"].as_object().unwrap().values() {
        let kind = Kind::from_name(base["kind"].as_str().unwrap()).unwrap();
        let mut paths = Vec::new();
        leaves(&base["params"], &mut Vec::new(), &mut paths);
        for path in &paths {
            for value in &odd {
                let mut params = base["params"].clone();
                *slot(&mut params, path) = value.clone();
                for locale in [Locale::En, Locale::ZhCn] {
                    let report = validate_json(kind, &params.to_string(), &Options { locale, now_ms: i64::MAX });
                    assert_eq!(report.valid, report.issues.iter().all(|i| i.severity == Severity::Warning));
                    assert!(report.issues.iter().all(|i| !i.message.is_empty()));
                    runs += 1;
                }
            }
        }
    }
    for value in &odd {
        for kind in Kind::ALL {
            let report = validate_json(kind, &value.to_string(), &Options { locale: Locale::En, now_ms: i64::MIN });
            // Every odd value is invalid params: an object misses required fields, anything else is
            // the one type issue at the root.
            assert!(!report.valid, "{kind} {value}");
            let type_name = match value {
                J::Object(_) => continue,
                J::Null => "null",
                J::String(_) => "string",
                J::Array(_) => "array",
                J::Number(_) => "number",
                J::Bool(_) => "boolean",
            };
            let issues: Vec<_> = report.issues.iter().map(|i| (i.path.as_slice(), i.code, i.message.as_str())).collect();
            let message = format!("params must be a JSON object, not {type_name}");
            assert_eq!(issues, [(&[][..], Code::Type, message.as_str())], "{kind} {value}");
        }
    }
    assert_eq!(runs, 10_472);
}

#[test]
fn duplicate_detail_ids_in_a_large_batch_each_point_at_their_first() {
    // 3,000 details over 1,000 ids (plus some without an id): enough to collide in the lookup table.
    // Expected issues come from a plain quadratic scan here.
    let doc = cases();
    let mut params = doc["valid"]["createPayoutBatch"]["params"].clone();
    let template = params["payout_order_details"][0].clone();
    let ids: Vec<Option<String>> =
        (0..3000).map(|i| if i % 7 == 3 { None } else { Some(format!("D{}", (i * 7919) % 1000)) }).collect();
    let details: Vec<J> = ids
        .iter()
        .map(|id| {
            let mut d = template.clone();
            match id {
                Some(id) => d["mch_order_id"] = j!(id),
                None => d["mch_order_id"] = j!(42),
            }
            d
        })
        .collect();
    params["payout_order_details"] = J::Array(details);
    let text = serde_json::to_string(&params).unwrap();
    let report = validate_json(Kind::CreatePayoutBatch, &text, &Options::new(0));
    let got: Vec<(usize, String)> = report
        .issues
        .iter()
        .filter(|i| i.code.as_str() == "duplicate")
        .map(|i| {
            let Segment::Index(at) = i.path[1] else { panic!("{:?}", i.path) };
            (at, i.param("first").unwrap().to_string())
        })
        .collect();
    let expected: Vec<(usize, String)> = ids
        .iter()
        .enumerate()
        .filter_map(|(i, id)| {
            let id = id.as_ref()?;
            let first = ids.iter().position(|other| other.as_ref() == Some(id))?;
            (first < i).then(|| (i, first.to_string()))
        })
        .collect();
    assert_eq!(expected.len(), 3000 - 429 - 1000);
    assert_eq!(got, expected);
}

#[test]
fn kinds_codes_and_severities_read_and_print_as_their_names() {
    for kind in Kind::ALL {
        assert_eq!(kind.to_string().parse::<Kind>(), Ok(kind));
    }
    assert_eq!("createPayIn".parse::<Kind>().unwrap_err().to_string(), "not a request kind: createPayin, fetchPayin, createPayout, createPayoutBatch, fetchPayout or payoutBanks");
    let r = validate_json(Kind::FetchPayout, "{}", &Options::new(0));
    assert_eq!(r.issues.len(), 1);
    let issue = &r.issues[0];
    assert_eq!(format!("{} {} {}", Kind::FetchPayout, issue.severity, issue.code), "fetchPayout error one_of_required");
    assert_eq!(
        *issue,
        Issue {
            path: vec![Segment::from("request_id")],
            code: Code::OneOfRequired,
            severity: Severity::Error,
            message: "at least one of request_id, pay_order_id is required".into(),
            params: vec![("fields", Param::Text("request_id, pay_order_id".into()))],
            gateway_code: Some(30000),
        }
    );
}

#[test]
fn a_report_lists_at_most_max_issues_and_then_says_so() {
    use lesspay2::validation::{Code, Param, MAX_ISSUES};
    // The request misses its six required fields and each empty detail its nine: 1,000 details are
    // 9,006 issues, 1,200 are 10,806.
    let batch = |details: usize| format!(r#"{{"payout_order_details":[{}]}}"#, vec!["{}"; details].join(","));
    let options = |locale| Options { locale, now_ms: 1_700_000_000_000 };
    let small = validate_json(Kind::CreatePayoutBatch, &batch(1_000), &options(Locale::En));
    assert_eq!(small.issues.len(), 9_006);
    assert!(small.issues.iter().all(|i| i.code != Code::TooManyIssues));
    for details in [1_200, 200_000] {
        let report = validate_json(Kind::CreatePayoutBatch, &batch(details), &options(Locale::En));
        assert_eq!(report.issues.len(), MAX_ISSUES + 1);
        assert!(!report.valid);
        let last = report.issues.last().unwrap();
        assert_eq!((last.path.as_slice(), last.code.as_str(), last.severity, last.gateway_code), (&[][..], "too_many_issues", Severity::Error, None));
        assert_eq!(last.params, vec![("max", Param::Int(10_000))]);
        assert_eq!(last.message, "more than 10000 problems: the first 10000 are listed; fix them and validate again");
        // The first ones are the issues a smaller batch has, in the same order.
        assert_eq!(report.issues[..small.issues.len()], small.issues[..]);
    }
    let zh = validate_json(Kind::CreatePayoutBatch, &batch(1_200), &options(Locale::ZhCn));
    assert_eq!(zh.issues.last().unwrap().message, "问题超过 10000 个：仅列出前 10000 个；请修正后重新校验");
}

/// Cases of `tests/validation/cases.json` with their full issues, messages and params included (the
/// file holds path, code, severity and gatewayCode; its count of messages is shared with the JS suite).
#[test]
fn cases_in_full_with_messages_and_params() {
    let doc = cases();
    let run = |name: &str, locale: Locale| {
        let case = doc["cases"].as_array().unwrap().iter().find(|c| c["name"] == name).unwrap_or_else(|| panic!("no case {name:?}"));
        let (kind, params) = params_of(&doc, case);
        validate_json(kind, &params.to_string(), &options(&doc, case, locale))
    };
    let key = |k: &[&str]| k.iter().map(|s| Segment::from(*s)).collect::<Vec<_>>();
    let valid = Report { valid: true, issues: vec![] };
    // channel_extra is required for card payments in OpenAPI mode only (spec 4.1): not for another
    // payment in OpenAPI mode, nor for a card payment at the cashier.
    assert_eq!(run("crypto payment in OpenAPI mode needs no channel_extra (only card payments do)", Locale::En), valid);
    assert_eq!(run("card payment in cashier mode needs no channel_extra", Locale::En), valid);
    // expired_time is an Integer (spec 4.1): a negative one is out of range, digits in a string are the
    // wrong type (only fetch pay-in takes its numbers as strings).
    let range = vec![("min", Param::Int(1)), ("max", Param::Int(i64::from(i32::MAX)))];
    let negative = Issue {
        path: key(&["expired_time"]),
        code: Code::OutOfRange,
        severity: Severity::Error,
        message: "expired_time must be a whole number from 1 to 2147483647".into(),
        params: range,
        gateway_code: Some(11),
    };
    assert_eq!(run("expired_time negative", Locale::En), Report { valid: false, issues: vec![negative] });
    let text = Issue {
        path: key(&["expired_time"]),
        code: Code::Type,
        severity: Severity::Error,
        message: "expired_time must be a JSON integer, not string".into(),
        params: vec![("expected", Param::Text("integer".into())), ("actual", Param::Text("string".into()))],
        gateway_code: Some(11),
    };
    assert_eq!(run("expired_time as a digit string is a type error (an Integer, unlike fetch pay-in's page)", Locale::En), Report { valid: false, issues: vec![text] });
    // destination.type crypto_wallet needs the crypto_wallet object (spec 4.4).
    let wallet = Issue {
        path: key(&["beneficiary", "destination", "crypto_wallet"]),
        code: Code::Required,
        severity: Severity::Error,
        message: "beneficiary.destination.crypto_wallet is required when beneficiary.destination.type is crypto_wallet".into(),
        params: vec![("other", Param::Text("beneficiary.destination.type".into())), ("value", Param::Text("crypto_wallet".into()))],
        gateway_code: Some(30000),
    };
    assert_eq!(run("crypto_wallet object missing", Locale::En), Report { valid: false, issues: vec![wallet] });
    // account_number or iban (spec 4.4): inside an object, the message names it.
    let fields = ("fields", Param::Text("account_number, iban".into()));
    let one_of = Issue {
        path: key(&["beneficiary", "destination", "bank", "account_number"]),
        code: Code::OneOfRequired,
        severity: Severity::Error,
        message: "beneficiary.destination.bank needs at least one of account_number, iban".into(),
        params: vec![fields, ("parent", Param::Text("beneficiary.destination.bank".into()))],
        gateway_code: Some(30000),
    };
    assert_eq!(run("neither account_number nor iban", Locale::En), Report { valid: false, issues: vec![one_of.clone()] });
    let zh = Issue { message: "beneficiary.destination.bank 中的 account_number, iban 至少需要提供一个".into(), ..one_of };
    assert_eq!(run("neither account_number nor iban", Locale::ZhCn), Report { valid: false, issues: vec![zh] });
}

/// `validate_field` places the value in an array of a form as long as 100,001 elements: the issues of
/// index 100,000 are those of the value given, not of the element it replaces.
#[test]
fn validate_field_places_a_value_at_index_100_000() {
    let doc = cases();
    let mut params = doc["valid"]["createPayoutBatch"]["params"].clone();
    let template = params["payout_order_details"][0].clone();
    let details: Vec<J> = (0..=100_000)
        .map(|i| {
            let mut d = template.clone();
            d["mch_order_id"] = j!(format!("D{i}"));
            d
        })
        .collect();
    params["payout_order_details"] = J::Array(details);
    let text = params.to_string();
    let context = json::parse_value(&text).unwrap();
    let opts = Options::new(1_781_524_800_000);
    let path = [Segment::from("payout_order_details"), Segment::from(100_000), Segment::from("amount")];
    let amount = json::parse_value("\"1.005\"").unwrap();
    let r = validate_field(Kind::CreatePayoutBatch, &path, Some(&amount), Some(&context), &opts);
    let precision = Issue {
        path: path.to_vec(),
        code: Code::AmountPrecision,
        severity: Severity::Error,
        message: "payout_order_details[100000].amount may have at most 2 decimal places in PHP".into(),
        params: vec![("digits", Param::Int(2)), ("currency", Param::Text("PHP".into()))],
        gateway_code: Some(30009),
    };
    assert_eq!(r, Report { valid: false, issues: vec![precision] });
}

/// Past index 100,000, beyond the form's own list, nothing is made and nothing is reported (as for a
/// path deeper than params may nest): documented at `validate_field`.
#[test]
fn validate_field_makes_no_list_past_index_100_000() {
    let opts = Options::new(1_781_524_800_000);
    let bad = json::parse_value("\"abc\"").unwrap();
    let at = |index: usize| [Segment::from("payout_order_details"), Segment::from(index), Segment::from("amount")];
    assert_eq!(validate_field(Kind::CreatePayoutBatch, &at(100_001), Some(&bad), None, &opts), Report { valid: true, issues: vec![] });
    let issues = validate_field(Kind::CreatePayoutBatch, &at(100_000), Some(&bad), None, &opts).issues;
    assert_eq!(issues.iter().map(|i| (i.code, i.message.as_str())).collect::<Vec<_>>(), vec![(
        Code::AmountFormat,
        "payout_order_details[100000].amount must be a positive decimal such as \"100.50\", without sign, exponent, separators, spaces or leading zeros"
    )]);
}

/// Only the field's issues count toward MAX_ISSUES: 5,000 details with a bad amount fill a whole
/// report before the last one, whose issue validate_field still finds.
#[test]
fn a_long_forms_other_issues_do_not_crowd_out_the_fields() {
    let details: Vec<J> = (0..5000).map(|i| j!({"mch_order_id": format!("M{i}"), "amount": "x"})).collect();
    let text = j!({"payout_order_details": details}).to_string();
    let form = json::parse_value(&text).unwrap();
    let opts = Options::new(1_781_524_800_000);
    let all = validate(Kind::CreatePayoutBatch, &form, &opts);
    assert_eq!((all.issues.len(), all.issues.last().map(|i| i.code)), (10_001, Some(Code::TooManyIssues)));
    let path = [Segment::from("payout_order_details"), Segment::from(4999), Segment::from("amount")];
    let bad = json::parse_value("\"abc\"").unwrap();
    let issues = validate_field(Kind::CreatePayoutBatch, &path, Some(&bad), Some(&form), &opts).issues;
    assert_eq!(issues.iter().map(|i| (i.path.clone(), i.code)).collect::<Vec<_>>(), vec![(path.to_vec(), Code::AmountFormat)]);
}
