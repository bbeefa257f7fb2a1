/*!
claimscan turns archives of earnings coverage — news articles, blog posts,
call transcripts — into datasets of typed mentions: percentages, counts,
money amounts, dates and fiscal periods, and skills.

The library is a pipeline of stages, each a module, each handing one type
to the next:

1. [`source`] — which files to read: walks folders (sorted, so runs are
   reproducible) and yields [`record::Source`]s or per-file errors.
2. [`reader`] — bytes → [`record::Document`]: decodes text, rejects binary
   files, records warnings for invalid UTF-8.
3. [`segment`] — splits very large documents into chunks at line breaks so
   that one big file still uses every core.
4. [`extract`] — text → [`record::Mention`]s, with the extractors compiled
   once in an [`extract::ExtractorSet`] and shared by every worker.
5. [`claim`] — mentions → [`record::Claim`]s, what each sentence states
   about a metric.
6. [`sink`] — records → output (JSON Lines, CSV or Parquet tables), and the
   run's [`sink::Summary`].

After the stages, [`panel`] turns claim records into one value per
company, concept and period (`claimscan panel`, `scan --panel`), and
[`crosscheck`] judges coverage against its source.

Beside the pipeline, [`report`] turns records back into a static HTML
review page (`claimscan report`).

The types the stages hand each other live in [`record`], so that a stage
imports the records, not another stage. What every field of the output
means is written down in `docs/records.md`.

```text
 PATH... ─▶ source ─▶ reader ─▶ segment ─▶ extract ─▶ claim ─▶ sink ─▶ JSONL
            (walk)    (decode)   (chunks)   (AC+scan)  (clauses) (encode, in order)
```

[`pipeline::run`] is the only place that knows every stage; parallelism
(rayon) lives there, and output order does not depend on the thread count.

```
use claimscan::extract::ExtractorSet;
use claimscan::record::{DocContext, Kind};

let set = ExtractorSet::builtin();
let text = "Active clients fell 7% from 855,000 to 794,000 in Q3 2025.";
let mentions = set.extract(text, &DocContext::default());
let kinds: Vec<Kind> = mentions.iter().map(|m| m.kind).collect();
assert_eq!(kinds, [Kind::Percent, Kind::Count, Kind::Count, Kind::Date]);
```
*/

#![deny(missing_docs)]

pub mod claim;
pub mod config;
pub mod crosscheck;
pub mod error;
pub mod eval;
pub mod extract;
pub mod panel;
pub mod pipeline;
pub mod reader;
pub mod record;
pub mod report;
pub mod segment;
pub mod sink;
pub mod source;

pub use config::{Config, ConfigBuilder};
pub use error::Error;
pub use pipeline::run;
