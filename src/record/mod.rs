/*!
The records: the types every stage hands to the next, in one place.

A stage reads the records of the stages before it and produces its own, so
the types live here rather than in the stage that happens to make them.
A reader, a sink or the scorer imports `crate::record`, never another
stage's module, to name a document, a mention or a claim:

- [`Walk`] items, each a [`Source`] (with its [`Location`]), an error or a
  skipped file: what the walk produces (stage 1);
- [`Document`] with its [`Meta`], [`Format`] and [`DocContext`]: what a
  reader produces (stage 2);
- [`Mention`], its [`Kind`] and [`Value`]: what the extractors produce
  (stage 4);
- [`Analysis`] and its [`Claim`]s, with [`Level`], [`Change`],
  [`Direction`] and [`Check`]: what the claim stage produces (stage 5);
- [`InputError`] and its [`Severity`]: a problem with one input, which any
  stage may report and which becomes an `error` record;
- [`CharIndex`] and [`count_chars`]: the conversion from the byte offsets
  the stages work in to the code-point offsets of the output.

The stages keep their logic; this module holds plain data and the small
methods that name it in the output (`as_str`, `parse`). What each field
means in the JSON-lines output is written down in `docs/records.md`.
*/

mod claim;
mod document;
mod error;
mod input;
mod mention;
mod offset;
mod turn;

pub use claim::{Analysis, Change, Check, Claim, Direction, Level};
pub use document::{DocContext, Document, Format, Meta};
pub use error::{InputError, Severity};
pub use input::{Location, Source, Walk};
pub use mention::{Kind, Mention, Value};
pub use offset::{CharIndex, count_chars};
pub use turn::Turn;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_are_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Document>();
        assert_send_sync::<Mention>();
        assert_send_sync::<Analysis>();
        assert_send_sync::<InputError>();
    }
}
