/*!
claimscan turns archives of earnings coverage — news articles, blog posts,
call transcripts — into datasets of typed mentions: percentages, counts,
money amounts, dates and fiscal periods, and skills.

The library is a pipeline of stages, each a module, each handing one type
to the next:

1. [`source`] — which files to read: walks folders (sorted, so runs are
   reproducible) and yields [`source::Source`]s or per-file errors.
2. [`reader`] — bytes → [`reader::Document`]: decodes text, rejects binary
   files, records warnings for invalid UTF-8.
3. [`segment`] — splits very large documents into chunks at line breaks so
   that one big file still uses every core.
4. [`extract`] — text → [`extract::Mention`]s, with the extractors compiled
   once in an [`extract::ExtractorSet`] and shared by every worker.
5. [`sink`] — mentions → output records (JSON Lines, in the contract of
   `records.md`), and the run's [`sink::Summary`].

```text
 PATH... ─▶ source ─▶ reader ─▶ segment ─▶ extract ─▶ sink ─▶ JSONL
            (walk)    (decode)   (chunks)   (AC+scan)  (encode, in order)
```

[`pipeline::run`] is the only place that knows every stage; parallelism
(rayon) lives there, and output order does not depend on the thread count.

```
use claimscan::extract::{DocContext, ExtractorSet, Kind};

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
pub mod pipeline;
pub mod reader;
pub mod segment;
pub mod sink;
pub mod source;

pub use config::{Config, ConfigBuilder};
pub use error::Error;
pub use pipeline::run;
