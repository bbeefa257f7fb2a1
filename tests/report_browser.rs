//! `claimscan report` in a real browser: headless Chromium (Debian's
//! `chromium`) loads the pages from `file://`, and we check the DOM it
//! dumps after the page's script has run against the records, and the
//! browser's network log for any request the page made.
//!
//! Skipped, with a message, when no Chromium is installed; `.ci/run`
//! installs it and sets `CLAIMSCAN_REQUIRE_CHROMIUM=1`, which turns the
//! skip into a failure.

use std::path::{Path, PathBuf};
use std::process::Command;

use dom_query::Document;
use serde_json::Value;

use crate::report::{
    HOSTILE, HOSTILE_NAME, check_contract, fixture, scan, stderr,
};
use crate::util::{Dir, claimscan};

/// The browser: `$CLAIMSCAN_CHROMIUM`, else `chromium` or
/// `chromium-browser` on the PATH.
fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("CLAIMSCAN_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    for dir in std::env::split_paths(&path) {
        for name in ["chromium", "chromium-browser"] {
            let p = dir.join(name);
            if p.is_file() {
                return Some(p);
            }
        }
    }
    None
}

/// What one page load gave: the DOM after scripts ran, the URLs the page
/// itself asked the network for, and the browser's console lines.
struct Load {
    dom: String,
    fetched: Vec<String>,
    console: Vec<String>,
}

/// Loads `page` in headless Chromium with every host name mapped to
/// nothing (so a request cannot leave the machine) and a network log.
fn load(browser: &Path, page: &Path, work: &Path) -> Load {
    load_with(browser, page, "", work)
}

/// [`load`], with a query string (the page's filters).
fn load_with(browser: &Path, page: &Path, query: &str, work: &Path) -> Load {
    let net = work.join(format!(
        "net-{}.json",
        page.file_name().unwrap().to_string_lossy()
    ));
    let url =
        format!("file://{}{query}", page.canonicalize().unwrap().display());
    let out = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-extensions",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--host-resolver-rules=MAP * ~NOTFOUND",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!("--user-data-dir={}", work.join("profile").display()))
        .arg(format!("--log-net-log={}", net.display()))
        .args(["--dump-dom", &url])
        .output()
        .expect("run chromium");
    assert!(
        out.status.success(),
        "chromium failed on {url}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let log =
        std::fs::read_to_string(&net).expect("chromium wrote no net log");
    // A log cut short by the exit lacks its closing brackets.
    let log: Value = serde_json::from_str(&log)
        .or_else(|_| {
            serde_json::from_str(&format!(
                "{}]}}",
                log.trim_end().trim_end_matches(',')
            ))
        })
        .expect("net log is JSON");
    let types: std::collections::HashMap<u64, String> =
        log["constants"]["logEventTypes"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, v)| (v.as_u64().unwrap(), k.clone()))
            .collect();
    // Requests the page made carry its (file://, opaque) origin as
    // initiator; the browser's own background requests (update checks)
    // carry "not an origin" and are not the page's doing.
    let mut fetched = Vec::new();
    for e in log["events"].as_array().unwrap() {
        let ty = e["type"].as_u64().and_then(|t| types.get(&t));
        let p = &e["params"];
        if ty.is_some_and(|t| t == "URL_REQUEST_START_JOB")
            && p["initiator"] != "not an origin"
            && let Some(u) = p["url"].as_str()
        {
            fetched.push(u.to_string());
        }
    }
    let console = String::from_utf8_lossy(&out.stderr)
        .lines()
        .filter(|l| l.contains("CONSOLE"))
        .map(str::to_string)
        .collect();
    Load {
        dom: String::from_utf8_lossy(&out.stdout).into_owned(),
        fetched,
        console,
    }
}

/// The checks every rendered report page passes: its script ran to the
/// end, no errors on the console, nothing fetched, no outside URL in the
/// DOM, nothing the text smuggled in.
fn check_page(l: &Load, what: &str) {
    let dom = Document::from(l.dom.as_str());
    assert_eq!(
        dom.select("html").attr("data-ready").as_deref(),
        Some("1"),
        "{what}: the page's script did not finish; console: {:?}",
        l.console
    );
    assert!(l.console.is_empty(), "{what}: console output {:?}", l.console);
    assert!(l.fetched.is_empty(), "{what}: the page fetched {:?}", l.fetched);
    for n in dom.select("[src], [href], [action], [srcset]").nodes() {
        for a in ["src", "href", "action", "srcset"] {
            if let Some(v) = n.attr(a) {
                assert!(
                    !v.contains("//") && !v.starts_with("javascript:"),
                    "{what}: {a}={v:?}"
                );
            }
        }
    }
    assert_eq!(dom.select("img, iframe, object, embed").length(), 0, "{what}");
    assert_eq!(
        dom.select("script").length(),
        2,
        "{what}: a script was injected"
    );
    assert!(
        !dom.select("body").has_attr("data-pwned"),
        "{what}: an event handler ran"
    );
    assert_ne!(dom.select("title").text().as_ref(), "PWNED", "{what}");
}

#[test]
fn rendered_in_chromium_the_dom_matches_the_records_and_nothing_is_fetched() {
    let Some(browser) = chromium() else {
        if std::env::var_os("CLAIMSCAN_REQUIRE_CHROMIUM").is_some() {
            panic!(
                "chromium is required (CLAIMSCAN_REQUIRE_CHROMIUM) but not found"
            );
        }
        eprintln!(
            "SKIPPED report_browser: no chromium on the PATH (apt-get install chromium; .ci/run installs it)"
        );
        return;
    };
    let d = Dir::new();

    // The check of the checks: a page that fetches is caught.
    let control = d.create(
        "control.html",
        "<img src=\"http://claimscan.invalid/x.png\">",
    );
    let l = load(&browser, &control, d.path());
    assert!(
        l.fetched.iter().any(|u| u.contains("claimscan.invalid")),
        "the network log did not show a page's request: {:?}",
        l.fetched
    );

    // The fixture and a hostile document, on one page.
    d.create(&format!("in/{HOSTILE_NAME}"), HOSTILE);
    for f in ["larkspur_freight_q2_2025.txt", "quillon_health_q3_2025.txt"] {
        std::fs::copy(
            fixture().join("news").join(f),
            d.path().join("in").join(f),
        )
        .unwrap();
    }
    let out =
        claimscan(&["report", "-q", "-o", "one", "in"], Some(d.path()), None);
    assert!(out.status.success(), "{}", stderr(&out));
    let records = scan(&["in"], d.path());
    let l = load(&browser, &d.path().join("one/index.html"), d.path());
    check_page(&l, "one page");
    check_contract(std::slice::from_ref(&l.dom), &records);
    let dom = Document::from(l.dom.as_str());
    // The script listed the documents, and the hostile one is text.
    assert_eq!(dom.select("#doc-table tbody tr").length(), 3);
    let sec = dom
        .select("section.doc")
        .nodes()
        .iter()
        .find(|n| n.attr("data-doc").as_deref() == Some(HOSTILE_NAME))
        .cloned()
        .expect("the hostile document's section");
    assert!(sec.text().contains("<script>alert(1)</script>"));
    assert!(dom.select("#doc-table").text().contains(HOSTILE_NAME));

    // The filters, given in the address: a search, a claim label, a kind.
    let page = d.path().join("one/index.html");
    let shown = |l: &Load, sel: &str| -> Vec<String> {
        let dom = Document::from(l.dom.as_str());
        dom.select(sel)
            .nodes()
            .iter()
            .filter(|n| !n.attr("class").is_some_and(|c| c.contains("hidden")))
            .map(|n| {
                n.attr("data-doc")
                    .or_else(|| n.attr("data-claim"))
                    .or_else(|| n.attr("data-id"))
                    .unwrap_or_default()
                    .to_string()
            })
            .collect()
    };
    let l = load_with(&browser, &page, "?q=Kubernetes", d.path());
    check_page(&l, "search");
    assert_eq!(shown(&l, "section.doc"), ["quillon_health_q3_2025.txt"]);
    assert_eq!(
        Document::from(l.dom.as_str()).select("#doc-table tbody tr").length(),
        1
    );
    let l = load_with(&browser, &page, "?label=check-fail", d.path());
    check_page(&l, "label");
    assert_eq!(shown(&l, "section.doc"), ["quillon_health_q3_2025.txt"]);
    assert_eq!(
        shown(&l, "li.claim"),
        ["quillon_health_q3_2025.txt#claim@51-192"]
    );
    let l = load_with(&browser, &page, "?hide=date&hide=skill", d.path());
    check_page(&l, "kinds");
    let dom = Document::from(l.dom.as_str());
    for n in dom.select("mark[data-kind]").nodes() {
        let off = n.attr("class").unwrap().contains(" off");
        let kind = n.attr("data-kind").unwrap();
        assert_eq!(off, matches!(kind.as_ref(), "date" | "skill"), "{kind}");
    }

    // Many documents: the index is a paginated list, each document a page.
    for i in 0..130 {
        d.create(
            &format!("many/doc{i:03}.txt"),
            format!(
                "Doc {i}: revenue rose {}% to ${i}.5 million in Q{} 2025.\n",
                i % 9 + 1,
                i % 4 + 1
            ),
        );
    }
    let out = claimscan(
        &["report", "-q", "-o", "paged", "many"],
        Some(d.path()),
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let l = load(&browser, &d.path().join("paged/index.html"), d.path());
    check_page(&l, "paged index");
    let dom = Document::from(l.dom.as_str());
    assert_eq!(
        dom.select("#doc-table tbody tr").length(),
        100,
        "first page of 100"
    );
    assert!(dom.select("#pager-top").text().contains("page 1 of 2"));
    let mut rendered = Vec::new();
    for p in ["0001.html", "0130.html"] {
        let l = load(&browser, &d.path().join("paged/docs").join(p), d.path());
        check_page(&l, p);
        rendered.push(l.dom);
    }
    let records: Vec<Value> = scan(&["many"], d.path())
        .into_iter()
        .filter(|r| {
            matches!(r["doc"].as_str(), Some("doc000.txt" | "doc129.txt"))
        })
        .collect();
    check_contract(&rendered, &records);
}
